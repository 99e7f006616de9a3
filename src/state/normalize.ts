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
import { createBuiltinSurface, optimizerDefaults, optimizerIds, optimizerInfo, surfaceIds } from '../core';
import { formulaEngine } from './formulaEngine';
import type { PreparedCustomSurface } from '../core';
import { limits, type RunSpec, type Scene, type SceneSurface } from './scene';
import { defaultCustom } from './customExamples';

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

/** A surface a scene may show: the built-ins and 'custom' (which the core's `surfaceIds` leaves out). */
export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === 'string' && (value === 'custom' || (surfaceIds as string[]).includes(value));
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

const prepared = new Map<string, PreparedCustomSurface>();

/**
 * A typed surface checked and ready (no critical-point search: that is the
 * worker's). Remembered for the last few expressions, since encoding a link
 * normalizes the scene again and the start needs the evaluator.
 */
export function prepareCustom(expression: string, box: ViewBox): PreparedCustomSurface {
  const key = JSON.stringify([expression, box]);
  let result = prepared.get(key);
  if (!result) {
    const prepareCustomSurface = formulaEngine();
    // Loaded before any typed surface is read (formulaEngine.ts); if its chunk could not be
    // fetched, the expression is refused with a message that says so, and nothing breaks.
    if (!prepareCustomSurface) return { ok: false, message: 'the formula engine could not be loaded', column: 0, length: 0 };
    result = prepareCustomSurface({ expression, view: box });
    prepared.set(key, result);
    if (prepared.size > 8) prepared.delete(prepared.keys().next().value!);
  }
  return result;
}

/**
 * The default start of a surface (cheap: built-in surfaces are cached; a
 * custom one gives the core's default, a finite point near the upper left of its box).
 */
export function surfaceStart(surface: SurfaceId | SceneSurface): Vec2 {
  if (typeof surface !== 'string' && surface.id === 'custom') {
    let custom = prepareCustom(surface.expression ?? defaultCustom.expression, surface.box ?? defaultCustom.box);
    if (!custom.ok) custom = prepareCustom(defaultCustom.expression, defaultCustom.box);
    return custom.ok ? [custom.start[0], custom.start[1]] : [0, 0];
  }
  const start = createBuiltinSurface(typeof surface === 'string' ? surface : surface.id).start;
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

function copyBox(box: ViewBox): ViewBox {
  return { x: [box.x[0], box.x[1]], y: [box.y[0], box.y[1]] };
}

/** A custom surface's box: finite, ordered, in bounds; otherwise the default box (reported). */
export function normalizeBox(raw: ViewBox | null | undefined, notices?: string[]): ViewBox {
  if (!raw) return copyBox(defaultCustom.box);
  const bound = { min: -limits.coordinate.maxAbs, max: limits.coordinate.maxAbs };
  const edges = [raw.x?.[0], raw.x?.[1], raw.y?.[0], raw.y?.[1]];
  if (!edges.every((e) => typeof e === 'number' && !Number.isNaN(e))) {
    notices?.push(`Ignored a box that was not four numbers; used ${formatBox(defaultCustom.box)}.`);
    return copyBox(defaultCustom.box);
  }
  const [x0, x1, y0, y1] = edges.map((e) => clampNumber(e, bound, 'Box edge', 0, notices));
  if (!(x0 < x1 && y0 < y1)) {
    notices?.push(`Ignored an empty box; used ${formatBox(defaultCustom.box)}.`);
    return copyBox(defaultCustom.box);
  }
  return { x: [x0, x1], y: [y0, y1] };
}

function formatBox(box: ViewBox): string {
  return [box.x[0], box.x[1], box.y[0], box.y[1]].map(formatNumber).join(',');
}

/**
 * The surface part of a scene. A custom surface keeps its expression only if
 * it parses and is finite somewhere in its box; otherwise the default example
 * is shown and the notice says where the text went wrong.
 */
export function normalizeSurface(raw: SceneSurface | undefined, notices?: string[]): SceneSurface {
  let id = raw?.id;
  if (!isSurfaceId(id)) {
    notices?.push(`Ignored unknown surface ${quote(String(id))}; showing the ellipse.`);
    id = sceneDefaults.surface;
  }
  const ripple = clampNumber(raw?.ripple, limits.ripple, 'Ripple', sceneDefaults.ripple, notices);
  if (id !== 'custom') return { id, ripple };
  let box = normalizeBox(raw?.box, notices);
  let expression = raw?.expression;
  if (typeof expression !== 'string') {
    notices?.push(`A custom surface needs its expression (fx); showing ${quote(defaultCustom.expression)}.`);
    expression = defaultCustom.expression;
  }
  const custom = prepareCustom(expression, box);
  if (!custom.ok) {
    // The core's message may quote the link's text ('unknown function …'): quoted again, short and harmless.
    const cause = custom.message.replace(/'([^']*)'/g, (_, inner: string) => quote(inner));
    notices?.push(custom.column > 0
      ? `Ignored the expression ${quote(expression)}: ${cause} (column ${custom.column}); showing ${quote(defaultCustom.expression)}.`
      : `Ignored the expression ${quote(expression)}: ${cause}; showing ${quote(defaultCustom.expression)}.`);
    expression = defaultCustom.expression;
    box = copyBox(defaultCustom.box);
  }
  return { id, ripple, expression, box };
}

/** A scene inside the limits, with unique run keys; corrections are reported in `notices`. */
export function normalizeScene(raw: Scene, notices?: string[]): Scene {
  const surface = normalizeSurface(raw.surface, notices);
  const fallbackStart = surfaceStart(surface);
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
    surface,
    start,
    steps: clampNumber(raw.steps, limits.steps, 'Steps', sceneDefaults.steps, notices, true),
    seed: clampNumber(raw.seed, limits.seed, 'Seed', sceneDefaults.seed, notices, true),
    tolerance: clampNumber(raw.tolerance, limits.tolerance, 'Tolerance', sceneDefaults.tolerance, notices),
    maximize: raw.maximize === true,
    runs,
    view: normalizeView(raw.view, notices),
  };
}
