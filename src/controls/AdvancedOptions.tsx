/**
 * The rest of a run's options, folded away: ε, weight decay, momentum form,
 * bias correction, AMSGrad, the schedule, the batch size on data surfaces
 * and the gradient source.
 */
import type { GradientConfig, OptimizerConfig, ScheduleConfig } from '../core/types';
import { optimizerInfo } from '../core';
import { limits, type RunSpec } from '../state/scene';
import type { RunPatch } from '../state/store';
import { NumberField } from './NumberField';
import { ScheduleEditor } from './ScheduleEditor';
import { useT } from '../i18n';

export interface AdvancedOptionsProps {
  run: RunSpec;
  isData: boolean;
  onChange(patch: RunPatch): void;
}

const batchSizes = [1, 2, 4, 8, 16, 32, 64, 128, 256];

export function AdvancedOptions({ run, isData, onChange }: AdvancedOptionsProps) {
  const { optimizer } = run;
  const t = useT();
  const has = (name: string) => (optimizerInfo[optimizer.id].hyperparameters as string[]).includes(name);
  const setOptimizer = (changes: Partial<OptimizerConfig>) => onChange({ optimizer: changes });
  const setGradient = (gradient: GradientConfig) => onChange({ gradient });
  const setSchedule = (schedule: ScheduleConfig) => onChange({ schedule });
  return (
    <details className="advanced">
      <summary>{t('advanced.title')}</summary>
      <div className="advanced-grid">
        {has('epsilon') && (
          <NumberField label={t('advanced.epsilon')} value={optimizer.epsilon ?? 1e-8} onCommit={(epsilon) => setOptimizer({ epsilon })} {...limits.epsilon} />
        )}
        {has('weightDecay') && (
          <NumberField label={t('advanced.weightDecay')} value={optimizer.weightDecay ?? 0.01} onCommit={(weightDecay) => setOptimizer({ weightDecay })} {...limits.weightDecay} />
        )}
        {has('form') && (
          <label className="field">
            {t('advanced.form')}
            <select value={optimizer.form ?? 'heavy-ball'} onChange={(e) => setOptimizer({ form: e.target.value as 'heavy-ball' | 'ema' })}>
              <option value="heavy-ball">{t('advanced.formHeavyBall')}</option>
              <option value="ema">{t('advanced.formEma')}</option>
            </select>
          </label>
        )}
        {has('biasCorrection') && (
          <label className="check">
            <input type="checkbox" checked={optimizer.biasCorrection ?? true} onChange={(e) => setOptimizer({ biasCorrection: e.target.checked })} />
            {t('advanced.biasCorrection')}
          </label>
        )}
        {has('amsgrad') && (
          <label className="check">
            <input type="checkbox" checked={optimizer.amsgrad ?? false} onChange={(e) => setOptimizer({ amsgrad: e.target.checked })} />
            AMSGrad
          </label>
        )}
        {optimizer.id !== 'linesearch' && <ScheduleEditor schedule={run.schedule} isData={isData} onChange={setSchedule} />}
        {isData && (
          <label className="field">
            {t('advanced.batchSize')}
            <select value={batchSizes.includes(run.batchSize) ? run.batchSize : ''} onChange={(e) => onChange({ batchSize: Number(e.target.value) })}>
              {!batchSizes.includes(run.batchSize) && <option value="">{run.batchSize}</option>}
              {batchSizes.map((b) => (
                <option key={b} value={b}>
                  {b === 1 ? t('advanced.batchSgd', { count: b }) : b === 256 ? t('advanced.batchFull', { count: b }) : b}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          {t('advanced.gradient')}
          <select
            value={run.gradient.kind}
            onChange={(e) => {
              const kind = e.target.value as GradientConfig['kind'];
              setGradient(kind === 'analytic' ? { kind } : { kind, h: 'h' in run.gradient ? run.gradient.h : 1e-4 });
            }}
          >
            <option value="analytic">{t('advanced.analytic')}</option>
            <option value="forward">{t('advanced.forward')}</option>
            <option value="central">{t('advanced.central')}</option>
          </select>
        </label>
        {run.gradient.kind !== 'analytic' && (
          <NumberField label="h" value={run.gradient.h} onCommit={(h) => setGradient({ kind: run.gradient.kind as 'forward', h })} {...limits.difference} />
        )}
      </div>
    </details>
  );
}
