/**
 * What the loss chart reads from a run's buffer, kept between paints and
 * extended as the run grows: the range of its finite losses, and its M4
 * reduction (first, lowest, highest and last f per pixel column). While
 * 8 × 100,000 steps stream in, the chart repaints many times; reading every
 * point on every paint cost 20–40 ms a frame, reading only the new ones costs
 * next to nothing. Like decimatePath, this relies on the trajectory store only
 * appending to a buffer (a run that outgrows or shrinks its buffer moves to a
 * new one, read once from the start); the last value read is kept too, so a
 * buffer refilled with other data is noticed.
 */

/** Finite losses of points [0, n): the first one's magnitude, the lowest and the highest. */
export interface LossRange {
  /** |f| of the first finite loss, 0 when there is none. */
  startMagnitude: number;
  min: number;
  max: number;
}

/** The M4 reduction of points [0, n): one entry per pixel column, or per piece of one between non-finite losses. */
export interface LossColumns {
  count: number;
  /** Pixel column (floor of the x position) of each entry. */
  column: Float64Array;
  first: Float64Array;
  low: Float64Array;
  high: Float64Array;
  last: Float64Array;
  /** 1 when a non-finite loss came before this entry: the line breaks there. */
  breakBefore: Uint8Array;
}

interface RangeCache extends LossRange {
  done: number;
  lastValue: number;
}

interface ColumnCache {
  /** The x mapping the columns were made with. */
  key: string;
  done: number;
  lastValue: number;
  /** Whether a non-finite loss was read since the last entry began. */
  broken: boolean;
  columns: LossColumns;
}

const ranges = new WeakMap<Float64Array, RangeCache>();
const reductions = new WeakMap<Float64Array, ColumnCache>();

/** f is points[3k + 2]. */
const fAt = (points: Float64Array, k: number) => points[3 * k + 2];

function unchanged(points: Float64Array, done: number, lastValue: number, n: number): boolean {
  return done <= n && (done === 0 || Object.is(fAt(points, done - 1), lastValue));
}

export function lossRange(points: Float64Array, n: number): LossRange {
  const old = ranges.get(points);
  const cache: RangeCache = old && unchanged(points, old.done, old.lastValue, n)
    ? old
    : { done: 0, lastValue: NaN, startMagnitude: 0, min: Infinity, max: -Infinity };
  if (cache !== old) ranges.set(points, cache);
  for (let k = cache.done; k < n; k++) {
    const f = fAt(points, k);
    if (!Number.isFinite(f)) continue;
    if (cache.min === Infinity) cache.startMagnitude = Math.abs(f);
    if (f < cache.min) cache.min = f;
    if (f > cache.max) cache.max = f;
  }
  if (n > cache.done) {
    cache.done = n;
    cache.lastValue = fAt(points, n - 1);
  }
  return cache;
}

/**
 * Columns of points [0, n) under the x mapping `px` (step → pixel); `key`
 * names that mapping (it changes with the chart's width or step budget).
 */
export function lossColumns(points: Float64Array, n: number, px: (k: number) => number, key: string): LossColumns {
  const old = reductions.get(points);
  const cache: ColumnCache = old && old.key === key && unchanged(points, old.done, old.lastValue, n)
    ? old
    : { key, done: 0, lastValue: NaN, broken: false, columns: emptyColumns() };
  if (cache !== old) reductions.set(points, cache);
  for (let k = cache.done; k < n; k++) {
    const f = fAt(points, k);
    if (!Number.isFinite(f)) {
      cache.broken = true;
      continue;
    }
    const column = Math.floor(px(k));
    const c = cache.columns; // push() may replace it with a bigger one
    const i = c.count - 1;
    if (i >= 0 && !cache.broken && c.column[i] === column) {
      if (f < c.low[i]) c.low[i] = f;
      if (f > c.high[i]) c.high[i] = f;
      c.last[i] = f;
      continue;
    }
    push(cache, column, f);
  }
  if (n > cache.done) {
    cache.done = n;
    cache.lastValue = fAt(points, n - 1);
  }
  return cache.columns;
}

function emptyColumns(size = 1024): LossColumns {
  // Sized for a chart's width at once: growing costs six new typed arrays each time.
  return {
    count: 0,
    column: new Float64Array(size),
    first: new Float64Array(size),
    low: new Float64Array(size),
    high: new Float64Array(size),
    last: new Float64Array(size),
    breakBefore: new Uint8Array(size),
  };
}

function push(cache: ColumnCache, column: number, f: number): void {
  let c = cache.columns;
  if (c.count === c.column.length) {
    const bigger = emptyColumns(2 * c.column.length);
    for (const name of ['column', 'first', 'low', 'high', 'last', 'breakBefore'] as const) bigger[name].set(c[name]);
    bigger.count = c.count;
    c = cache.columns = bigger;
  }
  const i = c.count++;
  c.column[i] = column;
  c.first[i] = c.low[i] = c.high[i] = c.last[i] = f;
  c.breakBefore[i] = cache.broken ? 1 : 0;
  cache.broken = false;
}
