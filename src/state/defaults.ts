/**
 * The scene a newcomer sees, and the one way runs are made. The default is
 * Saito's ellipse figure (Deep Learning from Scratch, fig. 6-8) with twice
 * the steps, so every optimizer visibly settles.
 */
import type { OptimizerConfig, OptimizerId } from '../core/types';
import type { RunSpec, Scene } from './scene';
import { nextFreeColor, normalizeRun, normalizeScene, sceneDefaults } from './normalize';

/** Anything a run may be created with; the optimizer part is merged over its defaults. */
export type RunOverrides = Partial<Omit<RunSpec, 'optimizer'>> & { optimizer?: Partial<Omit<OptimizerConfig, 'id'>> };

/**
 * A run of `optimizerId` with PyTorch's defaults, a constant schedule, the
 * analytic gradient, the full batch (256), an automatic label ("Adam · lr 0.3"), the
 * first colour none of `others` uses and a fresh key. Overrides are clamped.
 */
export function createRun(
  optimizerId: OptimizerId, overrides: RunOverrides = {}, others: ReadonlyArray<{ color: number }> = [],
): RunSpec {
  return normalizeRun({
    key: '',
    label: '',
    color: nextFreeColor(others),
    hidden: false,
    schedule: { kind: 'constant' },
    gradient: { kind: 'analytic' },
    batchSize: sceneDefaults.batchSize,
    ...overrides,
    optimizer: { ...overrides.optimizer, id: optimizerId },
  });
}

/** Runs given as [optimizer, overrides], coloured in order. */
export function createRuns(specs: ReadonlyArray<[OptimizerId, RunOverrides?]>): RunSpec[] {
  const runs: RunSpec[] = [];
  for (const [id, overrides] of specs) runs.push(createRun(id, overrides, runs));
  return runs;
}

/** Saito's four optimizers on the ellipse x²/20 + y² from (−7, 2). */
export function saitoRuns(): RunSpec[] {
  return createRuns([
    ['gd', { optimizer: { learningRate: 0.95 } }],
    ['momentum', { optimizer: { learningRate: 0.1, beta: 0.9 } }],
    ['adagrad', { optimizer: { learningRate: 1.5 } }],
    ['adam', { optimizer: { learningRate: 0.3, beta1: 0.9, beta2: 0.999 } }],
  ]);
}

/** What an empty link shows. */
export function defaultScene(): Scene {
  return normalizeScene({
    surface: { id: sceneDefaults.surface, ripple: sceneDefaults.ripple },
    start: [-7, 2],
    steps: sceneDefaults.steps,
    seed: sceneDefaults.seed,
    tolerance: sceneDefaults.tolerance,
    maximize: false,
    runs: saitoRuns(),
    view: null,
  });
}
