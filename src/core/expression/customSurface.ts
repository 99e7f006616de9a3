/**
 * A surface from the user's own f(x, y): parsed, compiled, differentiated
 * exactly by forward-mode AD, with its critical points found by Newton's
 * method from a grid of seeds over the view — the same search the built-in
 * surfaces without closed-form critical points use.
 */
import type { CriticalPoint, Surface, Vec2, ViewBox } from '../types';
import { defineSurface } from '../surfaces/define';
import { searchCriticalPoints } from '../criticalPoints';
import { parseExpression } from './parse';
import { compileTree } from './compile';
import { createEvaluator, type Evaluator } from './evaluate';
import { createPointCache } from './pointCache';

export interface CustomSurfaceOptions {
  expression: string;
  view: ViewBox;
  /** Where runs begin by default; omitted: a finite point near the upper-left quarter of the view. */
  start?: Vec2;
}

export type CustomSurfaceResult =
  | { ok: true; surface: Surface; evaluator: Evaluator }
  | {
      ok: false;
      message: string;
      /** 1-based column in the expression; 0 when the problem is not in the text (the view, the start). */
      column: number;
      /** Characters from `column` the message covers (0: a position, or not about the text). */
      length: number;
    };

const fail = (message: string): Extract<CustomSurfaceResult, { ok: false }> => ({ ok: false, message, column: 0, length: 0 });

function checkView(view: ViewBox): string | null {
  const edges = [view?.x?.[0], view?.x?.[1], view?.y?.[0], view?.y?.[1]];
  if (!edges.every((e) => typeof e === 'number' && Number.isFinite(e))) return 'the view box needs four finite numbers';
  if (!(view.x[0] < view.x[1] && view.y[0] < view.y[1])) return 'the view box is empty: it needs left < right and bottom < top';
  return null;
}

/**
 * The default start: the point of a 9 × 9 grid over the view nearest to the
 * upper-left quarter (away from the centre, where example minima tend to sit)
 * at which f and its gradient are finite (sqrt(x) + y² must not start on
 * x = 0, where every run would diverge at its first step), or else only f;
 * null when f is finite nowhere on the grid.
 */
function defaultStart(evaluator: Evaluator, view: ViewBox): Vec2 | null {
  const g = new Float64Array(2);
  const finiteSlope = (x: number, y: number) => Number.isFinite(evaluator.gradient(x, y, g)) && Number.isFinite(g[0]) && Number.isFinite(g[1]);
  return nearestStart(finiteSlope, view) ?? nearestStart((x, y) => Number.isFinite(evaluator.value(x, y)), view);
}

function nearestStart(usable: (x: number, y: number) => boolean, view: ViewBox): Vec2 | null {
  const width = view.x[1] - view.x[0];
  const height = view.y[1] - view.y[0];
  const preferred: Vec2 = [view.x[0] + 0.25 * width, view.y[0] + 0.75 * height];
  let best: Vec2 | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i <= 8; i++) {
    for (let j = 0; j <= 8; j++) {
      const x = view.x[0] + (i / 8) * width;
      const y = view.y[0] + (j / 8) * height;
      const d = Math.hypot((x - preferred[0]) / width, (y - preferred[1]) / height);
      if (d < bestDistance && usable(x, y)) {
        best = [x, y];
        bestDistance = d;
      }
    }
  }
  return best;
}

/** Seeds per axis of the Newton search for critical points. */
export const criticalSeeds = 48;

/**
 * A ring or valley of minima, e.g. (x² + y² − 1)², is a curve of degenerate
 * critical points, and Newton from a grid of seeds samples it hundreds of
 * times. Degenerate points with another degenerate point within 2% of the
 * view's diagonal are such samples and are dropped; isolated ones stay.
 */
function dropContinua(points: CriticalPoint[], view: ViewBox): CriticalPoint[] {
  const near = 0.02 * Math.hypot(view.x[1] - view.x[0], view.y[1] - view.y[0]);
  const degenerate = points.filter((p) => p.kind === 'degenerate');
  return points.filter(
    (p) => p.kind !== 'degenerate' || !degenerate.some((q) => q !== p && Math.hypot(p.x - q.x, p.y - q.y) < near),
  );
}

export type PreparedCustomSurface =
  | { ok: true; evaluator: Evaluator; view: ViewBox; start: Vec2 }
  | Extract<CustomSurfaceResult, { ok: false }>;

/**
 * Everything about a custom surface except its critical points: the parse,
 * the view check, the evaluator and the default start. Cheap (one parse and
 * at most 81 gradient and 81 value evaluations), so the page can validate what the user types and what a
 * link holds without the Newton search, which runs in the worker.
 */
export function prepareCustomSurface(options: CustomSurfaceOptions): PreparedCustomSurface {
  const parsed = parseExpression(options?.expression);
  if (!parsed.ok) return parsed;
  const viewProblem = checkView(options.view);
  if (viewProblem) return fail(viewProblem);
  const view: ViewBox = { x: [options.view.x[0], options.view.x[1]], y: [options.view.y[0], options.view.y[1]] };
  const evaluator = createEvaluator(compileTree(parsed.tree));

  // A view where f is finite nowhere would draw nothing and run nowhere.
  const fallbackStart = defaultStart(evaluator, view);
  if (!fallbackStart) return fail('f has no finite value anywhere in the view');
  let start = fallbackStart;
  if (options.start) {
    const [x, y] = options.start;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return fail('the start point needs two finite numbers');
    start = [x, y];
  }
  return { ok: true, evaluator, view, start };
}

/** Build a Surface from f(x, y) text. Never throws: problems come back as a message and a column. */
export function createCustomSurface(options: CustomSurfaceOptions): CustomSurfaceResult {
  const prepared = prepareCustomSurface(options);
  if (!prepared.ok) return prepared;
  const { evaluator, view, start } = prepared;

  const cached = createPointCache(evaluator);
  const surface = defineSurface(
    {
      id: 'custom',
      formula: options.expression.trim(),
      // f goes through the cache too, so a run's f at the new iterate also prepares ∇f there.
      f: cached.f,
      rawF: evaluator.raw,
      gradient: cached.gradient,
      hessian: cached.hessian,
      view,
      start,
    },
    // Denser than the built-ins' 24 × 24: a typed function may ripple (all 441 of Rastrigin's need 32+), at ~10–30 ms.
    (s) => searchCriticalPoints(s, criticalSeeds),
  );
  surface.criticalPoints = dropContinua(surface.criticalPoints, view);
  return { ok: true, surface, evaluator };
}

const cache = new Map<string, Surface>();
/** Custom surfaces kept for reuse; a user typing makes a new one per keystroke, so the cache is bounded. */
const cacheLimit = 16;

/**
 * The custom surface for a spec, built once per expression, view and start
 * (critical points are searched once). Throws on an invalid spec, like
 * createSurface does for an unknown id: the UI checks with createCustomSurface first.
 */
export function cachedCustomSurface(options: CustomSurfaceOptions): Surface {
  const key = JSON.stringify([options.expression, options.view, options.start ?? null]);
  const known = cache.get(key);
  if (known) {
    // Refresh its place: the Map's order is the eviction order.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const built = createCustomSurface(options);
  if (!built.ok) {
    const where = built.column > 0 ? ` (column ${built.column})` : '';
    throw new Error(`Custom surface: ${built.message}${where}.`);
  }
  cache.set(key, built.surface);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  return built.surface;
}
