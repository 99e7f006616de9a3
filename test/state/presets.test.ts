import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { findPreset, presets } from '../../src/state/presets';
import { normalizeScene } from '../../src/state/normalize';
import { selectSimulationConfigs } from '../../src/state/selectors';
import { withoutKeys } from './arbitraries';

/** Final (x, y, f), status and step count of each run of a preset. */
function outcomes(id: string) {
  const scene = findPreset(id)!.scene();
  return selectSimulationConfigs(scene).map(({ config }) => {
    const run = simulate(config);
    const n = run.points.length / 3 - 1;
    return { x: run.points[3 * n], y: run.points[3 * n + 1], f: run.points[3 * n + 2], status: run.status, steps: run.steps };
  });
}

describe('presets', () => {
  it('each has an id, a title, one sentence and an already normalized scene', () => {
    const ids = new Set<string>();
    for (const preset of presets) {
      expect(preset.id).toMatch(/^[a-z-]+$/);
      ids.add(preset.id);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(preset.description).toMatch(/^[^.]+\.$/u);
      const notices: string[] = [];
      const scene = preset.scene();
      expect(withoutKeys(normalizeScene(scene, notices))).toEqual(withoutKeys(scene));
      expect(notices).toEqual([]);
    }
    expect(ids.size).toBe(presets.length);
  });

  it("reproduces Saito's figure: four optimizers, 30 steps from (−7, 2)", () => {
    const scene = findPreset('saito')!.scene();
    expect(scene.start).toEqual([-7, 2]);
    expect(scene.steps).toBe(30);
    expect(scene.runs.map((r) => [r.optimizer.id, r.optimizer.learningRate])).toEqual([
      ['gd', 0.95], ['momentum', 0.1], ['adagrad', 1.5], ['adam', 0.3],
    ]);
  });

  it('shows every learning-rate regime on the bowl: diverge, diverge slowly, bounce, converge, crawl', () => {
    const [huge, large, one, good, tiny] = outcomes('learning-rate');
    expect(huge.status).toBe('diverged');
    expect(large.status).toBe('diverged');
    expect(large.steps).toBeGreaterThan(huge.steps);
    expect([one.status, Math.abs(one.x), Math.abs(one.y)]).toEqual(['budget', 1, 1]);
    expect(good.f).toBeLessThan(1e-12);
    expect(tiny.f).toBeGreaterThan(0.01);
  });

  it('lets Adam leave the plateau while GD stays on it', () => {
    const [gd, adam] = outcomes('plateau');
    expect(gd.f).toBeGreaterThan(0.99);
    expect(adam.f).toBeLessThan(1e-6);
  });

  it('sends Newton onto the saddle while gradient descent slides off it', () => {
    const [gd, , , newton] = outcomes('saddle');
    expect(Math.abs(gd.y)).toBeGreaterThan(0.5);
    expect(Math.hypot(newton.x, newton.y)).toBeLessThan(1e-9);
  });

  it('makes smaller batches end further from the least-squares line', () => {
    const [full, sixteen, one] = outcomes('mini-batch');
    expect(full.f).toBeLessThan(sixteen.f);
    expect(sixteen.f).toBeLessThan(one.f);
  });

  it('leaves GD crawling in the Rosenbrock valley while Adam and momentum arrive', () => {
    const [adam, momentum, gd] = outcomes('rosenbrock');
    expect(Math.hypot(adam.x - 1, adam.y - 1)).toBeLessThan(0.1);
    expect(Math.hypot(momentum.x - 1, momentum.y - 1)).toBeLessThan(0.1);
    expect(Math.hypot(gd.x - 1, gd.y - 1)).toBeGreaterThan(0.5);
  });
});
