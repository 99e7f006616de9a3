/**
 * A run's path in pixels with the steps that add nothing dropped, for
 * paintTrajectories. Points are snapped to a half-pixel lattice: a point in
 * the cell of the last vertex is skipped (≤ 2 vertices per pixel of path),
 * and a segment between two cells that was already drawn is not drawn again
 * (the pen lifts and the line resumes from the new cell). The second rule is
 * for runs that never settle: Adam or RMSProp at a constant learning rate
 * cross the same few cells back and forth for 100,000 steps. It leaves the
 * same pixels but spares the rasterizer: stroking 5,000 overlapping segments
 * with round joins took Chromium's software canvas 50–250 ms per run (a long
 * task on every frame of a stream); the few hundred distinct ones take ~1 ms.
 *
 * The path is kept per points buffer and view, and extended as the run
 * grows: a stream repaints every frame while 8 × 100,000 points arrive, and
 * redoing every path each time cost ~15 ms per frame. This relies on the
 * trajectory store appending only: points [0, done) of one buffer never
 * change (a growing run moves to a new, bigger buffer and its path is rebuilt
 * once). The last point read is kept too, so a buffer reused for other data
 * is noticed.
 */
import type { ViewBox } from '../core/types';

export interface DecimatedPath {
  /** Pixel x, y pairs; a NaN pair lifts the pen. Only the first `count` pairs are valid. */
  vertices: Float64Array;
  count: number;
  /**
   * Pairs [0, final) stay as they are while the run grows (same buffer, view
   * and size); the pairs after them lead the line to the newest point and may
   * change with the next points.
   */
  final: number;
  /** The same object for as long as pairs [0, final) stay (a new one when the path was begun again). */
  lineage: object;
}

/** The decimation of one buffer's points [0, done) for one view and size, and where it stands. */
interface PathCache {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
  /** Points read so far, and the last of them. */
  done: number;
  lastX: number;
  lastY: number;
  /** Pixel vertices, NaN pairs lifting the pen; `size` numbers are valid. */
  vertices: Float64Array;
  size: number;
  /** The half-pixel cell of the vertex that entered it (at), whether the pen rests there. */
  cellX: number;
  cellY: number;
  atX: number;
  atY: number;
  penOnIt: boolean;
  /** The last point skipped inside the current cell (−1: none), so the line ends exactly at the head. */
  pending: number;
  /** Before the first finite point of a piece (at the start, after a non-finite point). */
  broken: boolean;
  segments: SegmentSet;
}

const paths = new WeakMap<Float64Array, PathCache>();

/** The decimated path of points [0, n) (x, y, f interleaved) in a width × height box showing `view`. */
export function decimatedPath(points: Float64Array, n: number, view: ViewBox, width: number, height: number): DecimatedPath {
  const kx = width / (view.x[1] - view.x[0]);
  const ky = height / (view.y[1] - view.y[0]);
  const path = pathFor(points, n, view, width, height, kx, ky);
  // The points skipped in the last cell end the line at the head. They are
  // written past `size` and not kept: the next points may move on from them.
  const { size, penOnIt } = path;
  if (path.pending >= 0 && !path.broken) {
    lineFromHere(path, (points[3 * path.pending] - path.x0) * kx, (path.y1 - points[3 * path.pending + 1]) * ky);
  }
  const result = { vertices: path.vertices, count: path.size / 2, final: size / 2, lineage: path };
  path.size = size;
  path.penOnIt = penOnIt;
  return result;
}

function pathFor(points: Float64Array, n: number, view: ViewBox, width: number, height: number, kx: number, ky: number): PathCache {
  const old = paths.get(points);
  const reusable = old !== undefined && old.done <= n &&
    old.x0 === view.x[0] && old.x1 === view.x[1] && old.y0 === view.y[0] && old.y1 === view.y[1] &&
    old.width === width && old.height === height &&
    (old.done === 0 || (Object.is(points[3 * old.done - 3], old.lastX) && Object.is(points[3 * old.done - 2], old.lastY)));
  const cache: PathCache = reusable ? old : {
    x0: view.x[0], x1: view.x[1], y0: view.y[0], y1: view.y[1], width, height,
    done: 0, lastX: NaN, lastY: NaN,
    vertices: old?.vertices ?? new Float64Array(256), size: 0,
    cellX: NaN, cellY: NaN, atX: NaN, atY: NaN, penOnIt: false, pending: -1, broken: true,
    segments: new SegmentSet(),
  };
  if (!reusable) paths.set(points, cache);
  if (cache.done < n) extend(cache, points, n, kx, ky);
  return cache;
}

/** Read points [done, n): a point in the cell of the last vertex is skipped, a segment already drawn lifts the pen. */
function extend(c: PathCache, points: Float64Array, n: number, kx: number, ky: number): void {
  for (let k = c.done; k < n; k++) {
    const x = points[3 * k];
    const y = points[3 * k + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (c.pending >= 0 && !c.broken) lineFromHere(c, (points[3 * c.pending] - c.x0) * kx, (c.y1 - points[3 * c.pending + 1]) * ky);
      c.broken = true;
      c.pending = -1;
      continue;
    }
    const px = (x - c.x0) * kx;
    const py = (c.y1 - y) * ky;
    const cx = Math.round(2 * px);
    const cy = Math.round(2 * py);
    if (!c.broken && cx === c.cellX && cy === c.cellY) {
      c.pending = k;
      continue;
    }
    if (c.broken) {
      // A new piece starts with its first vertex, even if nothing follows it.
      penUpTo(c, px, py);
      c.penOnIt = true;
    } else if (c.segments.add(c.cellX, c.cellY, cx, cy)) {
      lineFromHere(c, px, py);
      c.penOnIt = true;
    } else {
      c.penOnIt = false;
    }
    c.broken = false;
    c.pending = -1;
    c.atX = px;
    c.atY = py;
    c.cellX = cx;
    c.cellY = cy;
  }
  c.done = n;
  c.lastX = points[3 * n - 3];
  c.lastY = points[3 * n - 2];
}

function vertex(c: PathCache, px: number, py: number): void {
  if (c.size + 2 > c.vertices.length) {
    const bigger = new Float64Array(c.vertices.length * 2);
    bigger.set(c.vertices.subarray(0, c.size));
    c.vertices = bigger;
  }
  c.vertices[c.size++] = px;
  c.vertices[c.size++] = py;
}

function penUpTo(c: PathCache, px: number, py: number): void {
  if (c.size > 0) vertex(c, NaN, NaN);
  vertex(c, px, py);
}

function lineFromHere(c: PathCache, px: number, py: number): void {
  if (!c.penOnIt) penUpTo(c, c.atX, c.atY);
  vertex(c, px, py);
}

/**
 * Segments between half-pixel cells, as an open-addressing hash table. A
 * segment and its reverse are the same. Cells beyond ±16,383 px are never
 * recorded, so far off-screen segments are always drawn.
 */
class SegmentSet {
  private keysA = new Int32Array(256);
  private keysB = new Int32Array(256);
  private used = new Uint8Array(256);
  private count = 0;

  /** Record the segment; false when it was recorded before. */
  add(x0: number, y0: number, x1: number, y1: number): boolean {
    if (Math.abs(x0) > cellLimit || Math.abs(y0) > cellLimit || Math.abs(x1) > cellLimit || Math.abs(y1) > cellLimit) return true;
    const p = ((x0 + cellLimit) << 16) | (y0 + cellLimit);
    const q = ((x1 + cellLimit) << 16) | (y1 + cellLimit);
    if (!this.insert(p < q ? p : q, p < q ? q : p)) return false;
    if (++this.count * 2 > this.used.length) this.rehash();
    return true;
  }

  private insert(a: number, b: number): boolean {
    const mask = this.used.length - 1;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 16), 0x85ebca77);
    h ^= h >>> 15;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      if (this.used[i] === 0) {
        this.used[i] = 1;
        this.keysA[i] = a;
        this.keysB[i] = b;
        return true;
      }
      if (this.keysA[i] === a && this.keysB[i] === b) return false;
    }
  }

  private rehash(): void {
    const { keysA, keysB, used } = this;
    this.keysA = new Int32Array(used.length * 2);
    this.keysB = new Int32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    for (let i = 0; i < used.length; i++) if (used[i] === 1) this.insert(keysA[i], keysB[i]);
  }
}

const cellLimit = 32_767;

