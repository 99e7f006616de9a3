/**
 * f against step for every run, painted on a canvas. The y scale follows the
 * data: logarithmic when every loss is positive and the losses span more
 * than two decades (the usual picture of convergence), symlog when losses go
 * negative across decades (a run sliding off a saddle), linear otherwise.
 * Axes stay put during a replay: the domain covers every received step, not
 * only those drawn so far.
 *
 * With smoothing on, each run's raw curve is drawn faint and thin, and its
 * exponentially weighted average (smoothing.ts) bold on top. The y domain
 * stays the raw losses': an uncorrected average starts far below (v₁ =
 * (1 − β)·f₀) and is left to enter from the bottom edge, which is exactly the
 * start-up bias the correction removes.
 */
import { color as parseColor, scaleLinear, scaleLog, scaleSymlog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3';
import { formatValue } from './format';
import { ewaStrided } from './smoothing';
import { lossColumns, lossRange } from './lossColumns';
import type { PaintContext, PaintedRun } from './paintTrajectories';

export type LossScaleKind = 'linear' | 'log' | 'symlog';

export interface LossLayout {
  kind: LossScaleKind;
  /** Step → pixel x inside the plotting area. */
  x: ScaleLinear<number, number>;
  /** f → pixel y inside the plotting area. */
  y: ScaleContinuousNumeric<number, number>;
  /** Largest step on the axis. */
  lastStep: number;
  /** Where the symlog scale turns from linear to logarithmic (symlog only). */
  constant: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface LossPaintOptions {
  runs: readonly PaintedRun[];
  width: number;
  height: number;
  upTo: number;
  hoverStep?: number | null;
  /** The step budget, so the x axis does not grow while runs stream in. */
  steps?: number;
  /** Colour of axis text (the page's text colour, so it reads in dark mode too). */
  ink?: string;
  /** Title of the x axis, in the page's language; defaults to "step". */
  stepTitle?: string;
  /** Draw an exponentially weighted average over each raw curve; null or absent: raw only. */
  smoothing?: LossSmoothing | null;
}

/** EWA smoothing of the loss curves: v_t = β·v_{t−1} + (1 − β)·f_t, optionally divided by 1 − β^t. */
export interface LossSmoothing {
  /** In [0, 1); 0 leaves the curve as it is. */
  beta: number;
  biasCorrection: boolean;
}

/** Opacity of the raw curve behind its smoothed one. */
export const rawOpacity = 0.3;

export type LossPaintContext = PaintContext & {
  fillText: CanvasRenderingContext2D['fillText'];
  rect: CanvasRenderingContext2D['rect'];
  clip(): void;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

export const lossMargins = { top: 8, right: 12, bottom: 34, left: 54 } as const;

/**
 * Choose the y scale type. `startMagnitude` is the largest |f| at the runs'
 * starts: negative losses "span decades" when they end up 100 times further
 * from zero than where they began, not merely when some loss crosses zero.
 */
export function chooseLossScale(min: number, max: number, startMagnitude: number): LossScaleKind {
  if (!(max > min)) return 'linear';
  if (min > 0 && max / min > 100) return 'log';
  const largest = Math.max(Math.abs(min), Math.abs(max));
  if (min < 0 && largest > 100 * Math.max(startMagnitude, largest * 1e-9)) return 'symlog';
  return 'linear';
}

export function lossLayout(runs: readonly PaintedRun[], width: number, height: number, steps = 0): LossLayout {
  let startMagnitude = 0;
  let lastStep = Math.max(1, steps);
  // Kept per buffer and extended as runs stream in (lossColumns.ts).
  const found = runs.map((run) => lossRange(run.points, Math.min(run.count, Math.floor(run.points.length / 3))));
  runs.forEach((run, i) => {
    lastStep = Math.max(lastStep, run.count - 1);
    startMagnitude = Math.max(startMagnitude, found[i].startMagnitude);
  });
  // A diverged run's last losses (1e+20 on Rosenbrock) would flatten every
  // other run against the axis; its values count only up to a thousand times
  // the largest start, and its line leaves the chart through the edge.
  // (Clamping is monotonic: the clamped extremes are the extremes clamped.)
  const cap = 1e3 * Math.max(startMagnitude, 1e-300);
  const clamp = (f: number) => Math.max(-cap, Math.min(cap, f));
  let min = Infinity;
  let max = -Infinity;
  runs.forEach((run, i) => {
    if (found[i].min === Infinity) return;
    const diverged = run.status === 'diverged';
    min = Math.min(min, diverged ? clamp(found[i].min) : found[i].min);
    max = Math.max(max, diverged ? clamp(found[i].max) : found[i].max);
  });
  const innerWidth = Math.max(1, width - lossMargins.left - lossMargins.right);
  const innerHeight = Math.max(1, height - lossMargins.top - lossMargins.bottom);
  const x = scaleLinear().domain([0, lastStep]).range([0, innerWidth]);
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  } else if (!(max > min)) {
    const pad = Math.max(1, Math.abs(min)) * 0.5;
    min -= pad;
    max += pad;
  }
  const largest = Math.max(Math.abs(min), Math.abs(max));
  const kind = chooseLossScale(min, max, startMagnitude);
  const range = [innerHeight, 0];
  // Linear within ±(start magnitude): the first steps keep their shape, the runaway tail is logarithmic.
  const constant = Math.max(startMagnitude, largest * 1e-6, Number.MIN_VALUE);
  const y: ScaleContinuousNumeric<number, number> =
    kind === 'log' ? scaleLog().domain([min, max]).range(range).nice()
      : kind === 'symlog' ? scaleSymlog().constant(constant).domain([min, max]).range(range)
        : scaleLinear().domain([min, max]).range(range).nice();
  return { kind, x, y, lastStep, constant, margin: lossMargins };
}

export function paintLossChart(ctx: LossPaintContext, options: LossPaintOptions): LossLayout {
  const { runs, width, height } = options;
  const layout = lossLayout(runs, width, height, options.steps);
  const { x, y, margin } = layout;
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  paintAxes(ctx, layout, width, height, options.ink ?? '#444', options.stepTitle ?? 'step');
  const last = Math.floor(options.upTo);
  const top = margin.top;
  const bottom = height - margin.bottom;
  ctx.lineJoin = 'round';
  ctx.save();
  ctx.beginPath();
  ctx.rect(margin.left, top, width - margin.left - margin.right, bottom - top);
  ctx.clip();
  // Values beyond the axis leave through the chart's edge (clipped below) instead of
  // running along it: a flat line at the top would read as "f levelled off".
  // The x scale is linear: as a plain affine map, since the reduction calls it once per point (800,000 a paint
  // while long runs stream), and d3's scale function costs several times more per call, most of all before it is optimised.
  const [x0, x1] = x.domain();
  const [r0, r1] = x.range();
  const slope = x1 === x0 ? 0 : (r1 - r0) / (x1 - x0);
  const px = (k: number) => margin.left + r0 + (k - x0) * slope;
  const py = (f: number) => Math.max(top - height, Math.min(bottom + height, margin.top + y(f)));
  const smoothing = options.smoothing && options.smoothing.beta > 0 ? options.smoothing : null;
  let smoothed = new Float64Array(0);
  for (const run of runs) {
    const n = last >= 0 ? Math.min(run.count, last + 1) : 0;
    if (n < 1) continue;
    ctx.beginPath();
    traceLoss(ctx, run.points, 3, 2, n, px, py, `${margin.left} ${x.range()[1]} ${layout.lastStep}`);
    ctx.strokeStyle = smoothing ? fadedColor(run.color, rawOpacity) : run.color;
    ctx.lineWidth = 1;
    ctx.stroke();
    if (!smoothing) continue;
    if (smoothed.length < n) smoothed = new Float64Array(Math.max(n, 2 * smoothed.length));
    ewaStrided(run.points, n, 3, 2, smoothing.beta, smoothing.biasCorrection, smoothed);
    ctx.beginPath();
    traceLoss(ctx, smoothed, 1, 0, n, px, py);
    ctx.strokeStyle = run.color;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.restore(); // the clip to the plotting area; the hover line may reach the margins
  const hover = options.hoverStep == null ? -1 : Math.floor(options.hoverStep);
  if (hover >= 0 && hover <= layout.lastStep) {
    const hx = margin.left + x(hover);
    ctx.beginPath();
    ctx.moveTo(hx, margin.top);
    ctx.lineTo(hx, height - margin.bottom);
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.lineWidth = 1;
    ctx.stroke();
    for (const run of runs) {
      const f = hover < Math.min(run.count, last + 1) ? run.points[3 * hover + 2] : NaN;
      if (!Number.isFinite(f)) continue;
      ctx.beginPath();
      ctx.arc(hx, margin.top + y(f), 3, 0, 2 * Math.PI);
      ctx.fillStyle = run.color;
      ctx.fill();
    }
  }
  ctx.restore();
  return layout;
}

/**
 * Polyline through steps 0 … n − 1. Past two points per pixel column it
 * keeps four vertices per column (first, lowest, highest, last: the M4
 * reduction), which lights the same pixels as every point would, so a
 * 100,000-step run costs a few thousand vertices. Non-finite losses break the line.
 * Reads values[offset + k·stride]: f inside a trajectory buffer, or a smoothed series.
 *
 * The reduction works on f itself, and only the four kept values per column
 * go through the y scale (a log or symlog scale costs a logarithm a call): y
 * is monotonic in f, so the lowest f is the lowest point on screen, and every
 * finite f has a finite pixel (log scales are chosen only for positive data).
 */
function traceLoss(
  ctx: LossPaintContext,
  values: ArrayLike<number>,
  stride: number,
  offset: number,
  n: number,
  px: (k: number) => number,
  py: (f: number) => number,
  /** For a trajectory buffer (stride 3, f at 2): names the x mapping, so its reduction is kept between paints. */
  cacheKey?: string,
): void {
  let penDown = false;
  const vertex = (vx: number, vy: number) => {
    if (penDown) ctx.lineTo(vx, vy);
    else ctx.moveTo(vx, vy);
    penDown = true;
  };
  const dense = n > 2 * (px(n - 1) - px(0) + 1);
  if (!dense) {
    for (let k = 0; k < n; k++) {
      const f = values[offset + k * stride];
      const sy = Number.isFinite(f) ? py(f) : NaN;
      if (Number.isFinite(sy)) vertex(px(k), sy);
      else penDown = false;
    }
    return;
  }
  const emit = (column: number, first: number, low: number, high: number, lastF: number) => {
    const cx = column + 0.5;
    // Screen y grows downward as f grows upward: py(low) and py(high) are the extremes either way.
    const y0 = py(first);
    const yLow = py(low);
    const yHigh = py(high);
    const yLast = py(lastF);
    const top = Math.min(yLow, yHigh);
    const bottom = Math.max(yLow, yHigh);
    vertex(cx, y0);
    if (top !== y0) vertex(cx, top);
    if (bottom !== top) vertex(cx, bottom);
    if (yLast !== bottom) vertex(cx, yLast);
  };
  if (cacheKey !== undefined && values instanceof Float64Array && stride === 3 && offset === 2) {
    const c = lossColumns(values, n, px, cacheKey);
    for (let i = 0; i < c.count; i++) {
      if (c.breakBefore[i]) penDown = false;
      emit(c.column[i], c.first[i], c.low[i], c.high[i], c.last[i]);
    }
    return;
  }
  let column = NaN;
  let first = NaN;
  let low = 0;
  let high = 0;
  let lastF = 0;
  const flush = () => {
    if (Number.isNaN(first)) return;
    emit(column, first, low, high, lastF);
    first = NaN;
  };
  for (let k = 0; k < n; k++) {
    const f = values[offset + k * stride];
    if (!Number.isFinite(f)) {
      flush();
      penDown = false;
      continue;
    }
    const c = Math.floor(px(k));
    if (c !== column || Number.isNaN(first)) {
      flush();
      column = c;
      first = low = high = lastF = f;
      continue;
    }
    if (f < low) low = f;
    if (f > high) high = f;
    lastF = f;
  }
  flush();
}

function paintAxes(ctx: LossPaintContext, layout: LossLayout, width: number, height: number, ink: string, stepTitle: string): void {
  const { x, y, margin } = layout;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = ink;
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(margin.left, margin.top);
  ctx.lineTo(margin.left, margin.top + innerHeight);
  ctx.lineTo(margin.left + innerWidth, margin.top + innerHeight);
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = x.ticks(Math.max(2, Math.floor(innerWidth / 70))).filter(Number.isInteger);
  const xFormat = x.tickFormat(10, '~s');
  for (const t of xTicks) ctx.fillText(xFormat(t), margin.left + x(t), margin.top + innerHeight + 5);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks(layout, innerHeight)) {
    const ty = margin.top + y(t);
    // Log and symlog ticks are powers of ten: 1e−14 is a tick, not zero.
    ctx.fillText(formatValue(t, 2, layout.kind === 'linear' ? undefined : 0), margin.left - 6, ty);
    ctx.beginPath();
    ctx.moveTo(margin.left - 3, ty);
    ctx.lineTo(margin.left, ty);
    ctx.stroke();
  }
  // Axis titles, small, in the corners where no tick label sits.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('f', 4, margin.top);
  ctx.textAlign = 'right';
  ctx.fillText(stepTitle, width - 2, margin.top + innerHeight + 5 + 10);
}

/** Tick values for the y axis; symlog gets 0 and ±powers of ten, which d3 does not provide. */
export function yTicks(layout: Pick<LossLayout, 'kind' | 'y' | 'constant'>, innerHeight: number): number[] {
  const count = Math.max(2, Math.floor(innerHeight / 28));
  const [d0, d1] = layout.y.domain();
  if (layout.kind === 'linear') return layout.y.ticks(count);
  const symlog = layout.kind === 'symlog';
  // On symlog, powers below the constant sit in the linear zone, crowded against 0.
  const lo = symlog ? Math.ceil(Math.log10(layout.constant) - 1e-9) : Math.floor(Math.log10(d0));
  const hi = Math.floor(Math.log10(Math.max(Math.abs(d0), Math.abs(d1))) + 1e-9);
  const inside = (v: number) => v >= d0 && v <= d1;
  const signs = symlog ? [1, -1] : [1];
  let candidates = 0;
  for (let e = lo; e <= hi; e++) for (const sign of signs) if (inside(sign * 10 ** e)) candidates++;
  // Thin whole decades (every 2nd, 3rd …, counted from the largest) so labels never crowd; keep 0 on a symlog axis.
  const every = Math.max(1, Math.ceil(candidates / Math.max(1, count - (symlog ? 1 : 0))));
  const wanted = symlog && inside(0) ? [0] : [];
  for (let e = hi; e >= lo; e -= every) {
    for (const sign of signs) if (inside(sign * 10 ** e)) wanted.push(sign * 10 ** e);
  }
  // Near zero a symlog axis packs powers tightly: keep 0 and the largest, drop labels closer than 14 px.
  const kept: number[] = [];
  for (const t of wanted) {
    if (kept.every((k) => Math.abs(layout.y(k) - layout.y(t)) >= 14)) kept.push(t);
  }
  return kept.sort((a, b) => a - b);
}

/** A CSS colour at the given opacity (the raw curve behind the smoothed one). */
export function fadedColor(cssColor: string, opacity: number): string {
  const parsed = parseColor(cssColor);
  if (!parsed) return cssColor;
  parsed.opacity = opacity;
  return parsed.formatRgb();
}
