/**
 * A learning-rate control: a slider over log10 η (so 1e−5 … 10 gets equal
 * room per decade) next to a typed field for exact values. The slider sends
 * every input event, so paths follow the thumb while it is dragged.
 */
import { useId } from 'react';
import { SliderTextField, type TypedRange } from './NumberField';
import { formatValue } from './format';
import { markInput } from '../plot/latency';

export interface LogSliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  testId?: string;
  /**
   * The values the app accepts when typed (state/scene `limits`), which may be
   * wider than the slider's span; a typed value outside is clamped and the
   * field says so, stating these limits.
   */
  typedRange?: TypedRange;
}

/** Slider positions per decade; values snap to 1, 1.25, 1.5 … of a decade's grid. */
const ticksPerDecade = 40;

export function LogSlider({ label, value, min, max, onChange, testId, typedRange }: LogSliderProps) {
  const id = useId();
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  const position = Math.min(hi, Math.max(lo, Math.log10(value)));
  return (
    <div className="log-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="range"
        min={lo}
        max={hi}
        step={1 / ticksPerDecade}
        value={position}
        aria-valuetext={formatValue(value)}
        onChange={(e) => {
          markInput();
          const next = 10 ** Number(e.target.value);
          // Round to 3 significant digits so links stay short and readable.
          onChange(Number(next.toPrecision(3)));
        }}
      />
      <SliderTextField label={label} value={value} onCommit={onChange} testId={testId} typedRange={typedRange} />
    </div>
  );
}
