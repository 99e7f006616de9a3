/**
 * Paints every run's path onto a 2D canvas context: a pure function of its
 * arguments (plus the context), so tests drive it with a recording fake.
 *
 * A run may hold 100,000 steps; most of them pile up within a pixel of the
 * minimum. Points are snapped to a half-pixel lattice and a point landing in
 * the same cell as the previous drawn one is dropped (≤ 2 vertices per pixel
 * of path). A run that keeps oscillating (Adam or RMSProp at a constant
 * learning rate never settle) crosses the same few cells back and forth
 * tens of thousands of times; a segment between two cells that was already
 * drawn is not drawn again (the pen lifts and the line resumes from the new
 * cell), which leaves the same pixels but spares the rasterizer: stroking
 * 5,000 overlapping segments with round joins took Chromium's software
 * canvas 50–250 ms per run, a few hundred distinct ones take about 1 ms.
 * A run that wanders chaotically can still produce many distinct cells, so
 * past `maxVertices` the kept vertices are further thinned by a stride: the
 * paint cost per frame stays bounded whatever the run does.
 */
import type { StopStatus, ViewBox } from '../core/types';
import { haloColor } from './colors';

/** The part of CanvasRenderingContext2D the painters use. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'stroke' | 'fill' | 'clearRect' | 'save' | 'restore' | 'closePath'
> & {
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
};

export interface PaintedRun {
  /** x, y, f interleaved; only the first `count` points are valid. */
  points: Float64Array;
  count: number;
  /** CSS colour of the line. */
  color: string;
  status: StopStatus;
}

export interface TrajectoryPaintOptions {
  runs: readonly PaintedRun[];
  /** The view the canvas shows (the display view, which moves during zoom gestures). */
  view: ViewBox;
  /** Size in CSS pixels; the context is expected to be scaled for devicePixelRatio already. */
  width: number;
  height: number;
  /** Draw steps 0 … upTo (step 0 is the start); Infinity draws everything. */
  upTo: number;
  /** Step highlighted by a ring on every run (hover over the loss chart). */
  hoverStep?: number | null;
  /** Upper bound on polyline vertices per run; defaults to maxVerticesFor(width, height). */
  maxVertices?: number;
}

const lineWidth = 1.75;
/** A white casing can be wide; a dark one must stay thin or it outweighs the colour it frames. */
const haloWidth = (halo: string) => (halo === '#ffffff' ? 4 : 3);

/** Vertex budget per run: about two per pixel around the perimeter, twice over. */
export function maxVerticesFor(width: number, height: number): number {
  return Math.max(1000, Math.ceil(4 * (width + height)));
}

// Reused across frames: the painter runs every animation frame and must not churn memory.
let scratch = new Float64Array(4096);

export function paintTrajectories(ctx: PaintContext, options: TrajectoryPaintOptions): void {
  const { runs, view, width, height } = options;
  ctx.clearRect(0, 0, width, height);
  const kx = width / (view.x[1] - view.x[0]);
  const ky = height / (view.y[1] - view.y[0]);
  if (!Number.isFinite(kx) || !Number.isFinite(ky)) return;
  const toPx = (x: number) => (x - view.x[0]) * kx;
  const toPy = (y: number) => (view.y[1] - y) * ky;
  const budget = options.maxVertices ?? maxVerticesFor(width, height);
  const last = Math.floor(options.upTo);

  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Lines first, markers after, so no run's line hides another run's start or head.
  for (const run of runs) {
    const n = visibleCount(run, last);
    if (n >= 2) strokePath(ctx, run, n, toPx, toPy, budget);
  }
  for (const run of runs) {
    const n = visibleCount(run, last);
    if (n === 0) continue;
    const start = finitePoint(run.points, 0, n, 1);
    if (start >= 0) drawStart(ctx, run.color, toPx(run.points[3 * start]), toPy(run.points[3 * start + 1]));
    const head = finitePoint(run.points, n - 1, -1, -1);
    if (head < 0) continue;
    const hx = toPx(run.points[3 * head]);
    const hy = toPy(run.points[3 * head + 1]);
    const hover = options.hoverStep == null ? -1 : Math.floor(options.hoverStep);
    if (hover >= 0 && hover < n) {
      const px = run.points[3 * hover];
      const py = run.points[3 * hover + 1];
      if (Number.isFinite(px) && Number.isFinite(py)) drawRing(ctx, run.color, toPx(px), toPy(py));
    }
    // A diverged run ends with a ✕ where it was last seen, once the replay reaches its end.
    if (run.status === 'diverged' && n === run.count) drawCross(ctx, run.color, hx, hy);
    else drawHead(ctx, run.color, hx, hy);
  }
  ctx.restore();
}

function visibleCount(run: PaintedRun, last: number): number {
  const available = Math.min(run.count, Math.floor(run.points.length / 3));
  if (!(last >= 0)) return 0;
  return Math.min(available, last + 1);
}

/** Index of the first finite point from `from` stepping by `step` until `to` (exclusive), or −1. */
function finitePoint(points: Float64Array, from: number, to: number, step: 1 | -1): number {
  for (let k = from; k !== to; k += step) {
    if (Number.isFinite(points[3 * k]) && Number.isFinite(points[3 * k + 1])) return k;
  }
  return -1;
}

/**
 * Collect decimated pixel vertices into `scratch`; a NaN pair lifts the pen
 * (at non-finite points, and before a segment that does not continue the last
 * one drawn because segments in between were already drawn).
 */
function decimate(run: PaintedRun, n: number, toPx: (x: number) => number, toPy: (y: number) => number): number {
  if (scratch.length < 4 * n + 8) scratch = new Float64Array(Math.max(4 * n + 8, scratch.length * 2));
  drawnSegments.start(n);
  const points = run.points;
  let size = 0;
  let cellX = NaN;
  let cellY = NaN;
  // The vertex that entered the current cell, and whether the pen is on it (it ends the last vertex written).
  let atX = NaN;
  let atY = NaN;
  let penOnIt = false;
  let pending = -1; // last point skipped inside the current cell, kept so the line ends exactly at the head
  let broken = true;
  const vertex = (px: number, py: number) => {
    scratch[size++] = px;
    scratch[size++] = py;
  };
  const penUpTo = (px: number, py: number) => {
    if (size > 0) vertex(NaN, NaN);
    vertex(px, py);
  };
  const lineFromHere = (px: number, py: number) => {
    if (!penOnIt) penUpTo(atX, atY);
    vertex(px, py);
  };
  for (let k = 0; k < n; k++) {
    const x = points[3 * k];
    const y = points[3 * k + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (pending >= 0 && !broken) lineFromHere(toPx(points[3 * pending]), toPy(points[3 * pending + 1]));
      broken = true;
      pending = -1;
      continue;
    }
    const px = toPx(x);
    const py = toPy(y);
    const cx = Math.round(2 * px);
    const cy = Math.round(2 * py);
    if (!broken && cx === cellX && cy === cellY) {
      pending = k;
      continue;
    }
    if (!broken) {
      if (drawnSegments.add(cellX, cellY, cx, cy)) {
        lineFromHere(px, py);
        penOnIt = true;
      } else {
        penOnIt = false;
      }
    } else {
      // A new piece starts with its first vertex, even if nothing follows it.
      penUpTo(px, py);
      penOnIt = true;
    }
    broken = false;
    pending = -1;
    atX = px;
    atY = py;
    cellX = cx;
    cellY = cy;
  }
  if (pending >= 0 && !broken) lineFromHere(toPx(points[3 * pending]), toPy(points[3 * pending + 1]));
  return size / 2;
}

/**
 * The set of segments between half-pixel cells drawn so far in one run, as
 * an open-addressing hash table reused across paints (no allocation per
 * frame). A segment and its reverse are the same. Cells beyond ±16,383 px
 * are never recorded, so far off-screen segments are simply always drawn.
 */
const drawnSegments = (() => {
  let keysA = new Int32Array(0);
  let keysB = new Int32Array(0);
  let stamps = new Uint32Array(0);
  let stamp = 0;
  let mask = 0;
  const limit = 32_767;
  const pack = (x: number, y: number) => ((x + limit) << 16) | (y + limit);
  return {
    /** Forget every segment; room for up to `segments` of them. */
    start(segments: number) {
      const wanted = Math.max(1024, 2 ** Math.ceil(Math.log2(2 * segments + 2)));
      if (stamps.length < wanted) {
        keysA = new Int32Array(wanted);
        keysB = new Int32Array(wanted);
        stamps = new Uint32Array(wanted);
        stamp = 0;
      }
      mask = stamps.length - 1;
      stamp++;
      if (stamp === 0xffffffff) {
        stamps.fill(0);
        stamp = 1;
      }
    },
    /** Record the segment; false when it was recorded before. */
    add(x0: number, y0: number, x1: number, y1: number): boolean {
      if (Math.abs(x0) > limit || Math.abs(y0) > limit || Math.abs(x1) > limit || Math.abs(y1) > limit) return true;
      const p = pack(x0, y0);
      const q = pack(x1, y1);
      const a = p < q ? p : q;
      const b = p < q ? q : p;
      let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 16), 0x85ebca77);
      h ^= h >>> 15;
      for (let i = h & mask; ; i = (i + 1) & mask) {
        if (stamps[i] !== stamp) {
          stamps[i] = stamp;
          keysA[i] = a;
          keysB[i] = b;
          return true;
        }
        if (keysA[i] === a && keysB[i] === b) return false;
      }
    },
  };
})();

function strokePath(
  ctx: PaintContext,
  run: PaintedRun,
  n: number,
  toPx: (x: number) => number,
  toPy: (y: number) => number,
  budget: number,
): void {
  const vertices = decimate(run, n, toPx, toPy);
  if (vertices < 2) return;
  const stride = Math.max(1, Math.ceil(vertices / budget));
  ctx.beginPath();
  let penDown = false;
  for (let v = 0; v < vertices; v++) {
    const px = scratch[2 * v];
    if (Number.isNaN(px)) {
      penDown = false;
      continue;
    }
    const py = scratch[2 * v + 1];
    const lastOfPiece = v === vertices - 1 || Number.isNaN(scratch[2 * v + 2]);
    if (!penDown) {
      ctx.moveTo(px, py);
      penDown = true;
    } else if (v % stride === 0 || lastOfPiece) {
      ctx.lineTo(px, py);
    }
  }
  const halo = haloColor(run.color);
  ctx.strokeStyle = halo;
  ctx.lineWidth = haloWidth(halo);
  ctx.stroke();
  ctx.strokeStyle = run.color;
  ctx.lineWidth = lineWidth;
  ctx.stroke();
}

function drawStart(ctx: PaintContext, color: string, x: number, y: number): void {
  // Hollow: the start is where every run of the scene begins, so the rings overlap and must not hide each other.
  circle(ctx, x, y, 5);
  ctx.strokeStyle = haloColor(color);
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.stroke();
}

function drawHead(ctx: PaintContext, color: string, x: number, y: number): void {
  circle(ctx, x, y, 4);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = haloColor(color);
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawRing(ctx: PaintContext, color: string, x: number, y: number): void {
  circle(ctx, x, y, 7);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawCross(ctx: PaintContext, color: string, x: number, y: number): void {
  const r = 6;
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x - r, y + r);
  ctx.lineTo(x + r, y - r);
  ctx.strokeStyle = haloColor(color);
  ctx.lineWidth = 5;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

function circle(ctx: PaintContext, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}
