/**
 * What the saved PNG says under the plot: a caption naming the surface and
 * the step the picture shows, and one line per visible run. Paused mid-replay
 * (the picture shows each path up to step k), a run's line says how far it is
 * drawn, not how it ended: a figure saved at step 6 used to read "ran all
 * steps" under six steps of path.
 */
import type { Playback } from '../state/playbackSlice';
import type { Scene } from '../state/scene';
import type { Trajectory } from '../state/trajectories';
import type { Translate } from '../i18n';
import { surfaceName } from '../i18n/names';
import { runColor } from '../plot/colors';
import { statusLabel } from './useRunStatus';

export interface PngLegend {
  caption: string;
  runs: Array<{ color: string; text: string }>;
}

export function pngLegend(
  scene: Scene,
  playback: Pick<Playback, 'showAll' | 'step'>,
  trajectory: (key: string) => Pick<Trajectory, 'count' | 'status' | 'stoppedAt' | 'message'> | undefined,
  t: Translate,
): PngLegend {
  const shown = playback.showAll ? scene.steps : Math.min(playback.step, scene.steps);
  const caption = `${surfaceName(t, scene.surface.id)} · ${t('playback.count', { step: String(shown), steps: String(scene.steps) })}`;
  const runs = scene.runs
    .filter((run) => !run.hidden)
    .map((run) => {
      const path = trajectory(run.key);
      const drawn = path ? path.count - 1 : 0;
      let status = '';
      if (path && !playback.showAll && shown < drawn) status = t('png.drawnTo', { step: String(shown), steps: String(drawn) });
      else if (path) status = statusLabel({ status: path.status, stoppedAt: path.stoppedAt, message: path.message, steps: drawn }, t);
      return { color: runColor(run.color), text: status ? `${run.label} — ${status}` : run.label };
    });
  return { caption, runs };
}
