/**
 * The inspector's layer over the plot: for each run at the inspected step,
 * arrows from x_{t−1} for −η∇f, the velocity or first moment, and the step Δx
 * actually taken, plus, for adaptive methods, an ellipse whose semi-axes are
 * proportional to each axis's effective learning rate.
 *
 * `layoutInspector` is pure arithmetic (tested directly); `paintInspector`
 * draws a layout onto a 2D context. Arrows keep surface units when the
 * longest one is between `fit.minPx` and `fit.maxPx` long; otherwise every
 * arrow of that run is multiplied by the same 1-2-5 factor, which the
 * legend names ("× 10"), so their ratios stay true.
 */
import type { Vec2, ViewBox } from '../core/types';
import { haloColor } from '../plot/colors';
import type { StepVectors } from './stepVectors';

export type ArrowKind = 'gradient' | 'momentum' | 'delta';
export const arrowKinds: readonly ArrowKind[] = ['gradient', 'momentum', 'delta'];

export interface InspectedRun {
  key: string;
  /** CSS colour of the run. */
  color: string;
  vectors: StepVectors;
}

export interface InspectorPaintOptions {
  runs: readonly InspectedRun[];
  view: ViewBox;
  /** Size of the plotting area in CSS pixels. */
  width: number;
  height: number;
}

export interface ArrowLayout {
  kind: ArrowKind;
  /** Pixel coordinates of tail and tip. */
  from: Vec2;
  to: Vec2;
}

export interface RunLayout {
  key: string;
  color: string;
  origin: Vec2;
  arrows: ArrowLayout[];
  /** Semi-axes in pixels, proportional to the per-axis effective learning rates. */
  ellipse: { rx: number; ry: number } | null;
  /** Factor applied to every arrow of this run (1 = surface units). */
  scale: number;
}

/** Arrow lengths (px) that are drawn as they are. */
export function fitFor(width: number, height: number) {
  return { minPx: 16, maxPx: Math.max(40, 0.3 * Math.min(width, height)) };
}

/** Radius (px) of the larger semi-axis of the effective-rate ellipse. */
export const ellipseRadius = 18;

/** Largest 1-2-5 number (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) not above `value`. */
export function niceFloor(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = value / power;
  const nice = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return nice * power;
}

export function layoutInspector(options: InspectorPaintOptions): RunLayout[] {
  const { view, width, height } = options;
  const kx = width / (view.x[1] - view.x[0]);
  const ky = height / (view.y[1] - view.y[0]);
  if (!Number.isFinite(kx) || !Number.isFinite(ky) || kx <= 0 || ky <= 0) return [];
  const fit = fitFor(width, height);
  const layouts: RunLayout[] = [];
  for (const run of options.runs) {
    const { vectors } = run;
    const origin: Vec2 = [(vectors.origin[0] - view.x[0]) * kx, (view.y[1] - vectors.origin[1]) * ky];
    if (!Number.isFinite(origin[0]) || !Number.isFinite(origin[1])) continue;
    // Surface y grows upwards, pixel y downwards.
    const toPixels = (v: Vec2): Vec2 => [v[0] * kx, -v[1] * ky];
    const candidates: Array<[ArrowKind, Vec2]> = [['gradient', toPixels(vectors.gradient)], ['delta', toPixels(vectors.delta)]];
    if (vectors.momentum) candidates.splice(1, 0, ['momentum', toPixels(vectors.momentum)]);
    const usable = candidates.filter(([, v]) => Number.isFinite(v[0]) && Number.isFinite(v[1]));
    const longest = Math.max(0, ...usable.map(([, v]) => Math.hypot(v[0], v[1])));
    let scale = 1;
    if (longest > fit.maxPx) scale = niceFloor(fit.maxPx / longest);
    else if (longest > 0 && longest < fit.minPx) scale = niceFloor((3 * fit.minPx) / longest);
    const arrows: ArrowLayout[] = [];
    for (const [kind, v] of usable) {
      const to: Vec2 = [origin[0] + scale * v[0], origin[1] + scale * v[1]];
      // Shorter than a pixel is no arrow (the velocity at step 1 is zero).
      if (Math.hypot(scale * v[0], scale * v[1]) >= 1) arrows.push({ kind, from: origin, to });
    }
    layouts.push({ key: run.key, color: run.color, origin, arrows, ellipse: ellipseFor(vectors.rates), scale });
  }
  return layouts;
}

function ellipseFor(rates: Vec2 | null): RunLayout['ellipse'] {
  if (!rates) return null;
  const [a, b] = rates;
  const largest = Math.max(a, b);
  if (!(a >= 0 && b >= 0 && largest > 0 && Number.isFinite(largest))) return null;
  // A semi-axis a million times shorter still shows as a line, not nothing.
  return { rx: Math.max(1, (ellipseRadius * a) / largest), ry: Math.max(1, (ellipseRadius * b) / largest) };
}

/** The part of CanvasRenderingContext2D the inspector painter uses. */
export type InspectorContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'clearRect' | 'save' | 'restore' | 'closePath' | 'ellipse' | 'setLineDash'
> & {
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
};

/** Line style per arrow kind; the legend draws the same. */
export const arrowStyles: Record<ArrowKind, { width: number; dash: number[] }> = {
  gradient: { width: 1.5, dash: [] },
  momentum: { width: 2, dash: [6, 4] },
  delta: { width: 3.5, dash: [] },
};

const headLength = 8;

export function paintInspector(ctx: InspectorContext, options: InspectorPaintOptions): RunLayout[] {
  ctx.clearRect(0, 0, options.width, options.height);
  const layouts = layoutInspector(options);
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const run of layouts) {
    const halo = haloColor(run.color);
    if (run.ellipse) {
      ctx.beginPath();
      ctx.ellipse(run.origin[0], run.origin[1], run.ellipse.rx, run.ellipse.ry, 0, 0, 2 * Math.PI);
      ctx.setLineDash([3, 3]);
      ctx.strokeStyle = halo;
      ctx.lineWidth = 3;
      ctx.stroke();
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    // Thin arrows last, so the thick step never hides the gradient it is compared with.
    const order = [...run.arrows].sort((a, b) => arrowStyles[b.kind].width - arrowStyles[a.kind].width);
    for (const arrow of order) drawArrow(ctx, arrow, run.color, halo);
  }
  ctx.restore();
  return layouts;
}

function drawArrow(ctx: InspectorContext, arrow: ArrowLayout, color: string, halo: string) {
  const style = arrowStyles[arrow.kind];
  const [x0, y0] = arrow.from;
  const [x1, y1] = arrow.to;
  const length = Math.hypot(x1 - x0, y1 - y0);
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  const head = Math.min(headLength + style.width, 0.6 * length);
  // The shaft stops where the head begins, so a dashed shaft does not poke through the tip.
  const bx = x1 - ux * head;
  const by = y1 - uy * head;
  for (const [stroke, extra] of [[halo, 2.5], [color, 0]] as const) {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(bx, by);
    ctx.setLineDash(style.dash);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = style.width + extra;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(bx - uy * head * 0.45, by + ux * head * 0.45);
  ctx.lineTo(bx + uy * head * 0.45, by - ux * head * 0.45);
  ctx.closePath();
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.fill();
}
