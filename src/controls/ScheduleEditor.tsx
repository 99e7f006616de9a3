/** Picks a learning-rate schedule and its parameters. */
import type { ScheduleConfig } from '../core/types';
import { limits } from '../state/scene';
import { NumberField } from './NumberField';
import { useT, type MessageKey } from '../i18n';

export interface ScheduleEditorProps {
  schedule: ScheduleConfig;
  isData: boolean;
  onChange(schedule: ScheduleConfig): void;
}

const kinds: Array<[ScheduleConfig['kind'], MessageKey]> = [
  ['constant', 'schedule.constant'],
  ['inverse-time', 'schedule.inverseTime'],
  ['exponential', 'schedule.exponential'],
  ['inverse-sqrt', 'schedule.inverseSqrt'],
  ['step', 'schedule.step'],
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
  const t = useT();
  return (
    <fieldset className="schedule">
      <legend>{t('schedule.title')}</legend>
      <label className="field">
        {t('schedule.kind')}
        <select value={schedule.kind} onChange={(e) => onChange(withKind(e.target.value as ScheduleConfig['kind'], schedule))}>
          {kinds.map(([kind, key]) => (
            <option key={kind} value={kind}>{t(key)}</option>
          ))}
        </select>
      </label>
      {schedule.kind === 'inverse-time' && (
        <NumberField label="k" value={schedule.k} onCommit={(k) => onChange({ ...schedule, k })} {...limits.decayRate} />
      )}
      {(schedule.kind === 'exponential' || schedule.kind === 'step') && (
        <NumberField label="γ" value={schedule.gamma} onCommit={(gamma) => onChange({ ...schedule, gamma })} {...limits.decay} />
      )}
      {schedule.kind === 'step' && (
        <NumberField label={t('schedule.every')} value={schedule.every} onCommit={(every) => onChange({ ...schedule, every })} {...limits.interval} integer />
      )}
      <NumberField label={t('schedule.warmup')} value={schedule.warmup ?? 0} onCommit={(warmup) => onChange({ ...schedule, warmup })} {...limits.warmup} integer />
      {isData && (
        <label className="check">
          <input
            type="checkbox"
            checked={schedule.per === 'epoch'}
            onChange={(e) => onChange({ ...schedule, per: e.target.checked ? 'epoch' : 'step' })}
          />
          {t('schedule.perEpoch')}
        </label>
      )}
    </fieldset>
  );
}
