/** Picks a learning-rate schedule and its parameters. */
import type { ScheduleConfig } from '../core/types';
import { NumberField } from './NumberField';

export interface ScheduleEditorProps {
  schedule: ScheduleConfig;
  isData: boolean;
  onChange(schedule: ScheduleConfig): void;
}

const kinds: Array<[ScheduleConfig['kind'], string]> = [
  ['constant', 'constant η₀'],
  ['inverse-time', 'inverse time η₀/(1 + k·n)'],
  ['exponential', 'exponential η₀·γⁿ'],
  ['inverse-sqrt', 'inverse sqrt η₀/√(n + 1)'],
  ['step', 'step η₀·γ^⌊n/s⌋'],
];

function withKind(kind: ScheduleConfig['kind'], from: ScheduleConfig): ScheduleConfig {
  const common = { warmup: from.warmup, per: from.per };
  switch (kind) {
    case 'inverse-time': return { kind, k: 'k' in from ? from.k : 0.1, ...common };
    case 'exponential': return { kind, gamma: 'gamma' in from ? from.gamma : 0.95, ...common };
    case 'step': return { kind, gamma: 'gamma' in from ? from.gamma : 0.5, every: 'every' in from ? from.every : 10, ...common };
    default: return { kind, ...common };
  }
}

export function ScheduleEditor({ schedule, isData, onChange }: ScheduleEditorProps) {
  return (
    <fieldset className="schedule">
      <legend>learning-rate schedule</legend>
      <label className="field">
        kind
        <select value={schedule.kind} onChange={(e) => onChange(withKind(e.target.value as ScheduleConfig['kind'], schedule))}>
          {kinds.map(([kind, text]) => (
            <option key={kind} value={kind}>{text}</option>
          ))}
        </select>
      </label>
      {schedule.kind === 'inverse-time' && (
        <NumberField label="k" value={schedule.k} onCommit={(k) => onChange({ ...schedule, k })} />
      )}
      {(schedule.kind === 'exponential' || schedule.kind === 'step') && (
        <NumberField label="γ" value={schedule.gamma} onCommit={(gamma) => onChange({ ...schedule, gamma })} />
      )}
      {schedule.kind === 'step' && (
        <NumberField label="every s" value={schedule.every} onCommit={(every) => onChange({ ...schedule, every })} />
      )}
      <NumberField label="warm-up steps" value={schedule.warmup ?? 0} onCommit={(warmup) => onChange({ ...schedule, warmup })} />
      {isData && (
        <label className="check">
          <input
            type="checkbox"
            checked={schedule.per === 'epoch'}
            onChange={(e) => onChange({ ...schedule, per: e.target.checked ? 'epoch' : 'step' })}
          />
          count n in epochs
        </label>
      )}
    </fieldset>
  );
}
