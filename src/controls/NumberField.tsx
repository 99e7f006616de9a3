/**
 * A typed number field that commits on Enter or blur. While the text does not
 * parse as a finite number the field is marked invalid and nothing is sent,
 * so a half-typed "1e-" never reaches the store.
 */
import { useEffect, useId, useState } from 'react';
import { formatValue } from './format';

export interface NumberFieldProps {
  label: string;
  value: number;
  onCommit(value: number): void;
  /** Shown after the field, e.g. "steps". */
  unit?: string;
  step?: number | 'any';
  className?: string;
  /** Visually hide the label (it stays the accessible name). */
  hideLabel?: boolean;
  testId?: string;
}

export function NumberField({ label, value, onCommit, unit, step = 'any', className, hideLabel, testId }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(formatValue(value));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(formatValue(value));
  }, [value, editing]);
  const parsed = text.trim() === '' ? Number.NaN : Number(text);
  const valid = Number.isFinite(parsed);
  const commit = () => {
    setEditing(false);
    if (valid && parsed !== value) onCommit(parsed);
    else setText(formatValue(value));
  };
  return (
    <span className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!valid}
        value={text}
        data-step={step}
        onFocus={() => setEditing(true)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setText(formatValue(value));
            setEditing(false);
          }
        }}
      />
      {unit ? <span className="unit">{unit}</span> : null}
    </span>
  );
}
