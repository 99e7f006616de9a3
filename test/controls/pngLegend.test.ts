import { describe, expect, it } from 'vitest';
import { pngLegend } from '../../src/controls/pngLegend';
import { defaultScene } from '../../src/state/defaults';
import { translate } from '../../src/i18n';

const t = ((key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars as Record<string, string>)) as Parameters<typeof pngLegend>[3];

describe('the saved PNG legend', () => {
  const scene = defaultScene();
  const [gd, momentum] = scene.runs;
  // GD ran all its steps; momentum diverged at step 4.
  const paths = new Map([
    [gd.key, { count: scene.steps + 1, status: 'budget' as const, stoppedAt: scene.steps, message: '' }],
    [momentum.key, { count: 5, status: 'diverged' as const, stoppedAt: 4, message: 'Diverged at step 4: |x| or |y| passed 1e+6.' }],
  ]);
  const trajectory = (key: string) => paths.get(key);

  it('names the surface and the step shown, and how far each path is drawn when paused mid-replay', () => {
    const legend = pngLegend(scene, { showAll: false, step: 6 }, trajectory, t);
    expect(legend.caption).toBe(`Ellipse · step 6 / ${scene.steps}`);
    expect(legend.runs[0].text).toBe(`${gd.label} — drawn to step 6 of ${scene.steps}`);
    // A path that ended before the step shown is drawn whole: it says how it ended.
    expect(legend.runs[1].text).toBe(`${momentum.label} — diverged at step 4`);
  });

  it('says how each run ended when the paths are shown whole', () => {
    const legend = pngLegend(scene, { showAll: true, step: 0 }, trajectory, t);
    expect(legend.caption).toBe(`Ellipse · step ${scene.steps} / ${scene.steps}`);
    expect(legend.runs[0].text).toBe(`${gd.label} — ran all steps`);
  });

  it('leaves hidden runs out', () => {
    const hidden = { ...scene, runs: scene.runs.map((run, i) => ({ ...run, hidden: i === 0 })) };
    expect(pngLegend(hidden, { showAll: true, step: 0 }, trajectory, t).runs.map((r) => r.text)).not.toContain(`${gd.label} — ran all steps`);
  });
});
