/**
 * Which colour is which run, and how each one ended, right under the plot —
 * so a screenshot or a shared link explains itself. A run's ending shows
 * once the replay has reached it.
 */
import { memo } from 'react';
import type { RunSpec } from '../state/scene';
import { sampleCount } from '../core';
import { runColor } from '../plot/colors';
import { useAppStore } from '../state/store';
import { statusLabel, useRunStatus } from './useRunStatus';
import { useLanguage, useT, type Translate } from '../i18n';
import { translateSentence } from '../i18n/sentences';

function LegendItem({ run, isData }: { run: RunSpec; isData: boolean }) {
  const status = useRunStatus(run.key);
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  // How the run ended is told when the replay reaches the step it names ("diverged at step 76" with
  // the counter at 76): "ran all steps" beside dots still mid-path read as finished. A boolean
  // selector, so no render per replayed step.
  const told = useAppStore((s) => status.status === 'running' || s.playback.showAll || s.playback.step >= status.stoppedAt);
  const bad = status.status === 'diverged' || status.status === 'singular';
  const shown = run.hidden || told;
  return (
    <li className={run.hidden ? 'is-hidden' : undefined} title={shown ? translateSentence(lang, status.message) : undefined}>
      <span className="swatch" style={{ background: runColor(run.color) }} aria-hidden="true" />
      <span className="legend-label">{run.label}</span>
      {isData && <span className="legend-detail">{batchText(run.batchSize, t)}</span>}
      {/* Kept in the layout while untold (visibility, not absence), so the legend does not rewrap mid-replay. */}
      <span className={`legend-status${bad ? ' is-bad' : ''}${shown ? '' : ' is-untold'}`}>{run.hidden ? t('legend.hidden') : statusLabel(status, t)}</span>
    </li>
  );
}

/** On the regression surfaces the batch size is what tells runs apart. */
export function batchText(batchSize: number, t: Translate): string {
  if (batchSize <= 1) return t('legend.sgd');
  if (batchSize >= sampleCount) return t('legend.fullBatch', { count: sampleCount });
  return t('legend.miniBatch', { count: batchSize });
}

/** Memoised: the plot column re-renders on every zoom step, which changes nothing here. */
export const RunLegend = memo(function RunLegend({ runs, isData }: { runs: readonly RunSpec[]; isData: boolean }) {
  const t = useT();
  if (runs.length === 0) return null;
  return (
    <ul className="run-legend" aria-label={t('legend.aria')} data-testid="run-legend">
      {runs.map((run) => (
        <LegendItem key={run.key} run={run} isData={isData} />
      ))}
    </ul>
  );
});
