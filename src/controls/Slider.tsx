/** A linear slider with its value shown and a typed field, for β and the like. */
import { useId } from 'react';
import { NumberField } from './NumberField';
import { formatValue } from './format';
import { markInput } from '../plot/latency';
import { useT } from '../i18n';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  testId?: string;
}

export function Slider({ label, value, min, max, step, onChange, testId }: SliderProps) {
  const id = useId();
  const t = useT();
  return (
    <div className="log-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(max, Math.max(min, value))}
        aria-valuetext={formatValue(value)}
        onChange={(e) => {
          markInput();
          onChange(Number(e.target.value));
        }}
      />
      <NumberField label={t('field.typed', { label })} hideLabel value={value} onCommit={onChange} />
    </div>
  );
}
