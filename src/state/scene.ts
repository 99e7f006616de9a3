/**
 * What the user chose: everything a link carries. The store holds one Scene;
 * the URL hash is its projection (urlCodec) and the worker turns it into runs.
 */
import type {
  GradientConfig,
  OptimizerConfig,
  ScheduleConfig,
  SurfaceId,
  Vec2,
  ViewBox,
} from '../core/types';
import { maxExpressionLength } from '../core/expression/limits';

/** One optimizer run drawn on the plot. */
export interface RunSpec {
  /** Stable identity inside the page (React keys, worker run lookup); not part of the link. */
  key: string;
  /** Shown in the legend; defaults to the optimizer's name and learning rate. Plain text, never HTML. */
  label: string;
  /** Index into the colour-blind-safe palette. */
  color: number;
  hidden: boolean;
  optimizer: OptimizerConfig;
  schedule: ScheduleConfig;
  gradient: GradientConfig;
  /** Mini-batch size on data surfaces; ignored elsewhere. */
  batchSize: number;
}

/**
 * The surface: a built-in by id (with the ripple of `bumpy`), or the user's
 * own f(x, y) when id is 'custom'. `expression` and `box` are present exactly
 * then: a normalized scene of any other surface has neither.
 */
export interface SceneSurface {
  id: SurfaceId;
  ripple: number;
  /** The typed f(x, y), plain text that parses (syntax: core/expression/parse.ts). */
  expression?: string;
  /** The custom surface's own box: its default view and where its critical points are searched. */
  box?: ViewBox;
}

export interface Scene {
  surface: SceneSurface;
  start: Vec2;
  /** Step budget of every run. */
  steps: number;
  /** Seed of the mini-batch shuffling. */
  seed: number;
  /** Stop a run when ‖Δx‖ < tolerance; 0 = never. */
  tolerance: number;
  maximize: boolean;
  runs: RunSpec[];
  /** The visible region; null = the surface's default view. */
  view: ViewBox | null;
}

/** Documented limits; the codec clamps to them and the UI enforces them. */
export const limits = {
  steps: { min: 1, max: 100_000 },
  runs: { max: 12 },
  learningRate: { min: 1e-5, max: 1000 },
  batchSize: { min: 1, max: 256 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  label: { maxLength: 40 },
  /** Length of a typed f(x, y) in UTF-16 code units (the parser's own limit). */
  expression: { maxLength: maxExpressionLength },
  hash: { maxLength: 8000 },
  coordinate: { maxAbs: 1e6 },
  /** Ripple amplitude r of the bumpy surface (the notes use 0 and 0.2). */
  ripple: { min: 0, max: 1 },
  /** Stop threshold on ‖Δx‖; 0 = never stop early. */
  tolerance: { min: 0, max: 1 },
  /** β, β1, β2 live in [0, 1); 1 − 1e−6 is the largest we accept. */
  beta: { min: 0, max: 0.999999 },
  /** ε lives in (0, 1]. */
  epsilon: { min: 1e-16, max: 1 },
  weightDecay: { min: 0, max: 10 },
  /** Decay factor γ of the exponential and step schedules, in (0, 1]. */
  decay: { min: 1e-6, max: 1 },
  /** Rate k of the inverse-time schedule η/(1 + k·n). */
  decayRate: { min: 0, max: 1000 },
  /** Steps between decays of the step schedule, and warm-up length. */
  interval: { min: 1, max: 100_000 },
  warmup: { min: 0, max: 100_000 },
  /** Finite-difference step h. */
  difference: { min: 1e-10, max: 100 },
  /** Palette index; one colour per possible run, so a free one always exists. */
  color: { min: 0, max: 11 },
  /** Playback speed in steps per second. */
  speed: { min: 0.25, max: 2000 },
  /** At most this many notices are kept; the rest are summarised in one. */
  notices: { max: 12 },
} as const;
