/**
 * The learning rate each run uses at each step, after its schedule, for the
 * small η-over-steps plot. It calls the core's learningRateAt with the same
 * n the simulation uses: the steps already taken (t − 1 for step t), or on a
 * data surface with `per: 'epoch'` the epochs already finished,
 * ⌊(t − 1)/⌈256/batch⌉⌋. Evaluating a formula is no optimizer loop, so this
 * runs on the main thread.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3';
import { learningRateAt, optimizerDefaults, optimizerInfo, sampleCount } from '../core';
import type { RunSpec } from '../state/scene';
import { runColor } from '../plot/colors';

export type ScheduleRun = Pick<RunSpec, 'key' | 'color' | 'hidden' | 'optimizer' | 'schedule' | 'batchSize'>;

export interface ScheduleSeries {
  key: string;
  color: string;
  /** Step numbers t (1-based: step t moves point t − 1 to point t), ascending. */
  steps: Float64Array;
  /** η used by step t. */
  rates: Float64Array;
  /** The schedule is constant (no decay, no warm-up): a flat line. */
  constant: boolean;
}

export interface ScheduleLayout {
  kind: 'linear' | 'log';
  x: ScaleLinear<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const scheduleMargins = { top: 8, right: 10, bottom: 22, left: 46 } as const;

/** Whether the run has a learning rate at all (line search picks its own step). */
export function usesLearningRate(run: Pick<RunSpec, 'optimizer'>): boolean {
  return optimizerInfo[run.optimizer.id].hyperparameters.includes('learningRate');
}

export function baseLearningRate(run: Pick<RunSpec, 'optimizer'>): number {
  return run.optimizer.learningRate ?? optimizerDefaults(run.optimizer.id).learningRate ?? 1;
}

export function isConstantSchedule(schedule: RunSpec['schedule']): boolean {
  return schedule.kind === 'constant' && !((schedule.warmup ?? 0) > 0);
}

/** Mini-batch steps in one pass over the 256 samples (the simulation's ⌈n/batch⌉). */
export function stepsPerEpoch(batchSize: number): number {
  const batch = Math.min(sampleCount, Math.max(1, Math.floor(batchSize) || sampleCount));
  return Math.ceil(sampleCount / batch);
}

/** η of step t (t ≥ 1), exactly as simulate computes it. */
export function rateAtStep(run: ScheduleRun, t: number, isData: boolean): number {
  const perEpoch = isData && run.schedule.per === 'epoch';
  const n = perEpoch ? Math.floor((t - 1) / stepsPerEpoch(run.batchSize)) : t - 1;
  return learningRateAt(run.schedule, baseLearningRate(run), Math.max(0, n));
}

/**
 * The steps to evaluate: every one when there are few, else `maxSamples`
 * spread evenly (the plot has a few hundred pixels; a step schedule's drop
 * then spans less than a pixel).
 */
export function sampleSteps(steps: number, maxSamples: number): Float64Array {
  const last = Math.max(1, Math.floor(steps));
  const count = Math.min(last, Math.max(2, Math.floor(maxSamples)));
  const out = new Float64Array(count);
  if (count === last) {
    for (let k = 0; k < count; k++) out[k] = k + 1;
    return out;
  }
  for (let k = 0; k < count; k++) out[k] = 1 + Math.round((k * (last - 1)) / (count - 1));
  return out;
}

/** One series per visible run that has a learning rate. */
export function scheduleSeries(runs: readonly ScheduleRun[], steps: number, isData: boolean, maxSamples = 600): ScheduleSeries[] {
  const at = sampleSteps(steps, maxSamples);
  const out: ScheduleSeries[] = [];
  for (const run of runs) {
    if (run.hidden || !usesLearningRate(run)) continue;
    const rates = new Float64Array(at.length);
    for (let k = 0; k < at.length; k++) rates[k] = rateAtStep(run, at[k], isData);
    out.push({ key: run.key, color: runColor(run.color), steps: at, rates, constant: isConstantSchedule(run.schedule) });
  }
  return out;
}

/**
 * Scales for the plot: log y when the positive rates span more than two
 * decades (the loss chart's rule; an exponential decay is then a straight
 * line), else linear from 0, so a halving looks like half.
 */
export function scheduleLayout(series: readonly ScheduleSeries[], width: number, height: number, steps: number): ScheduleLayout {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const r of s.rates) {
      if (!(r > 0) || !Number.isFinite(r)) continue;
      if (r < min) min = r;
      if (r > max) max = r;
    }
  }
  const m = scheduleMargins;
  const x = scaleLinear().domain([1, Math.max(2, Math.floor(steps))]).range([m.left, Math.max(m.left + 1, width - m.right)]);
  const range = [Math.max(m.top + 1, height - m.bottom), m.top];
  if (!Number.isFinite(min)) return { kind: 'linear', x, y: scaleLinear().domain([0, 1]).range(range), margin: m };
  if (max / min > 100) {
    // Rates underflowing towards 0 (γ = 1e−6 over hundreds of steps) would stretch the axis over hundreds of decades.
    const floor = Math.max(min, max * 1e-12);
    return { kind: 'log', x, y: scaleLog().domain([floor, max]).range(range).nice(), margin: m };
  }
  return { kind: 'linear', x, y: scaleLinear().domain([0, max * 1.05]).range(range).nice(), margin: m };
}

/** An SVG path through the series; values the axis cannot show leave through the bottom edge (the SVG clips). */
export function schedulePath(series: ScheduleSeries, layout: ScheduleLayout): string {
  const bottom = layout.y.range()[0];
  const parts: string[] = [];
  let penDown = false;
  for (let k = 0; k < series.steps.length; k++) {
    const r = series.rates[k];
    const valid = Number.isFinite(r) && (layout.kind === 'linear' || r > 0);
    if (!valid && layout.kind === 'linear') {
      penDown = false;
      continue;
    }
    const py = valid ? Math.min(bottom + 4, layout.y(r)) : bottom + 4;
    const px = layout.x(series.steps[k]);
    parts.push(`${penDown ? 'L' : 'M'}${round(px)},${round(py)}`);
    penDown = true;
  }
  return parts.join('');
}

/** Ticks of the y axis: decades on log (thinned to fit), d3's ticks on linear. */
export function scheduleTicks(layout: ScheduleLayout, count: number): number[] {
  const [d0, d1] = layout.y.domain();
  if (layout.kind === 'linear') return layout.y.ticks(count);
  const lo = Math.ceil(Math.log10(d0) - 1e-9);
  const hi = Math.floor(Math.log10(d1) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, count)));
  const out: number[] = [];
  for (let e = hi; e >= lo; e -= every) out.push(10 ** e);
  return out.reverse();
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
