/**
 * A run's stop status from the trajectory store, as a string snapshot: the
 * component re-renders when the status changes, not on every streamed chunk.
 */
import { useSyncExternalStore } from 'react';
import { trajectories } from '../state/trajectories';
import type { StopStatus } from '../core/types';
import { translate, useLanguage, type Translate } from '../i18n';

export interface RunStatus {
  status: StopStatus;
  stoppedAt: number;
  message: string;
  /** Steps received so far. */
  steps: number;
}

export function useRunStatus(key: string): RunStatus {
  const snapshot = useSyncExternalStore(trajectories.subscribe, () => {
    const run = trajectories.get(key);
    if (!run) return 'running|0||0';
    // Step counts only matter once a run stopped; while running, don't re-render per chunk.
    const steps = run.status === 'running' ? 0 : Math.max(0, run.count - 1);
    return `${run.status}|${run.stoppedAt}|${steps}|${run.message}`;
  });
  const [status, stoppedAt, steps, ...message] = snapshot.split('|');
  return { status: status as StopStatus, stoppedAt: Number(stoppedAt), steps: Number(steps), message: message.join('|') };
}

/** The page's current language, for callers outside a component (pass useT()'s `t` inside one). */
const currentT: Translate = (key, vars) => translate(useLanguage.getState().lang, key, vars);

/**
 * A run on a typed f(x, y) that steps where f is undefined stops as
 * 'diverged' (the core has no separate status: the point is as unusable as an
 * infinite one), and its message says so; the badge says it too.
 */
export function leftDomain(message: string): boolean {
  return message.includes("outside the function's domain");
}

/** A few words for the run's badge. */
export function statusLabel({ status, stoppedAt, message }: RunStatus, t: Translate = currentT): string {
  switch (status) {
    case 'running': return t('status.running');
    case 'budget': return t('status.budget');
    case 'converged': return t('status.converged', { step: stoppedAt });
    case 'diverged': return leftDomain(message) ? t('status.outsideDomain', { step: stoppedAt }) : t('status.diverged', { step: stoppedAt });
    case 'singular': return t('status.singular', { step: stoppedAt });
    case 'stalled': return t('status.stalled', { step: stoppedAt });
  }
}
