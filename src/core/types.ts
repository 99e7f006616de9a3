/**
 * The shared vocabulary of the numerical core. Everything here is plain data
 * so that a configuration can travel through a URL, a worker message or a JSON
 * export unchanged.
 */

/** A point in the plane, (x, y). On data surfaces x is the weight w and y the bias b. */
export type Vec2 = [number, number];

/** An axis-aligned box in surface coordinates. */
export interface ViewBox {
  x: [number, number];
  y: [number, number];
}

export type SurfaceId =
  | 'bowl'
  | 'ellipse'
  | 'bumpy'
  | 'saddle'
  | 'plateau'
  | 'rosenbrock'
  | 'beale'
  | 'himmelblau'
  | 'rastrigin'
  | 'linreg'
  | 'logreg'
  | 'custom';

/**
 * A surface by name, or with its options: `bumpy` has the ripple amplitude r;
 * `custom` is the user's own f(x, y), with the view box to draw and search
 * for critical points in.
 */
export type SurfaceSpec = SurfaceId | { id: SurfaceId; ripple?: number } | CustomSurfaceSpec;

/** The user's own f(x, y), e.g. 'x^2 + 10*y^2' (syntax: src/core/expression/parse.ts). */
export interface CustomSurfaceSpec {
  id: 'custom';
  expression: string;
  view: ViewBox;
  start?: Vec2;
  /** Never set; declared so code that reads `spec.ripple` from any spec object still type-checks. */
  ripple?: never;
}

export type CriticalKind = 'min' | 'max' | 'saddle' | 'degenerate';

export interface CriticalPoint {
  x: number;
  y: number;
  f: number;
  kind: CriticalKind;
  /** Eigenvalues of the Hessian at the point, ascending. */
  eigenvalues: [number, number];
}

/** A synthetic data set for the regression surfaces: inputs and targets (0/1 labels for logreg). */
export interface DataSet {
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * A loss surface. `gradient` and `hessian` write into `out` so the hot loop
 * allocates nothing; `hessian` writes [fxx, fxy, fyy].
 */
export interface Surface {
  id: SurfaceId;
  /** Human-readable formula, plain text. */
  formula: string;
  f(x: number, y: number): number;
  /**
   * Present on custom surfaces, whose f reads +∞ where it has no finite value:
   * f as computed, NaN outside the domain and ±∞ at a pole or an overflow.
   */
  rawF?(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
  view: ViewBox;
  start: Vec2;
  criticalPoints: CriticalPoint[];
  /** Present on data surfaces: the loss and gradient are means over the samples. */
  data?: DataSurfaceParts;
}

/** What a data surface adds: per-sample access so mini-batches can be drawn. */
export interface DataSurfaceParts {
  set: DataSet;
  /** Mean loss over samples order[from..to). */
  batchLoss(x: number, y: number, order: Int32Array, from: number, to: number): number;
  /** Mean gradient over samples order[from..to), written into out. */
  batchGradient(x: number, y: number, order: Int32Array, from: number, to: number, out: Float64Array): void;
}

export type OptimizerId =
  | 'gd'
  | 'momentum'
  | 'nesterov'
  | 'adagrad'
  | 'rmsprop'
  | 'adadelta'
  | 'adam'
  | 'adamw'
  | 'newton'
  | 'linesearch';

/**
 * An optimizer and its hyperparameters. Missing fields take PyTorch's
 * defaults (see `optimizerDefaults`).
 */
export interface OptimizerConfig {
  id: OptimizerId;
  learningRate?: number;
  /** Momentum / smoothing coefficient (momentum, nesterov, rmsprop, adadelta). */
  beta?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Decoupled weight decay λ (adamw). */
  weightDecay?: number;
  /** Momentum form: PyTorch's heavy ball (v ← βv + g) or Andrew Ng's EMA (v ← βv + (1 − β)g). */
  form?: 'heavy-ball' | 'ema';
  biasCorrection?: boolean;
  amsgrad?: boolean;
}

/** Learning-rate schedules; n = steps (or epochs) already taken, 0 for the first step. */
export type ScheduleConfig = (
  | { kind: 'constant' }
  | { kind: 'inverse-time'; k: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'inverse-sqrt' }
  | { kind: 'step'; gamma: number; every: number }
) & {
  /** Linear warm-up over this many steps (0 = none). */
  warmup?: number;
  /** On data surfaces, count n in epochs instead of steps. */
  per?: 'step' | 'epoch';
};

export type GradientConfig =
  | { kind: 'analytic' }
  | { kind: 'forward'; h: number }
  | { kind: 'central'; h: number };

export interface SimulationConfig {
  surface: SurfaceSpec;
  optimizer: OptimizerConfig;
  schedule?: ScheduleConfig;
  gradient?: GradientConfig;
  start?: Vec2;
  /** Step budget. */
  steps: number;
  /** Stop when ‖Δx‖ falls below this (0 or absent = never). */
  tolerance?: number;
  /** Climb instead of descend. */
  maximize?: boolean;
  /** Mini-batch size on data surfaces (default: all samples, i.e. batch GD). */
  batchSize?: number;
  /** Seed of the shuffling PRNG on data surfaces. */
  seed?: number;
  /** Also record the gradient, learning rate and optimizer state of every step. */
  explain?: boolean;
}

/**
 * Why a run stopped. `budget`: it took every step it was given.
 * `converged`: ‖Δx‖ fell below the tolerance. `diverged`: a value left the
 * finite numbers or |x|, |y| passed 1e6. `singular`: Newton met a Hessian with
 * |det H| < 1e−12. `stalled`: line search found no step that lowers f.
 */
export type StopStatus = 'running' | 'budget' | 'converged' | 'diverged' | 'singular' | 'stalled';

/** Per-step explanation of a run (filled only when `explain` is set). Index k describes step k + 1. */
export interface StepRecord {
  /** The gradient the optimizer used (of the objective it minimises), 2 per step. */
  gradients: Float64Array;
  /** Learning rate after the schedule, 1 per step. */
  learningRates: Float64Array;
  /** Optimizer state after the step, by name (e.g. velocity, m, s), 2 per step. */
  state: Record<string, Float64Array>;
}

export interface SimulationResult {
  /** x0, y0, f0, x1, y1, f1, … : the start and every accepted iterate. */
  points: Float64Array;
  /** Number of steps taken (points.length / 3 − 1). */
  steps: number;
  status: StopStatus;
  /** The step at which the run stopped (for `diverged`, the step that left the finite numbers). */
  stoppedAt: number;
  /** One sentence for the user saying why the run stopped. */
  message: string;
  explain?: StepRecord;
}
