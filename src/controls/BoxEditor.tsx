/**
 * The box of a typed surface: its default view, and where its critical points
 * are searched. Four edges, each committed on Enter or blur; a box that is
 * empty, or where f is finite nowhere, is refused with a line saying why.
 */
import { useState } from 'react';
import type { ViewBox } from '../core/types';
import { useLanguage, useT } from '../i18n';
import { translateSentence } from '../i18n/sentences';
import { limits } from '../state/scene';
import { NumberField } from './NumberField';
import { checkExpression } from './expressionCheck';

export interface BoxEditorProps {
  box: ViewBox;
  expression: string;
  onApply(box: ViewBox): boolean;
}

export function BoxEditor({ box, expression, onApply }: BoxEditorProps) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (edge: 0 | 1 | 2 | 3, value: number) => {
    const edges = [box.x[0], box.x[1], box.y[0], box.y[1]];
    edges[edge] = value;
    const next: ViewBox = { x: [edges[0], edges[1]], y: [edges[2], edges[3]] };
    if (!(next.x[0] < next.x[1] && next.y[0] < next.y[1])) return setProblem(t('custom.boxEmpty'));
    const checked = checkExpression(expression, next);
    if (!checked.ok) return setProblem(translateSentence(lang, checked.message));
    setProblem(onApply(next) ? null : t('custom.boxEmpty'));
  };
  const edge = (axis: 'x' | 'y', end: 0 | 1) => (
    <NumberField
      label={t(end === 0 ? 'custom.boxFrom' : 'custom.boxTo', { axis })}
      value={box[axis][end]}
      onCommit={(value) => commit(((axis === 'x' ? 0 : 2) + end) as 0 | 1 | 2 | 3, value)}
      testId={`box-${axis}${end}`}
      min={-limits.coordinate.maxAbs}
      max={limits.coordinate.maxAbs}
    />
  );
  return (
    <fieldset className="box-editor">
      <legend>{t('custom.box')}</legend>
      <div className="row">{edge('x', 0)}{edge('x', 1)}</div>
      <div className="row">{edge('y', 0)}{edge('y', 1)}</div>
      <p className="hint">{t('custom.boxHint')}</p>
      {problem && <p className="box-error" role="alert" data-testid="box-error">{problem}</p>}
    </fieldset>
  );
}
