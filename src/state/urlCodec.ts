/**
 * The link grammar (version 1). A hash is `&`-separated `key=value` pairs:
 *
 *   v=1                 grammar version (a link without it is read as 1)
 *   s=ellipse           surface id, or `custom` for the user's own f(x, y)
 *   r=0.2               ripple of the bumpy surface              (default 0)
 *   fx=x%5E2+y%5E2      with s=custom: the expression, percent-encoded but for ( ) * + , /
 *                       (always written)
 *   box=x0,x1,y0,y1     with s=custom: its box, the default view and where critical
 *                       points are searched                      (always written)
 *   start=-7,2          start point                              (default: the surface's)
 *   n=60                steps                                    (default 60)
 *   seed=1              mini-batch shuffling seed                (default 1)
 *   tol=0.001           stop when ‖Δx‖ < tol                     (default 0 = never)
 *   max=1               climb instead of descend
 *   run=…               one per run, in legend order; `run=none` for no runs
 *                       (a link without any `run` shows the default runs)
 *   view=x0,x1,y0,y1    visible region                           (default: the surface's)
 *
 * A run is `optimizer(key=value,…)` or just `optimizer`. Its keys:
 *   lr b b1 b2 eps wd   learning rate, β, β1, β2, ε, weight decay (default: the optimizer's)
 *   form=hb|ema  bc=0|1  ams=0|1
 *   sched=const|invtime:k|exp:γ|invsqrt|step:γ:every   warm=steps   per=epoch
 *   grad=analytic|forward:h|central:h   bs=32   hide   c=palette index   label=percent-encoded text
 *
 * Values equal to their defaults are left out so links stay short; numbers
 * are written with String(x), the shortest text that reads back exactly, so a
 * normalized scene survives encode → decode unchanged. The one exception to
 * "defaults are omitted" is the colour, whose default is "the first colour no
 * earlier run uses", replayed the same way by both sides.
 *
 * Decoding never throws: syntax problems are reported here, range problems
 * by normalizeScene, all as short sentences for the user.
 */
import type { GradientConfig, OptimizerConfig, ScheduleConfig, SurfaceId } from '../core/types';
import { optimizerDefaults, optimizerInfo } from '../core';
import { limits, type RunSpec, type Scene } from './scene';
import {
  autoLabel, formatNumber, isOptimizerId, isSurfaceId, nextFreeColor, normalizeScene, quote, sceneDefaults, surfaceStart,
} from './normalize';
import { defaultScene } from './defaults';
import { decodeText, encodeExpression, encodeText, parseFlag, parseNumber, parseNumbers } from './urlText';

export const codecVersion = 1;

const shortKeys: Record<string, string> = {
  learningRate: 'lr', beta: 'b', beta1: 'b1', beta2: 'b2', epsilon: 'eps', weightDecay: 'wd',
  form: 'form', biasCorrection: 'bc', amsgrad: 'ams',
};
const displayNames: Record<string, string> = {
  lr: 'Learning rate', b: 'β', b1: 'β1', b2: 'β2', eps: 'ε', wd: 'Weight decay', bc: 'Bias correction', ams: 'AMSGrad',
};
const sceneKeys = new Set(['v', 's', 'r', 'fx', 'box', 'start', 'n', 'seed', 'tol', 'max', 'view']);

// ───────────────────────────── encode ─────────────────────────────

/** The hash (without '#') that decodes back to `scene`. */
export function encodeScene(scene: Scene): string {
  const s = normalizeScene(scene);
  const parts = [`v=${codecVersion}`, `s=${s.surface.id}`];
  if (s.surface.ripple !== sceneDefaults.ripple) parts.push(`r=${formatNumber(s.surface.ripple)}`);
  // Written even when they equal the defaults: a shared f(x, y) must not change if the default example does.
  if (s.surface.expression !== undefined) parts.push(`fx=${encodeExpression(s.surface.expression)}`);
  if (s.surface.box) parts.push(`box=${list([...s.surface.box.x, ...s.surface.box.y])}`);
  const start = surfaceStart(s.surface);
  if (!Object.is(s.start[0], start[0]) || !Object.is(s.start[1], start[1])) parts.push(`start=${list(s.start)}`);
  if (s.steps !== sceneDefaults.steps) parts.push(`n=${s.steps}`);
  if (s.seed !== sceneDefaults.seed) parts.push(`seed=${s.seed}`);
  if (s.tolerance !== sceneDefaults.tolerance) parts.push(`tol=${formatNumber(s.tolerance)}`);
  if (s.maximize) parts.push('max=1');
  if (s.runs.length === 0) parts.push('run=none');
  s.runs.forEach((run, i) => parts.push(`run=${encodeRun(run, nextFreeColor(s.runs.slice(0, i)))}`));
  if (s.view) parts.push(`view=${list([...s.view.x, ...s.view.y])}`);
  return parts.join('&');
}

function list(values: number[]): string {
  return values.map(formatNumber).join(',');
}

function encodeRun(run: RunSpec, defaultColor: number): string {
  const { optimizer } = run;
  const defaults = optimizerDefaults(optimizer.id);
  const params: string[] = [];
  for (const name of optimizerInfo[optimizer.id].hyperparameters) {
    const value = optimizer[name];
    if (value === undefined || Object.is(value, defaults[name])) continue;
    const text = typeof value === 'number' ? formatNumber(value)
      : typeof value === 'boolean' ? (value ? '1' : '0')
      : value === 'heavy-ball' ? 'hb' : value;
    params.push(`${shortKeys[name]}=${text}`);
  }
  const schedule = encodeSchedule(run.schedule);
  if (schedule) params.push(`sched=${schedule}`);
  if (run.schedule.warmup) params.push(`warm=${run.schedule.warmup}`);
  if (run.schedule.per === 'epoch') params.push('per=epoch');
  if (run.gradient.kind !== 'analytic') params.push(`grad=${run.gradient.kind}:${formatNumber(run.gradient.h)}`);
  if (run.batchSize !== sceneDefaults.batchSize) params.push(`bs=${run.batchSize}`);
  if (run.hidden) params.push('hide');
  if (run.color !== defaultColor) params.push(`c=${run.color}`);
  if (run.label !== autoLabel(optimizer)) params.push(`label=${encodeText(run.label)}`);
  return params.length ? `${optimizer.id}(${params.join(',')})` : optimizer.id;
}

function encodeSchedule(schedule: ScheduleConfig): string {
  switch (schedule.kind) {
    case 'constant': return '';
    case 'inverse-time': return `invtime:${formatNumber(schedule.k)}`;
    case 'exponential': return `exp:${formatNumber(schedule.gamma)}`;
    case 'inverse-sqrt': return 'invsqrt';
    case 'step': return `step:${formatNumber(schedule.gamma)}:${schedule.every}`;
  }
}

// ───────────────────────────── decode ─────────────────────────────

/** The scene a hash describes, and what had to be changed to read it. */
export function decodeScene(hash: string): { scene: Scene; notices: string[] } {
  const notices: string[] = [];
  let scene: Scene;
  try {
    scene = decodeInto(typeof hash === 'string' ? hash : '', notices);
  } catch {
    // Unreachable by design; the promise that decoding never throws doesn't rest on it.
    notices.push('This link could not be read; showing the default view.');
    scene = defaultScene();
  }
  if (notices.length > limits.notices.max) {
    const extra = notices.length - (limits.notices.max - 1);
    notices.splice(limits.notices.max - 1, Infinity, `…and ${extra} more problems with this link.`);
  }
  return { scene, notices };
}

function decodeInto(hash: string, notices: string[]): Scene {
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > limits.hash.maxLength) {
    text = text.slice(0, limits.hash.maxLength);
    notices.push(`This link is too long; only its first ${limits.hash.maxLength} characters were read.`);
  }
  const base = defaultScene();
  if (text.trim() === '') return base;

  const values = new Map<string, string>();
  const runTexts: string[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeText(eq < 0 ? part : part.slice(0, eq), notices).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === '') continue; // stray '=' or '&&': nothing the user meant
    if (key === 'run') runTexts.push(value);
    else if (!sceneKeys.has(key)) notices.push(`Ignored unknown setting ${quote(key)}.`);
    else if (values.has(key)) notices.push(`Ignored a repeated ${quote(key)}.`);
    else values.set(key, key === 's' ? decodeText(value, notices) : value);
  }

  const version = values.get('v');
  if (version !== undefined && version !== String(codecVersion)) {
    const n = Number(version);
    notices.push(n > codecVersion
      ? 'This link was made by a newer Optiscope; some settings may be ignored.'
      : `Unknown link version ${quote(version)}; read it as version ${codecVersion}.`);
  }

  let surface: SurfaceId = base.surface.id;
  const s = values.get('s');
  if (s !== undefined) {
    if (isSurfaceId(s)) surface = s;
    else notices.push(`Ignored unknown surface ${quote(s)}; showing the ellipse.`);
  }
  // The expression is text: decoded here, parsed (with its column in any notice) by normalizeScene.
  const fxText = values.get('fx');
  const expression = fxText === undefined ? undefined : decodeText(fxText, notices);
  const boxText = values.get('box');
  const boxNumbers = boxText === undefined ? undefined : parseNumbers(boxText, 4, 'Box', notices);
  const box = boxNumbers ? { x: [boxNumbers[0], boxNumbers[1]] as [number, number], y: [boxNumbers[2], boxNumbers[3]] as [number, number] } : undefined;
  if (surface !== 'custom') {
    for (const key of ['fx', 'box']) if (values.has(key)) notices.push(`Ignored ${quote(key)}: only s=custom has it.`);
  }
  const number = (key: string, what: string) => {
    const v = values.get(key);
    return v === undefined ? undefined : parseNumber(v, what, notices);
  };
  const startText = values.get('start');
  const start = startText === undefined ? undefined : parseNumbers(startText, 2, 'Start', notices);
  const viewText = values.get('view');
  const view = viewText === undefined ? undefined : parseNumbers(viewText, 4, 'View', notices);
  const maximize = values.has('max') ? parseFlag(values.get('max')!, 'Maximize', notices) : false;

  let runs: RunSpec[];
  if (runTexts.length === 0) runs = base.runs;
  else {
    runs = [];
    let dropped = 0;
    for (const runText of runTexts) {
      if (runText.toLowerCase() === 'none') continue;
      if (runs.length >= limits.runs.max) { dropped++; continue; }
      const run = decodeRun(runText, notices, `Run ${runs.length + 1}: `);
      if (run) runs.push(run);
    }
    if (dropped) notices.push(`Kept the first ${limits.runs.max} runs; dropped ${dropped}.`);
  }

  const sceneSurface = surface === 'custom'
    ? { id: surface, ripple: number('r', 'Ripple') ?? sceneDefaults.ripple, expression, box }
    : { id: surface, ripple: number('r', 'Ripple') ?? sceneDefaults.ripple };
  return normalizeScene({
    surface: sceneSurface,
    // No start: normalizeScene falls back to the surface's (for a custom one, once its expression is checked).
    start: start ? [start[0], start[1]] : (undefined as unknown as [number, number]),
    steps: number('n', 'Steps') ?? sceneDefaults.steps,
    seed: number('seed', 'Seed') ?? sceneDefaults.seed,
    tolerance: number('tol', 'Tolerance') ?? sceneDefaults.tolerance,
    maximize: maximize ?? false,
    runs,
    view: view ? { x: [view[0], view[1]], y: [view[2], view[3]] } : null,
  }, notices);
}

const optimizerKeys: Record<string, keyof OptimizerConfig> = Object.assign(
  Object.create(null) as Record<string, keyof OptimizerConfig>,
  Object.fromEntries(Object.entries(shortKeys).map(([long, short]) => [short, long])),
);

/** One run, or null (reported) when its optimizer is unknown. Ranges are left to normalizeScene. */
function decodeRun(rawText: string, notices: string[], prefix: string): RunSpec | null {
  // A link pasted through a tool that escaped the grammar itself: undo that once.
  const text = !rawText.includes('(') && /%28/i.test(rawText) ? decodeText(rawText, notices) : rawText;
  const open = text.indexOf('(');
  const id = decodeText(open < 0 ? text : text.slice(0, open), notices).trim().toLowerCase();
  if (!isOptimizerId(id)) {
    notices.push(id === '' ? 'Ignored a run without an optimizer.' : `Ignored unknown optimizer ${quote(id)}.`);
    return null;
  }
  let inner = open < 0 ? '' : text.slice(open + 1);
  if (open >= 0) {
    if (inner.endsWith(')')) inner = inner.slice(0, -1);
    else notices.push(`${prefix}Missing ')' at the end of the run; read it anyway.`);
  }

  const optimizer: OptimizerConfig = { id };
  const run: Partial<RunSpec> & { schedule: ScheduleConfig } = { schedule: { kind: 'constant' } };
  const unused: string[] = [];
  const used = optimizerInfo[id].hyperparameters as string[];
  for (const param of inner.split(',')) {
    if (param === '') continue;
    const eq = param.indexOf('=');
    const key = decodeText(eq < 0 ? param : param.slice(0, eq), notices).trim().toLowerCase();
    const value = eq < 0 ? '' : param.slice(eq + 1);
    const long = optimizerKeys[key];
    if (long !== undefined) {
      if (!used.includes(long)) { unused.push(key); continue; }
      if (long === 'form') {
        if (value === 'hb' || value === 'heavy-ball') optimizer.form = 'heavy-ball';
        else if (value === 'ema') optimizer.form = 'ema';
        else notices.push(`${prefix}Momentum form should be hb or ema; ignored ${quote(value)}.`);
      } else if (long === 'biasCorrection' || long === 'amsgrad') {
        const flag = parseFlag(value, `${prefix}${displayNames[key]}`, notices);
        if (flag !== undefined) optimizer[long] = flag;
      } else {
        const v = parseNumber(value, `${prefix}${displayNames[key]}`, notices);
        if (v !== undefined) optimizer[long as 'learningRate'] = v;
      }
      continue;
    }
    switch (key) {
      case 'sched': run.schedule = { ...decodeSchedule(value, notices, prefix), ...pickSchedule(run.schedule) }; break;
      case 'warm': run.schedule.warmup = parseNumber(value, `${prefix}Warm-up`, notices); break;
      case 'per':
        if (value === 'epoch' || value === 'step') run.schedule.per = value;
        else notices.push(`${prefix}per should be step or epoch; ignored ${quote(value)}.`);
        break;
      case 'grad': run.gradient = decodeGradient(value, notices, prefix); break;
      case 'bs': run.batchSize = parseNumber(value, `${prefix}Batch size`, notices); break;
      case 'hide': run.hidden = parseFlag(value, `${prefix}Hide`, notices) ?? false; break;
      case 'c': run.color = parseNumber(value, `${prefix}Colour`, notices); break;
      case 'label': run.label = decodeText(value, notices); break;
      default: notices.push(`${prefix}Ignored unknown setting ${quote(key)}.`);
    }
  }
  if (unused.length) notices.push(`${prefix}${optimizerInfo[id].name} does not use ${unused.join(', ')}; ignored.`);
  return {
    key: '',
    label: run.label ?? '',
    color: run.color as number, // undefined → next free colour in normalizeScene
    hidden: run.hidden ?? false,
    optimizer,
    schedule: run.schedule,
    gradient: run.gradient ?? { kind: 'analytic' },
    batchSize: run.batchSize ?? sceneDefaults.batchSize,
  };
}

/** warmup/per may come before or after sched=; keep them either way. */
function pickSchedule(schedule: ScheduleConfig): Pick<ScheduleConfig, 'warmup' | 'per'> {
  const picked: Pick<ScheduleConfig, 'warmup' | 'per'> = {};
  if (schedule.warmup !== undefined) picked.warmup = schedule.warmup;
  if (schedule.per !== undefined) picked.per = schedule.per;
  return picked;
}

function decodeSchedule(text: string, notices: string[], prefix: string): ScheduleConfig {
  const [kind, ...args] = text.split(':');
  const arg = (i: number, what: string) => (args[i] === undefined ? undefined : parseNumber(args[i], `${prefix}${what}`, notices));
  switch (kind) {
    case 'const': case 'constant': return { kind: 'constant' };
    case 'invtime': return { kind: 'inverse-time', k: arg(0, 'Decay rate k') as number };
    case 'exp': return { kind: 'exponential', gamma: arg(0, 'Decay γ') as number };
    case 'invsqrt': return { kind: 'inverse-sqrt' };
    case 'step': return { kind: 'step', gamma: arg(0, 'Decay γ') as number, every: arg(1, 'Decay interval') as number };
    default:
      notices.push(`${prefix}Ignored unknown schedule ${quote(decodeText(kind, notices))}.`);
      return { kind: 'constant' };
  }
}

function decodeGradient(text: string, notices: string[], prefix: string): GradientConfig {
  const [kind, h] = text.split(':');
  if (kind === 'analytic') return { kind: 'analytic' };
  if (kind === 'forward' || kind === 'central') {
    return { kind, h: (h === undefined ? sceneDefaults.difference : parseNumber(h, `${prefix}Difference step h`, notices)) as number };
  }
  notices.push(`${prefix}Ignored unknown gradient ${quote(decodeText(kind, notices))}; used the exact one.`);
  return { kind: 'analytic' };
}
