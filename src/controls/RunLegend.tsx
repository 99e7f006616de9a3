/**
 * Which colour is which run, and how each one ended, right under the plot —
 * so a screenshot or a shared link explains itself.
 */
import type { RunSpec } from '../state/scene';
import { sampleCount } from '../core';
import { runColor } from '../plot/colors';
import { statusLabel, useRunStatus } from './useRunStatus';

function LegendItem({ run, isData }: { run: RunSpec; isData: boolean }) {
  const status = useRunStatus(run.key);
  const bad = status.status === 'diverged' || status.status === 'singular';
  return (
    <li className={run.hidden ? 'is-hidden' : undefined} title={status.message}>
      <span className="swatch" style={{ background: runColor(run.color) }} aria-hidden="true" />
      <span className="legend-label">{run.label}</span>
      {isData && <span className="legend-detail">{batchText(run.batchSize)}</span>}
      <span className={`legend-status${bad ? ' is-bad' : ''}`}>{run.hidden ? 'hidden' : statusLabel(status)}</span>
    </li>
  );
}

/** On the regression surfaces the batch size is what tells runs apart. */
export function batchText(batchSize: number): string {
  if (batchSize <= 1) return 'SGD, batch 1';
  if (batchSize >= sampleCount) return `full batch ${sampleCount}`;
  return `mini-batch ${batchSize}`;
}

export function RunLegend({ runs, isData }: { runs: readonly RunSpec[]; isData: boolean }) {
  if (runs.length === 0) return null;
  return (
    <ul className="run-legend" aria-label="Runs on the plot" data-testid="run-legend">
      {runs.map((run) => (
        <LegendItem key={run.key} run={run} isData={isData} />
      ))}
    </ul>
  );
}
