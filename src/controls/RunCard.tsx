/** One run's controls: optimizer, learning rate, β's, advanced options, and how it ended. */
import { memo } from 'react';
import type { OptimizerId } from '../core/types';
import { optimizerIds, optimizerInfo } from '../core';
import { limits, type RunSpec } from '../state/scene';
import { useAppStore } from '../state/store';
import { runColor } from '../plot/colors';
import { LogSlider } from './LogSlider';
import { Slider } from './Slider';
import { AdvancedOptions } from './AdvancedOptions';
import { RunLabelField } from './RunLabelField';
import { statusLabel, useRunStatus } from './useRunStatus';
import { useLanguage, useT } from '../i18n';
import { optimizerName } from '../i18n/names';
import { translateSentence } from '../i18n/sentences';

export interface RunCardProps {
  run: RunSpec;
  index: number;
  isData: boolean;
}

/**
 * Memoised: a slider step changes one run, and the other cards (each with a
 * dozen inputs whose handlers are new every render) would otherwise all
 * re-render and re-write their inputs, ~3 ms of every step with eight runs.
 */
export const RunCard = memo(function RunCard({ run, index, isData }: RunCardProps) {
  const updateRun = useAppStore((s) => s.updateRun);
  const removeRun = useAppStore((s) => s.removeRun);
  const duplicateRun = useAppStore((s) => s.duplicateRun);
  const toggleRun = useAppStore((s) => s.toggleRun);
  const status = useRunStatus(run.key);
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const { optimizer } = run;
  const params = optimizerInfo[optimizer.id].hyperparameters;
  const set = (changes: Parameters<typeof updateRun>[1]) => updateRun(run.key, changes);
  const beta = (name: 'beta' | 'beta1' | 'beta2', label: string, fallback: number) =>
    params.includes(name) && (
      <Slider
        label={label}
        value={optimizer[name] ?? fallback}
        min={0}
        max={0.999}
        step={0.001}
        onChange={(value) => set({ optimizer: { [name]: value } })}
        testId={`run-${index}-${name}`}
        typedRange={limits.beta}
      />
    );
  const bad = status.status === 'diverged' || status.status === 'singular';
  return (
    <li className={`run-card${run.hidden ? ' is-hidden' : ''}`} data-testid={`run-${index}`} aria-label={t('run.aria', { n: index + 1, label: run.label })}>
      <div className="run-head">
        <span className="swatch" style={{ background: runColor(run.color) }} aria-hidden="true" />
        <RunLabelField label={run.label} ariaLabel={t('run.labelAria', { n: index + 1 })} onChange={(label) => set({ label })} />
        <button type="button" className="icon" onClick={() => toggleRun(run.key)} aria-pressed={run.hidden} title={run.hidden ? t('run.showTitle') : t('run.hideTitle')}>
          {run.hidden ? t('run.show') : t('run.hide')}
        </button>
        <button type="button" className="icon" onClick={() => duplicateRun(run.key)} title={t('run.copyTitle')}>
          {t('run.copy')}
        </button>
        <button type="button" className="icon danger" onClick={() => removeRun(run.key)} aria-label={t('run.removeAria', { n: index + 1 })} title={t('run.removeTitle')}>
          ✕
        </button>
      </div>
      <p className={`run-status${bad ? ' is-bad' : ''}`} data-testid={`run-${index}-status`} data-status={status.status} title={translateSentence(lang, status.message)}>
        {/* Told at once, unlike the legend's: "ran all steps" beside dots still mid-replay read as finished. */}
        {status.status === 'budget' && status.steps > 0 ? t('status.computed', { steps: String(status.steps) }) : statusLabel(status, t)}
      </p>
      <label className="field">
        {t('run.optimizer')}
        <select
          data-testid={`run-${index}-optimizer`}
          value={optimizer.id}
          onChange={(e) => set({ optimizer: { id: e.target.value as OptimizerId } })}
        >
          {optimizerIds.map((id) => (
            <option key={id} value={id}>{optimizerName(t, id)}</option>
          ))}
        </select>
      </label>
      {params.includes('learningRate') && (
        <LogSlider
          label={t('run.learningRate')}
          value={optimizer.learningRate ?? 0.01}
          min={1e-5}
          max={10}
          onChange={(learningRate) => set({ optimizer: { learningRate } })}
          testId={`run-${index}-lr`}
          typedRange={limits.learningRate}
        />
      )}
      {beta('beta', optimizer.id === 'rmsprop' || optimizer.id === 'adadelta' ? t('run.betaDecay') : t('run.betaMomentum'), 0.9)}
      {beta('beta1', 'β₁', 0.9)}
      {beta('beta2', 'β₂', 0.999)}
      <AdvancedOptions run={run} isData={isData} onChange={set} />
    </li>
  );
});
