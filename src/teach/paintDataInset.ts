/**
 * The data behind a regression surface and the model each run holds at one
 * step, painted on a small canvas. A point (w, b) on the loss surface is a
 * model: the line y = w·x + b (linreg) or the sigmoid p = σ(w·x + b)
 * (logreg). Drawing it over the data as the point moves shows the fit
 * improving, which the contour plot alone cannot say.
 *
 * Pure: a function of its arguments and the context, tested with a recording fake.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { DataSet } from '../core/types';
import { formatValue } from '../plot/format';
import { fadedColor, type LossPaintContext } from '../plot/paintLossChart';
import type { TrajectoryStore } from '../state/trajectories';
import type { RunStyle } from '../plot/TrajectoryCanvas';
import { runColor } from '../plot/colors';

export type DataInsetKind = 'linreg' | 'logreg';

/** One run's model: its point (w, b) on the surface at the step shown. */
export interface InsetModel {
  w: number;
  b: number;
  color: string;
}

export interface DataInsetOptions {
  kind: DataInsetKind;
  data: DataSet;
  models: readonly InsetModel[];
  width: number;
  height: number;
  /** Colour of axis text and data points (the page's text colour). */
  ink?: string;
}

export interface DataInsetLayout {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const insetMargins = { top: 8, right: 10, bottom: 22, left: 30 } as const;

/** Samples along the sigmoid: smooth at inset sizes even when a large w makes it a step. */
export const sigmoidSamples = 96;

/**
 * A fixed vertical offset for sample i, in [−0.06, 0.06): labels 0 and 1
 * would otherwise pile 128 points onto one row each. The golden-ratio
 * sequence spreads them evenly and the picture is the same on every load.
 */
export function jitter(i: number): number {
  const phase = (i * 0.6180339887498949) % 1;
  return (phase - 0.5) * 0.12;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Scales that fit the data (never the models: a wild early line should leave the frame, not squash the data). */
export function dataInsetLayout(kind: DataInsetKind, data: DataSet, width: number, height: number): DataInsetLayout {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < data.xs.length; i++) {
    x0 = Math.min(x0, data.xs[i]);
    x1 = Math.max(x1, data.xs[i]);
    y0 = Math.min(y0, data.ys[i]);
    y1 = Math.max(y1, data.ys[i]);
  }
  if (!(x1 > x0)) [x0, x1] = [0, 1];
  if (!(y1 > y0)) [y0, y1] = [0, 1];
  const padX = 0.04 * (x1 - x0);
  const padY = 0.06 * (y1 - y0);
  const m = insetMargins;
  const x = scaleLinear().domain([x0 - padX, x1 + padX]).range([m.left, Math.max(m.left + 1, width - m.right)]);
  const yDomain: [number, number] = kind === 'logreg' ? [-0.12, 1.12] : [y0 - padY, y1 + padY];
  const y = scaleLinear().domain(yDomain).range([Math.max(m.top + 1, height - m.bottom), m.top]);
  return { x, y, margin: m };
}

export function paintDataInset(ctx: LossPaintContext, options: DataInsetOptions): DataInsetLayout {
  const { kind, data, models, width, height } = options;
  const ink = options.ink ?? '#444';
  const layout = dataInsetLayout(kind, data, width, height);
  const { x, y } = layout;
  const [left, right] = x.range();
  const [bottom, top] = y.range();
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  paintAxes(ctx, layout, kind, ink);

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, right - left, bottom - top);
  ctx.clip();
  if (kind === 'logreg') {
    // p = ½, where the model's decision flips.
    ctx.beginPath();
    ctx.moveTo(left, y(0.5));
    ctx.lineTo(right, y(0.5));
    ctx.strokeStyle = fadedColor(ink, 0.25);
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.fillStyle = fadedColor(ink, 0.4);
  for (let i = 0; i < data.xs.length; i++) {
    const value = kind === 'logreg' ? data.ys[i] + jitter(i) : data.ys[i];
    ctx.beginPath();
    ctx.arc(x(data.xs[i]), y(value), 1.8, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2;
  const [d0, d1] = x.domain();
  for (const model of models) {
    if (!Number.isFinite(model.w) || !Number.isFinite(model.b)) continue;
    ctx.beginPath();
    if (kind === 'linreg') {
      // A line is its two ends; the clip trims whatever leaves the frame.
      ctx.moveTo(x(d0), clampPixel(y(model.w * d0 + model.b), height));
      ctx.lineTo(x(d1), clampPixel(y(model.w * d1 + model.b), height));
    } else {
      for (let k = 0; k <= sigmoidSamples; k++) {
        const xv = d0 + ((d1 - d0) * k) / sigmoidSamples;
        const py = y(sigmoid(model.w * xv + model.b));
        if (k === 0) ctx.moveTo(x(xv), py);
        else ctx.lineTo(x(xv), py);
      }
    }
    ctx.strokeStyle = model.color;
    ctx.stroke();
  }
  ctx.restore();
  ctx.restore();
  return layout;
}

/**
 * A line with slope 1e6 would put its ends at pixel ±1e8 or so; canvases
 * rasterise that badly. Keeping ends within a few heights of the frame
 * changes nothing visible: the clip cuts them anyway.
 */
function clampPixel(py: number, height: number): number {
  return Math.max(-4 * height, Math.min(5 * height, py));
}

function paintAxes(ctx: LossPaintContext, layout: DataInsetLayout, kind: DataInsetKind, ink: string): void {
  const { x, y } = layout;
  const [left, right] = x.range();
  const [bottom, top] = y.range();
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = ink;
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  // The axis name sits at the right end of the tick row; a tick label there would collide with it.
  for (const t of x.ticks(Math.max(2, Math.floor((right - left) / 50)))) {
    if (x(t) < right - 14) ctx.fillText(formatValue(t), x(t), bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yTicks = kind === 'logreg' ? [0, 1] : y.ticks(Math.max(2, Math.floor((bottom - top) / 30)));
  for (const t of yTicks) ctx.fillText(formatValue(t), left - 4, y(t));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText('x', right, bottom + 4);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(kind === 'logreg' ? 'y, p' : 'y', 2, top - 6 < 0 ? 0 : top - 6);
}

/**
 * Each visible run's (w, b) at `step` (Infinity: its last point). A run that
 * stopped early keeps its last model, as its path keeps its last point.
 */
export function modelsAt(store: Pick<TrajectoryStore, 'get'>, runs: readonly RunStyle[], step: number): InsetModel[] {
  const out: InsetModel[] = [];
  for (const run of runs) {
    if (run.hidden) continue;
    const trajectory = store.get(run.key);
    if (!trajectory || trajectory.count === 0) continue;
    const wanted = step >= 0 ? Math.floor(step) : 0; // NaN and negatives: the start
    const k = Math.min(trajectory.count - 1, wanted);
    out.push({ w: trajectory.points[3 * k], b: trajectory.points[3 * k + 1], color: runColor(run.color) });
  }
  return out;
}
