import { describe, expect, it } from 'vitest';
import { chooseLossScale, lossLayout, paintLossChart, yTicks } from '../../src/plot/paintLossChart';
import { stepAt } from '../../src/plot/LossChart';
import type { PaintedRun } from '../../src/plot/paintTrajectories';
import { createRecordingContext } from './fakeContext';

function lossRun(losses: number[], color = '#0072B2'): PaintedRun {
  const points = new Float64Array(losses.length * 3);
  losses.forEach((f, k) => points.set([k, 0, f], 3 * k));
  return { points, count: losses.length, color, status: 'budget' };
}

describe('chooseLossScale', () => {
  it('goes logarithmic for positive losses spanning more than two decades', () => {
    expect(chooseLossScale(1e-3, 10, 10)).toBe('log');
    expect(chooseLossScale(1, 50, 50)).toBe('linear');
  });

  it('goes symlog when negative losses run decades away from where they started', () => {
    expect(chooseLossScale(-1e6, 0.5, 0.5)).toBe('symlog');
    // Crossing zero on the bumpy surface is not "spanning decades".
    expect(chooseLossScale(-2, 4, 3)).toBe('linear');
  });

  it('stays linear for a flat series', () => {
    expect(chooseLossScale(2, 2, 2)).toBe('linear');
  });
});

describe('paintLossChart', () => {
  it('draws a 100,000-step run with at most four vertices per pixel column', () => {
    const losses = Array.from({ length: 100_000 }, (_, k) => 1 + Math.sin(k) * 0.5 + 100 / (k + 1));
    const ctx = createRecordingContext();
    const layout = paintLossChart(ctx, { runs: [lossRun(losses)], width: 500, height: 200, upTo: Infinity });
    const columns = 500 - layout.margin.left - layout.margin.right;
    // Axis and tick lines add a few dozen lineTo calls of their own.
    expect(ctx.count('lineTo')).toBeLessThanOrEqual(4 * (columns + 1) + 60);
    expect(layout.kind).toBe('log');
  });

  it('labels a log axis that reaches 1e−20 with powers of ten, none of them printed as 0', () => {
    // A run converging to 1e−20 (Adam on Rosenbrock gets there): the log axis spans 21 decades.
    const losses = Array.from({ length: 2_000 }, (_, k) => 10 * 10 ** (-21 * (k / 1999)));
    const ctx = createRecordingContext();
    const layout = paintLossChart(ctx, { runs: [lossRun(losses)], width: 500, height: 200, upTo: Infinity });
    expect(layout.kind).toBe('log');
    const labels = ctx.named('fillText').map((call) => String(call.args[0]));
    const yLabels = labels.filter((label) => /e−\d+$/.test(label));
    expect(yLabels.length).toBeGreaterThan(1);
    expect(labels).not.toContain('0');
    expect(yLabels).toContain('1e−14');
  });

  it('keeps exactly the pixels of first, lowest, highest and last point per column, reducing f before the log scale', () => {
    const losses = Array.from({ length: 30_000 }, (_, k) => 2 + Math.sin(k / 7) + 300 / (k + 1) + (k % 97 === 0 ? 50 : 0));
    const ctx = createRecordingContext();
    const layout = paintLossChart(ctx, { runs: [lossRun(losses)], width: 420, height: 180, upTo: Infinity });
    expect(layout.kind).toBe('log');
    // The reference: every point through both scales, then the reduction in pixel space.
    const px = (k: number) => layout.margin.left + layout.x(k);
    const py = (f: number) => layout.margin.top + layout.y(f);
    const expected: Array<[number, number]> = [];
    let column = NaN;
    let ys: number[] = [];
    const flush = () => {
      if (ys.length === 0) return;
      const [first, last] = [ys[0], ys[ys.length - 1]];
      const low = Math.min(...ys);
      const high = Math.max(...ys);
      for (const y of [first, low, high, last].filter((y, i, all) => i === 0 || y !== all[i - 1])) expected.push([column + 0.5, y]);
      ys = [];
    };
    losses.forEach((f, k) => {
      const c = Math.floor(px(k));
      if (c !== column) flush();
      column = c;
      ys.push(py(f));
    });
    flush();
    const stroke = ctx.calls.findIndex((c) => c.name === 'moveTo' && c.args[0] === expected[0][0] && Math.abs((c.args[1] as number) - expected[0][1]) < 1e-9);
    const drawn = ctx.calls.slice(stroke).filter((c) => c.name === 'moveTo' || c.name === 'lineTo').slice(0, expected.length).map((c) => c.args);
    expect(drawn).toHaveLength(expected.length);
    drawn.forEach(([x, y], i) => {
      expect(x).toBe(expected[i][0]);
      expect(y).toBeCloseTo(expected[i][1], 9);
    });
  });

  it('breaks the line at non-finite losses instead of drawing them', () => {
    const ctx = createRecordingContext();
    paintLossChart(ctx, { runs: [lossRun([3, 2, NaN, 1, Infinity, 0.5])], width: 300, height: 150, upTo: Infinity });
    for (const call of ctx.calls.filter((c) => c.name === 'lineTo' || c.name === 'moveTo')) {
      expect(call.args.every((a) => Number.isFinite(a as number))).toBe(true);
    }
  });

  it('draws the hover line and a dot on each run at the hovered step', () => {
    const ctx = createRecordingContext();
    const runs = [lossRun([4, 3, 2, 1]), lossRun([5, 4, 3], '#D55E00')];
    const layout = paintLossChart(ctx, { runs, width: 300, height: 150, upTo: Infinity, hoverStep: 2 });
    const hx = layout.margin.left + layout.x(2);
    expect(ctx.named('moveTo').map((c) => c.args)).toContainEqual([hx, layout.margin.top]);
    const dots = ctx.named('arc').map((c) => c.args[0]);
    expect(dots).toEqual([hx, hx]);
  });

  it('keeps its axes while a replay draws only the first steps', () => {
    const runs = [lossRun([8, 4, 2, 1, 0.5])];
    const full = lossLayout(runs, 300, 150);
    const ctx = createRecordingContext();
    const partial = paintLossChart(ctx, { runs, width: 300, height: 150, upTo: 1 });
    expect(partial.x.domain()).toEqual(full.x.domain());
    expect(partial.y.domain()).toEqual(full.y.domain());
  });

  it('labels a symlog axis with zero and powers of ten', () => {
    const layout = lossLayout([lossRun([0.5, -3, -40, -900, -2e4, -5e5])], 300, 300);
    expect(layout.kind).toBe('symlog');
    const ticks = yTicks(layout, 240);
    expect(ticks).toContain(0);
    expect(ticks.some((t) => t <= -1e4)).toBe(true);
    for (const t of ticks.filter((v) => v !== 0)) expect(Math.log10(Math.abs(t)) % 1).toBeCloseTo(0, 9);
  });

  it('turns a pointer position into the nearest step, null outside the plot', () => {
    const layout = lossLayout([lossRun([3, 2, 1, 0.5, 0.2])], 300, 150, 4);
    expect(stepAt(layout, layout.margin.left + layout.x(3) + 1, 300)).toBe(3);
    expect(stepAt(layout, 2, 300)).toBeNull();
  });
});

describe('lossLayout with a diverged run', () => {
  it('keeps the converging runs readable and lets the runaway leave through the top', () => {
    const settled = lossLayout([lossRun([10, 1, 0.1, 0.01])], 300, 150);
    const divergedRun = { ...lossRun([10, 1e4, 1e12, 1e20]), status: 'diverged' as const };
    const both = lossLayout([lossRun([10, 1, 0.1, 0.01]), divergedRun], 300, 150);
    expect(both.kind).toBe('log');
    expect(both.y.domain()[1]).toBeLessThanOrEqual(1e4 * 10);
    expect(settled.y.domain()[0]).toBe(both.y.domain()[0]);
    const ctx = createRecordingContext();
    paintLossChart(ctx, { runs: [divergedRun], width: 300, height: 150, upTo: Infinity });
    // The line heads off the top (clipped to the plotting area) rather than running flat along it.
    expect(ctx.count('clip')).toBe(1);
    const ys = ctx.named('lineTo').map((call) => call.args[1] as number);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(both.margin.top - 150);
    expect(Math.min(...ys)).toBeLessThan(both.margin.top);
  });
});

describe('canvas state', () => {
  it('restores every state it saves, so repeated paints leave nothing behind', () => {
    const ctx = createRecordingContext();
    const run = { ...lossRun([10, 1, 0.1, 0.01]) };
    paintLossChart(ctx, { runs: [run], width: 300, height: 150, upTo: Infinity, hoverStep: 2, smoothing: { beta: 0.9, biasCorrection: true } });
    expect(ctx.count('save')).toBe(ctx.count('restore'));
  });
});
