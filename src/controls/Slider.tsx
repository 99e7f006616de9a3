/** A linear slider with its value shown and a typed field, for β and the like. */
import { useId } from 'react';
import { SliderTextField, type TypedRange } from './NumberField';
import { formatValue } from './format';
import { markInput } from '../plot/latency';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  testId?: string;
  /**
   * The values the app accepts when typed (state/scene `limits`), which may
   * differ from the slider's span (β: 0 … 0.999 dragged, up to 0.999999
   * typed); a typed value outside is clamped and the field says so.
   */
  typedRange?: TypedRange;
}

export function Slider({ label, value, min, max, step, onChange, testId, typedRange }: SliderProps) {
  const id = useId();
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
      <SliderTextField label={label} value={value} onCommit={onChange} testId={testId} typedRange={typedRange} />
    </div>
  );
}
