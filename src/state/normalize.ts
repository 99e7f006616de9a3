/**
 * Bringing any Scene inside the documented `limits`. The URL codec, the store
 * setters and the presets all pass through here, so a value the UI would
 * refuse can't sneak in through a link either. Every correction can be
 * reported as a short sentence for the user.
 *
 * A normalized scene is canonical: each run's optimizer holds exactly the
 * hyperparameters that optimizer uses, schedules carry `warmup`/`per` only
 * when they differ from "none"/"step", and -0 is 0. The codec round-trips
 * canonical scenes exactly.
 */
import type { GradientConfig, OptimizerConfig, OptimizerId, ScheduleConfig, SurfaceId, Vec2, ViewBox } from '../core/types';
import { createSurface, optimizerDefaults, optimizerIds, optimizerInfo, surfaceIds } from '../core';
import { limits, type RunSpec, type Scene } from './scene';

/** Scene values a link may omit. */
export const sceneDefaults = {
  surface: 'ellipse' as SurfaceId,
  ripple: 0,
  steps: 60,
  seed: 1,
  tolerance: 0,
  batchSize: 256,
  /** Finite-difference step used when a link names a difference scheme without h. */
  difference: 1e-5,
} as const;

type Range = { readonly min: number; readonly max: number };

/** Shortest text that reads back as the same number (keeps the sign of -0). */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Clamp a number into a range; a non-number becomes `fallback`. Reports what
 * changed (prefix names the run, e.g. "Run 2: ").
 */
export function clampNumber(
  value: unknown, range: Range, what: string, fallback: number, notices?: string[], integer = false,
): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    if (value !== undefined) notices?.push(`${what} was not a number; used ${formatNumber(fallback)}.`);
    return fallback;
  }
  let result = integer ? Math.round(value) : value;
  if (result < range.min) result = range.min;
  else if (result > range.max) result = range.max;
  if (result === 0) result = 0; // -0 → 0: one canonical zero
  if (result !== value) {
    const inRange = value >= range.min && value <= range.max;
    notices?.push(inRange
      ? `${what} must be a whole number; used ${formatNumber(result)}.`
      : `${what} ${formatNumber(value)} is out of range; used ${formatNumber(result)}.`);
  }
  return result;
}

// Control characters, bidi overrides (text that reorders itself) and lone surrogates
// (which encodeURIComponent refuses) have no place in a legend label.
const unsafeText = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Plain text, at most `maxLength` code points, trimmed; idempotent. */
export function sanitizeText(text: string, maxLength: number = limits.label.maxLength): string {
  const clean = text.replace(unsafeText, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : '')).trim();
  const points = Array.from(clean);
  return points.length <= maxLength ? clean : points.slice(0, maxLength).join('').trim();
}

/** User text quoted inside a notice: short and harmless. */
export function quote(text: string): string {
  const clean = sanitizeText(text, 24);
  return `'${clean}${Array.from(text).length > 24 ? '…' : ''}'`;
}

export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === 'string' && (surfaceIds as string[]).includes(value);
}

export function isOptimizerId(value: unknown): value is OptimizerId {
  return typeof value === 'string' && (optimizerIds as string[]).includes(value);
}

/** The label a run gets when the user has not named it: "Adam · lr 0.3". */
export function autoLabel(optimizer: OptimizerConfig): string {
  const info = optimizerInfo[optimizer.id];
  const name = info?.name ?? optimizer.id;
  const usesRate = info?.hyperparameters.includes('learningRate') ?? false;
  return usesRate && optimizer.learningRate !== undefined ? `${name} · lr ${formatNumber(optimizer.learningRate)}` : name;
}

let keyCounter = 0;
/** A key no other run in this page has. */
export function newRunKey(): string {
  keyCounter += 1;
  return `run-${keyCounter}`;
}

/** Smallest palette index no run in `runs` uses (there is always one: runs ≤ colours). */
export function nextFreeColor(runs: ReadonlyArray<{ color: number }>): number {
  const used = new Set(runs.map((run) => run.color));
  let color = limits.color.min;
  while (used.has(color) && color < limits.color.max) color++;
  return color;
}

/** The default start of a surface (cheap: surfaces are cached). */
export function surfaceStart(id: SurfaceId): Vec2 {
  const start = createSurface(id).start;
  return [start[0], start[1]];
}

const hyperparameterNames: Record<string, string> = {
  learningRate: 'Learning rate', beta: 'β', beta1: 'β1', beta2: 'β2', epsilon: 'ε', weightDecay: 'Weight decay',
};
const hyperparameterRanges: Record<string, Range> = {
  learningRate: limits.learningRate, beta: limits.beta, beta1: limits.beta, beta2: limits.beta,
  epsilon: limits.epsilon, weightDecay: limits.weightDecay,
};

/** Exactly the hyperparameters the optimizer uses, given ones clamped, missing ones at their defaults. */
export function normalizeOptimizer(raw: OptimizerConfig, notices?: string[], prefix = ''): OptimizerConfig {
  const id = raw.id;
  const defaults = optimizerDefaults(id);
  const result: OptimizerConfig = { id };
  for (const name of optimizerInfo[id].hyperparameters) {
    const given = raw[name];
    const fallback = defaults[name];
    if (name === 'form') {
      const form = given === 'heavy-ball' || given === 'ema' ? given : fallback;
      if (form !== undefined) result.form = form as OptimizerConfig['form'];
    } else if (name === 'biasCorrection' || name === 'amsgrad') {
      const flag = typeof given === 'boolean' ? given : fallback;
      if (flag !== undefined) result[name] = Boolean(flag);
    } else {
      const range = hyperparameterRanges[name];
      if (given === undefined && fallback === undefined) continue;
      result[name] = clampNumber(given ?? fallback, range, `${prefix}${hyperparameterNames[name]}`,
        typeof fallback === 'number' ? fallback : range.min, notices);
    }
  }
  return result;
}

export function normalizeSchedule(raw: ScheduleConfig | undefined, notices?: string[], prefix = ''): ScheduleConfig {
  let schedule: ScheduleConfig;
  switch (raw?.kind) {
    case undefined:
    case 'constant':
      schedule = { kind: 'constant' };
      break;
    case 'inverse-time':
      schedule = { kind: 'inverse-time', k: clampNumber(raw.k, limits.decayRate, `${prefix}Decay rate k`, 0.1, notices) };
      break;
    case 'exponential':
      schedule = { kind: 'exponential', gamma: clampNumber(raw.gamma, limits.decay, `${prefix}Decay γ`, 0.99, notices) };
      break;
    case 'inverse-sqrt':
      schedule = { kind: 'inverse-sqrt' };
      break;
    case 'step':
      schedule = {
        kind: 'step',
        gamma: clampNumber(raw.gamma, limits.decay, `${prefix}Decay γ`, 0.5, notices),
        every: clampNumber(raw.every, limits.interval, `${prefix}Decay interval`, 100, notices, true),
      };
      break;
    default:
      notices?.push(`${prefix}Ignored unknown schedule ${quote(String((raw as { kind: unknown }).kind))}.`);
      schedule = { kind: 'constant' };
  }
  if (raw?.warmup !== undefined) {
    const warmup = clampNumber(raw.warmup, limits.warmup, `${prefix}Warm-up`, 0, notices, true);
    if (warmup > 0) schedule.warmup = warmup;
  }
  if (raw?.per === 'epoch') schedule.per = 'epoch';
  return schedule;
}

export function normalizeGradient(raw: GradientConfig | undefined, notices?: string[], prefix = ''): GradientConfig {
  if (raw?.kind === 'forward' || raw?.kind === 'central') {
    return { kind: raw.kind, h: clampNumber(raw.h, limits.difference, `${prefix}Difference step h`, sceneDefaults.difference, notices) };
  }
  return { kind: 'analytic' };
}

/** A run inside the limits. `color` falls back to `fallbackColor` when it is not a number. */
export function normalizeRun(raw: RunSpec, notices?: string[], prefix = '', fallbackColor = 0): RunSpec {
  const optimizer = normalizeOptimizer(raw.optimizer, notices, prefix);
  const label = typeof raw.label === 'string' ? sanitizeText(raw.label) : '';
  // Whatever a link loses is said: a label cut short or cleaned of characters that cannot be shown.
  if (notices && typeof raw.label === 'string' && label !== raw.label) {
    notices.push(Array.from(raw.label).length > limits.label.maxLength
      ? `${prefix}Label cut to ${limits.label.maxLength} characters.`
      : `${prefix}Label: removed characters that cannot be shown.`);
  }
  return {
    key: typeof raw.key === 'string' && raw.key !== '' ? raw.key : newRunKey(),
    label: label === '' ? autoLabel(optimizer) : label,
    color: clampNumber(raw.color, limits.color, `${prefix}Colour`, fallbackColor, notices, true),
    hidden: raw.hidden === true,
    optimizer,
    schedule: normalizeSchedule(raw.schedule, notices, prefix),
    gradient: normalizeGradient(raw.gradient, notices, prefix),
    batchSize: clampNumber(raw.batchSize, limits.batchSize, `${prefix}Batch size`, sceneDefaults.batchSize, notices, true),
  };
}

/** A view with finite, ordered, in-bounds edges, or null when none can be made. */
export function normalizeView(raw: ViewBox | null | undefined, notices?: string[]): ViewBox | null {
  if (!raw) return null;
  const bound = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
  const edges = [raw.x?.[0], raw.x?.[1], raw.y?.[0], raw.y?.[1]];
  if (!edges.every((e) => typeof e === 'number' && !Number.isNaN(e))) {
    notices?.push('Ignored a view that was not four numbers; showing the whole surface.');
    return null;
  }
  const [x0, x1, y0, y1] = edges.map((e) => clampNumber(e, bound, 'View edge', 0, notices));
  if (!(x0 < x1 && y0 < y1)) {
    notices?.push('Ignored an empty view; showing the whole surface.');
    return null;
  }
  return { x: [x0, x1], y: [y0, y1] };
}

/** A scene inside the limits, with unique run keys; corrections are reported in `notices`. */
export function normalizeScene(raw: Scene, notices?: string[]): Scene {
  let id = raw.surface?.id;
  if (!isSurfaceId(id)) {
    notices?.push(`Ignored unknown surface ${quote(String(id))}; showing the ellipse.`);
    id = sceneDefaults.surface;
  }
  const fallbackStart = surfaceStart(id);
  const bound = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
  const start: Vec2 = [
    clampNumber(raw.start?.[0], bound, 'Start x', fallbackStart[0], notices),
    clampNumber(raw.start?.[1], bound, 'Start y', fallbackStart[1], notices),
  ];
  let rawRuns = (Array.isArray(raw.runs) ? raw.runs : []).filter((run) => {
    const known = isOptimizerId(run?.optimizer?.id);
    if (!known) notices?.push(`Ignored unknown optimizer ${quote(String(run?.optimizer?.id))}.`);
    return known;
  });
  if (rawRuns.length > limits.runs.max) {
    notices?.push(`Kept the first ${limits.runs.max} runs; dropped ${rawRuns.length - limits.runs.max}.`);
    rawRuns = rawRuns.slice(0, limits.runs.max);
  }
  const runs: RunSpec[] = [];
  const keys = new Set<string>();
  for (const [i, rawRun] of rawRuns.entries()) {
    const run = normalizeRun(rawRun, notices, `Run ${i + 1}: `, nextFreeColor(runs));
    if (keys.has(run.key)) run.key = newRunKey();
    keys.add(run.key);
    runs.push(run);
  }
  return {
    surface: { id, ripple: clampNumber(raw.surface?.ripple, limits.ripple, 'Ripple', sceneDefaults.ripple, notices) },
    start,
    steps: clampNumber(raw.steps, limits.steps, 'Steps', sceneDefaults.steps, notices, true),
    seed: clampNumber(raw.seed, limits.seed, 'Seed', sceneDefaults.seed, notices, true),
    tolerance: clampNumber(raw.tolerance, limits.tolerance, 'Tolerance', sceneDefaults.tolerance, notices),
    maximize: raw.maximize === true,
    runs,
    view: normalizeView(raw.view, notices),
  };
}
