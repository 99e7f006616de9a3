/**
 * Ready-made scenes, each one lesson from the course notes. Learning rates
 * were chosen by running the core so that every run tells its story inside
 * the step budget (e.g. GD on Rosenbrock still crawling along the valley
 * after 1000 steps while momentum and Adam arrive).
 */
import type { OptimizerId, SurfaceId, Vec2 } from '../core/types';
import type { Scene } from './scene';
import { createRuns, saitoRuns, type RunOverrides } from './defaults';
import { normalizeScene, sceneDefaults, surfaceStart } from './normalize';

export interface Preset {
  id: string;
  title: string;
  /** One sentence saying what to look at. */
  description: string;
  scene: () => Scene;
}

function scene(
  surface: SurfaceId, start: Vec2 | null, steps: number, runs: ReadonlyArray<[OptimizerId, RunOverrides?]>,
): Scene {
  return normalizeScene({
    surface: { id: surface, ripple: sceneDefaults.ripple },
    start: start ?? surfaceStart(surface),
    steps,
    seed: sceneDefaults.seed,
    tolerance: sceneDefaults.tolerance,
    maximize: false,
    runs: createRuns(runs),
    view: null,
  });
}

const lr = (learningRate: number, more: RunOverrides = {}): RunOverrides => ({
  ...more,
  optimizer: { learningRate, ...more.optimizer },
});

export const presets: readonly Preset[] = [
  {
    id: 'saito',
    title: "Saito's ellipse",
    description: 'SGD zig-zags across the narrow valley of x²/20 + y², while Momentum, AdaGrad and Adam each find their own way down.',
    scene: () => ({ ...scene('ellipse', [-7, 2], 30, []), runs: saitoRuns() }),
  },
  {
    id: 'learning-rate',
    title: 'The learning rate',
    description: 'The same gradient descent on x² + y² with five step sizes: too large diverges, 1 bounces forever, too small crawls.',
    scene: () => scene('bowl', [-1, 1], 100, [
      ['gd', lr(10)], ['gd', lr(1.1)], ['gd', lr(1)], ['gd', lr(0.1)], ['gd', lr(0.01)],
    ]),
  },
  {
    id: 'plateau',
    title: 'Escaping a plateau',
    description: 'On the flat shoulder of tanh(x² + y²) the gradient almost vanishes: GD barely moves, Adam rescales its steps and walks off.',
    scene: () => scene('plateau', [2, 1.5], 300, [['gd', lr(0.1)], ['adam', lr(0.1)]]),
  },
  {
    id: 'saddle',
    title: 'A saddle point',
    description: 'Starting almost on the ridge of x² − y², first-order methods slide off slowly, while Newton jumps straight onto the saddle.',
    scene: () => scene('saddle', [-0.9, 0.01], 40, [
      ['gd', lr(0.1)], ['momentum', lr(0.05, { optimizer: { beta: 0.9 } })], ['adam', lr(0.05)], ['newton', lr(1)],
    ]),
  },
  {
    id: 'mini-batch',
    title: 'Mini-batch noise',
    description: 'Fitting a line to 256 points: the full batch walks smoothly, batches of 16 wobble, single samples wander around the minimum.',
    scene: () => scene('linreg', null, 300, [
      ['gd', lr(0.1, { batchSize: 256 })], ['gd', lr(0.1, { batchSize: 16 })], ['gd', lr(0.1, { batchSize: 1 })],
    ]),
  },
  {
    id: 'rosenbrock',
    title: "Rosenbrock's valley",
    description: 'The curved valley of (1 − x)² + 100(y − x²)²: GD crawls along the floor, momentum and Adam reach the minimum at (1, 1).',
    scene: () => scene('rosenbrock', [-1.5, 2], 1000, [
      ['adam', lr(0.05)], ['momentum', lr(0.001, { optimizer: { beta: 0.9 } })], ['gd', lr(0.001)],
    ]),
  },
];

/** The preset with this id, if any. */
export function findPreset(id: string): Preset | undefined {
  return presets.find((preset) => preset.id === id);
}
