/**
 * The numbers under the pointer on the loss chart: each visible run's f at
 * the hovered step, or, for a run that stopped before it, its last f and
 * where it stopped. Without a hovered step it says how to get them, so the
 * line keeps its place and the page below does not jump.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { trajectories as defaultStore, type TrajectoryStore } from '../state/trajectories';
import type { RunSpec } from '../state/scene';
import { translate, type Lang } from '../i18n';
import { runColor } from './colors';

export interface LossReadoutProps {
  runs: readonly Pick<RunSpec, 'key' | 'color' | 'hidden' | 'label'>[];
  /** The step under the pointer, or null. */
  step: number | null;
  lang: Lang;
  store?: TrajectoryStore;
}

export interface ReadoutEntry {
  key: string;
  label: string;
  color: string;
  /** f at the step, or the run's last f when it stopped before. */
  f: number;
  /** The step the run stopped at, when that is before the hovered one. */
  stoppedAt: number | null;
}

/** Each visible run with points: its f at `step`, or its last one and where it stopped. */
export function readoutAt(store: TrajectoryStore, runs: LossReadoutProps['runs'], step: number): ReadoutEntry[] {
  const entries: ReadoutEntry[] = [];
  for (const run of runs) {
    if (run.hidden) continue;
    const trajectory = store.get(run.key);
    if (!trajectory || trajectory.count === 0) continue;
    const last = trajectory.count - 1;
    const at = Math.min(step, last);
    // A run still streaming has not reached the step yet: it has no value there, nor has it stopped.
    if (at < step && trajectory.status === 'running') continue;
    entries.push({
      key: run.key,
      label: run.label,
      color: runColor(run.color),
      f: trajectory.points[3 * at + 2],
      stoppedAt: at < step ? last : null,
    });
  }
  return entries;
}

/** Four significant digits: enough to compare runs, short enough for eight on two lines. */
export function compact(f: number): string {
  if (f === 0) return '0';
  const magnitude = Math.abs(f);
  if (magnitude >= 1e-3 && magnitude < 1e5) return String(Number(f.toPrecision(4)));
  return f.toExponential(2).replace(/\.?0+e/, 'e');
}

export function LossReadout({ runs, step, lang, store = defaultStore }: LossReadoutProps) {
  // While hovering, follow the store too: runs still streaming reach the step.
  const subscribe = useCallback((listener: () => void) => (step === null ? () => {} : store.subscribe(listener)), [store, step]);
  useSyncExternalStore(subscribe, store.version);
  if (step === null) {
    return <p className="loss-readout is-idle" data-testid="loss-readout">{translate(lang, 'loss.readoutHint')}</p>;
  }
  const entries = readoutAt(store, runs, step);
  return (
    <p className="loss-readout" data-testid="loss-readout">
      <span className="loss-readout-step">{translate(lang, 'loss.readoutStep', { step })}</span>
      {entries.map((entry) => (
        <span key={entry.key} className="loss-readout-run">
          <span className="loss-readout-swatch" style={{ backgroundColor: entry.color }} aria-hidden="true" />
          {entry.label} <b>{compact(entry.f)}</b>
          {entry.stoppedAt !== null && <> ({translate(lang, 'loss.readoutStopped', { step: entry.stoppedAt })})</>}
        </span>
      ))}
    </p>
  );
}
