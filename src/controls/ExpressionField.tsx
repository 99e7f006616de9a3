/**
 * The text field of "Your own f(x, y)". What is typed is checked a moment
 * after the typing stops (or at once on Enter or leaving the field); text
 * that works becomes the surface, text that does not gets a line under the
 * field with the column and the parser's message, and the plot keeps the
 * last surface that worked meanwhile. Text is shown as React text only.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ViewBox } from '../core/types';
import { limits } from '../state/scene';
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { checkExpression, problemContext, type ExpressionCheck } from './expressionCheck';

export interface ExpressionFieldProps {
  /** The expression on screen (the store's). */
  expression: string;
  box: ViewBox;
  /** Apply text that passed the check; returns whether the store took it. */
  onApply(expression: string): boolean;
  /** Quiet time after the last keystroke before the text is checked, ms. */
  delayMs?: number;
}

type Problem = Extract<ExpressionCheck, { ok: false }> & { text: string };

export function ExpressionField({ expression, box, onApply, delayMs = 400 }: ExpressionFieldProps) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const id = useId();
  const [text, setText] = useState(expression);
  const [problem, setProblem] = useState<Problem | null>(null);
  const applied = useRef(expression);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A new expression from elsewhere (a link, an example, Back) replaces whatever was being typed.
  useEffect(() => {
    if (expression === applied.current) return;
    applied.current = expression;
    clearTimeout(timer.current);
    setText(expression);
    setProblem(null);
  }, [expression]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const check = (value: string) => {
    clearTimeout(timer.current);
    const result = checkExpression(value, box);
    if (!result.ok) return setProblem({ ...result, text: value });
    setProblem(null);
    if (result.expression === applied.current) return;
    applied.current = result.expression;
    if (!onApply(result.expression)) applied.current = expression;
  };

  const errorId = `${id}-error`;
  const context = problem && problem.column > 0 ? problemContext(problem.text, problem.column, problem.length) : null;
  const message = problem ? translateSentence(lang, problem.message) : '';
  return (
    <div className="expression-field">
      <label htmlFor={id} className="expression-label">{t('custom.label')}</label>
      <input
        id={id}
        data-testid="expression"
        type="text"
        className="expression-input"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        maxLength={limits.expression.maxLength}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => check(value), delayMs);
        }}
        onBlur={() => check(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') check(text);
        }}
      />
      {problem && (
        <div className="expression-error" id={errorId} role="alert" data-testid="expression-error" data-column={problem.column}>
          <p>{problem.column > 0 ? t('custom.errorAt', { column: problem.column, message }) : message}</p>
          {context && (
            <code className="expression-context" aria-hidden="true">
              {context.before}<mark>{context.marked === '' ? ' ' : context.marked}</mark>{context.after}
            </code>
          )}
          <p className="hint">{t('custom.keptLast')}</p>
        </div>
      )}
    </div>
  );
}
