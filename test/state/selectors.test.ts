import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { selectSimulationConfigs, selectVisibleRuns } from '../../src/state/selectors';

describe('selectors', () => {
  it('maps each run to the core configuration with the scene settings', () => {
    const store = createAppStore();
    store.getState().setSurface('linreg');
    store.getState().setSeed(9);
    const scene = store.getState().scene;
    const [first] = selectSimulationConfigs(scene);
    expect(first).toEqual({
      key: scene.runs[0].key,
      config: {
        surface: { id: 'linreg', ripple: 0 },
        optimizer: { id: 'gd', learningRate: 0.95 },
        schedule: { kind: 'constant' },
        gradient: { kind: 'analytic' },
        start: [-1, 2],
        steps: 60,
        tolerance: 0,
        maximize: false,
        batchSize: 256,
        seed: 9,
      },
    });
  });

  it('returns the same array while nothing that is computed changes', () => {
    const store = createAppStore();
    const before = selectSimulationConfigs(store.getState().scene);
    expect(selectSimulationConfigs(store.getState().scene)).toBe(before);
    store.getState().setView({ x: [0, 1], y: [0, 1] });
    store.getState().toggleRun(store.getState().scene.runs[0].key);
    store.getState().updateRun(store.getState().scene.runs[1].key, { label: 'renamed', color: 9 });
    expect(selectSimulationConfigs(store.getState().scene)).toBe(before);
    store.getState().setSteps(61);
    expect(selectSimulationConfigs(store.getState().scene)).not.toBe(before);
  });

  it('lists the visible runs, stable between calls', () => {
    const store = createAppStore();
    store.getState().toggleRun(store.getState().scene.runs[1].key);
    const visible = selectVisibleRuns(store.getState());
    expect(visible.map((r) => r.optimizer.id)).toEqual(['gd', 'adagrad', 'adam']);
    expect(selectVisibleRuns(store.getState())).toBe(visible);
  });
});
