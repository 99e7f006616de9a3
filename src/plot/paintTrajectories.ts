/**
 * Paints every run's path onto a 2D canvas context: a pure function of its
 * arguments (plus the context), so tests drive it with a recording fake.
 *
 * A run may hold 100,000 steps; most of them pile up within a pixel of the
 * minimum or oscillate over the same few pixels. decimatePath drops the steps
 * that add no pixels (and keeps the result between frames while a run
 * streams in). A run that wanders chaotically can still produce many
 * distinct vertices, so past `maxVertices` the kept vertices are further
 * thinned by a stride: the paint cost per frame stays bounded whatever the
 * run does.
 */
import type { StopStatus, ViewBox } from '../core/types';
import { haloColor } from './colors';
import { decimatedPath } from './decimatePath';
import type { LayerPath, PathLayer } from './pathLayer';
import { strokeRunPath } from './strokePath';

/** The part of CanvasRenderingContext2D the painters use. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'stroke' | 'fill' | 'clearRect' | 'save' | 'restore' | 'closePath' | 'drawImage' | 'setTransform'
> & {
  globalCompositeOperation: GlobalCompositeOperation;
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
  /**
   * While runs stream in: a layer that keeps the paths between paints, so a
   * paint strokes only what is new (see pathLayer.ts), and the device pixels
   * per CSS pixel of the canvas. Without it every path is stroked anew.
   */
  layer?: { paths: PathLayer; ratio: number } | null;
}

/** Vertex budget per run: about two per pixel around the perimeter, twice over. */
export function maxVerticesFor(width: number, height: number): number {
  return Math.max(1000, Math.ceil(4 * (width + height)));
}

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
  const paths: LayerPath[] = [];
  for (const run of runs) {
    const n = visibleCount(run, last);
    if (n < 2) continue;
    const path = decimatedPath(run.points, n, view, width, height);
    if (path.count >= 2) paths.push({ path, color: run.color, stride: Math.max(1, Math.ceil(path.count / budget)) });
  }
  const { layer } = options;
  if (layer) {
    // Pixel for pixel: the layer has the canvas's own size in device pixels.
    const image = layer.paths.update(paths, view, width, height, layer.ratio);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(image, 0, 0);
    ctx.restore();
  } else {
    for (const { path, color, stride } of paths) strokeRunPath(ctx, path, color, stride);
  }
  // Every start ring before any head: runs share their start, and a run that stopped at its
  // first step has its head (its ✕) there, which another run's ring drawn later would hide.
  const crosses: Array<[string, number, number]> = [];
  for (const run of runs) {
    const n = visibleCount(run, last);
    if (n === 0) continue;
    const start = finitePoint(run.points, 0, n, 1);
    if (start >= 0) drawStart(ctx, run.color, toPx(run.points[3 * start]), toPy(run.points[3 * start + 1]));
  }
  for (const run of runs) {
    const n = visibleCount(run, last);
    if (n === 0) continue;
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
    // A diverged run ends with a ✕ where it was last seen, once the replay reaches its end:
    // drawn after every head, which would cover it at a shared start.
    if (run.status === 'diverged' && n === run.count) crosses.push([run.color, hx, hy]);
    else drawHead(ctx, run.color, hx, hy);
  }
  for (const [color, x, y] of crosses) drawCross(ctx, color, x, y);
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
