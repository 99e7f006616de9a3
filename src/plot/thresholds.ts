/**
 * Contour levels chosen for the data on screen. Equal steps in f work for a
 * bowl, but on Rosenbrock (0 … 2500 over the default view) twenty equal steps
 * would pour the whole curved valley, where every optimizer spends its time,
 * into the first band. So the spacing follows where the values sit.
 */
import { quickselect, ticks } from 'd3';

/**
 * `linear`: equal steps. `log`: log-spaced on f − min (values crowd near the
 * bottom). `log-top`: log-spaced on max − f (values crowd near the top, as on
 * the tanh plateau, whose gentle slope would otherwise be one flat band).
 */
export type ThresholdSpacing = 'linear' | 'log' | 'log-top';

export interface ThresholdChoice {
  /**
   * Ascending; levels[0] is the finite minimum, so the first band covers the
   * whole grid (levels kept through a gesture: at most the minimum, see keepThresholds).
   */
  levels: number[];
  spacing: ThresholdSpacing;
  /** Finite range of the data, [NaN, NaN] when nothing is finite (kept through a gesture: at least that range). */
  extent: [number, number];
}

/**
 * How bottom-heavy the data must be before the levels go logarithmic: the mean
 * excess above the minimum, as a fraction of the range. A quadratic bowl sits
 * at 1/3 whatever its view; Himmelblau 0.16, Rosenbrock 0.12, Beale 0.05.
 */
const bottomHeavy = 0.2;
/** The mirror image: the plateau (tanh) sits at 0.94. */
const topHeavy = 0.8;
/**
 * Or: the lowest twentieth of the range holds more than this share of the
 * cells, four times a fair share. The mean alone let a zoom into Rosenbrock's
 * valley (1.75× about (0.2, 0.9)) go linear, with the walls' tall values
 * raising the mean: 36 % of the view, the whole valley the runs walk along,
 * was then one flat band. The default views of the bowl (7.7 %), the ellipse
 * (10 %), bumpy, the saddle and Rastrigin (≤ 2 %) stay linear. Mirrored
 * for the top: the highest twentieth holding such a crowd gives log-top levels.
 */
const crowdedEnd = 0.2;
/** Log levels never reach further down than this fraction of the range (five decades). */
const deepestFraction = 1e-5;
/**
 * The lowest log level sits at this quantile of the excess, so the handful of
 * cells at the very bottom do not eat the decades (on Rosenbrock's default view it lands
 * near f = 0.2, low enough to show the slope along the valley floor).
 */
const lowQuantile = 0.002;

/** Mantissa sets from sparse to dense; log levels use the densest that fits the requested count. */
const mantissaSets = [[1], [1, 3], [1, 2, 5], [1, 1.5, 2, 3, 5, 7], [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]];

export function chooseThresholds(values: ArrayLike<number>, count = 20): number[] {
  return describeThresholds(values, count).levels;
}

export function describeThresholds(values: ArrayLike<number>, count = 20): ThresholdChoice {
  const finite = finiteValues(values);
  if (finite.length === 0) return { levels: [], spacing: 'linear', extent: [NaN, NaN] };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const range = max - min;
  // A constant grid (or one whose spread is rounding noise) has a single band.
  if (!(range > 1e-12 * Math.max(1, Math.abs(min), Math.abs(max)))) {
    return { levels: [min], spacing: 'linear', extent: [min, max] };
  }
  const levelCount = Math.max(2, Math.floor(count));
  const meanExcess = (sum / finite.length - min) / range;
  const [lowShare, highShare] = endShares(finite, min, max);
  // A crowded end decides only when the other end is far less crowded: a step (half low, half high) stays linear.
  if (meanExcess < bottomHeavy || (lowShare > crowdedEnd && lowShare > 2 * highShare)) {
    const excess = quantileExcess(finite, min, 1, lowQuantile, range);
    const levels = [min, ...logSteps(excess, range, levelCount - 1).map((d) => min + d)];
    return { levels: withoutSliver(strictlyAscending(levels, max), max), spacing: 'log', extent: [min, max] };
  }
  if (meanExcess > topHeavy || (highShare > crowdedEnd && highShare > 2 * lowShare)) {
    const deficit = quantileExcess(finite, max, -1, lowQuantile, range);
    const steps = logSteps(deficit, range, levelCount - 1);
    const levels = [min, ...steps.map((d) => max - d).reverse()];
    return { levels: strictlyAscending(levels, max), spacing: 'log-top', extent: [min, max] };
  }
  // d3.ticks only approximates the count (bumpy asks 20, gets 31); ask for fewer until it fits.
  let asked = levelCount;
  let linear = ticks(min, max, asked);
  while (linear.length > levelCount && asked > 2) linear = ticks(min, max, (asked = Math.floor(asked * 0.8)));
  linear = linear.filter((t) => t > min && t < max);
  // d3.ticks never goes below about two ticks per call, so a small count can still
  // get too many: keep every k-th (found by fast-check with a count of 2).
  if (linear.length > levelCount) {
    const every = Math.ceil(linear.length / levelCount);
    linear = linear.filter((_, i) => i % every === 0);
  }
  return { levels: withoutSliver([min, ...linear], max), spacing: 'linear', extent: [min, max] };
}

/**
 * The levels of `kept` for new values: a zoom or pan gesture's grids keep
 * the levels of the grid it started on, so a band keeps its colour and the
 * colour bar stands still while the picture moves; the grid the gesture
 * ends with chooses its own again. The first band still covers the whole
 * grid: where the view now reaches below the lowest level (zoomed out),
 * that level moves down to the lowest value. Levels that are not finite
 * and ascending, or fewer than two, are not kept: the values choose theirs;
 * so do values of which more than a tenth lie outside the kept range (a
 * zoom out, a long pan), where kept levels painted most of the view as one
 * flat top band under a top label that grew at every notch.
 */
export function keepThresholds(values: ArrayLike<number>, kept: ThresholdChoice, count = 20): ThresholdChoice {
  const levels = kept.levels;
  // One level (a gesture begun on a flat view) would keep the whole gesture one band.
  const usable = levels.length >= 2 && levels.every((v, i) => Number.isFinite(v) && (i === 0 || v > levels[i - 1]));
  const [low, high] = kept.extent;
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > high || v < levels[0]) outside++;
  }
  // Zoomed out (or panned) well past the range they were chosen for, kept levels would pour much
  // of the view into one flat top band under a top label that grows every notch: choose afresh.
  if (!usable || !(min <= max) || outside > maxOutside * finite) return describeThresholds(values, count);
  return {
    levels: min < levels[0] ? [min, ...levels.slice(1)] : [...levels],
    spacing: kept.spacing,
    extent: [Number.isFinite(low) ? Math.min(low, min) : min, Number.isFinite(high) ? Math.max(high, max) : max],
  };
}

/** The share of a grid's values outside the kept range past which keepThresholds chooses afresh. */
const maxOutside = 0.1;

/** The shares of the values in the lowest and in the highest twentieth of [min, max]. */
function endShares(values: Float64Array, min: number, max: number): [number, number] {
  const low = min + (max - min) / 20;
  const high = max - (max - min) / 20;
  let lows = 0;
  let highs = 0;
  for (const v of values) {
    if (v < low) lows++;
    else if (v > high) highs++;
  }
  return [lows / values.length, highs / values.length];
}

function finiteValues(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n);
}

/**
 * The q-quantile of |v − origin| over the values (sign = 1: above a minimum,
 * −1: below a maximum), floored so the levels span at most five decades.
 */
function quantileExcess(values: Float64Array, origin: number, sign: 1 | -1, q: number, range: number): number {
  const excess = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) excess[i] = sign * (values[i] - origin);
  // The k-th smallest by selection, not a sort: a fifth of a zoom step's grid work went to sorting.
  const k = Math.min(excess.length - 1, Math.floor(q * (excess.length - 1)));
  quickselect(excess as unknown as number[], k);
  const at = excess[k];
  return Math.max(at, range * deepestFraction);
}

/**
 * Round numbers (1, 2, 5 × 10ⁿ and the like) between lo (inclusive) and hi
 * (exclusive), as many as fit in `count`.
 */
function logSteps(lo: number, hi: number, count: number): number[] {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const decades = Math.max(1, Math.log10(hi / lo));
  let mantissas = mantissaSets[0];
  for (const set of mantissaSets) if (set.length * decades <= count) mantissas = set;
  // Even one level per decade is too many: skip decades.
  const every = Math.max(1, Math.ceil(decades / count));
  const out: number[] = [];
  for (let e = first; e <= last; e++) {
    if ((e - first) % every !== 0) continue;
    for (const m of mantissas) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-12) && v < hi) out.push(Number(v.toPrecision(12)));
    }
  }
  return out;
}

/**
 * Without a top level closer to the maximum than a hundredth of the range:
 * its band would be a sliver of the view (a corner), and the legend would
 * label 500 and 500.2 one above the other. (Not for log-top levels, which
 * crowd towards the maximum on purpose.)
 */
function withoutSliver(levels: number[], max: number): number[] {
  const span = max - levels[0];
  let end = levels.length;
  while (end > 1 && max - levels[end - 1] < span / 100) end--;
  return end === levels.length ? levels : levels.slice(0, end);
}

/** Drop levels that rounding made equal or that reach the maximum (a band with no area). */
function strictlyAscending(levels: number[], max: number): number[] {
  const out: number[] = [];
  for (const v of levels) {
    if (out.length > 0 && (v <= out[out.length - 1] || v >= max)) continue;
    out.push(v);
  }
  return out;
}
