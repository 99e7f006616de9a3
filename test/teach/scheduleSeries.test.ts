import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import type { ScheduleConfig } from '../../src/core/types';
import {
  rateAtStep, sampleSteps, scheduleLayout, schedulePath, scheduleSeries, scheduleTicks, stepsPerEpoch, type ScheduleRun,
} from '../../src/teach/scheduleSeries';

function run(key: string, schedule: ScheduleConfig, overrides: Partial<ScheduleRun> = {}): ScheduleRun {
  return {
    key, color: 0, hidden: false, optimizer: { id: 'gd', learningRate: 0.1 }, schedule, batchSize: 256, ...overrides,
  };
}

describe('rateAtStep', () => {
  it('gives step t the rate of n = t − 1: the first step uses η₀', () => {
    const decaying = run('a', { kind: 'exponential', gamma: 0.9 });
    expect(rateAtStep(decaying, 1, false)).toBeCloseTo(0.1, 15);
    expect(rateAtStep(decaying, 2, false)).toBeCloseTo(0.09, 15);
    expect(rateAtStep(decaying, 11, false)).toBeCloseTo(0.1 * 0.9 ** 10, 15);
  });

  it('counts epochs of ⌈256/batch⌉ steps on a data surface when the schedule says per epoch', () => {
    expect(stepsPerEpoch(32)).toBe(8);
    expect(stepsPerEpoch(256)).toBe(1);
    expect(stepsPerEpoch(1)).toBe(256);
    expect(stepsPerEpoch(100)).toBe(3);
    const perEpoch = run('a', { kind: 'exponential', gamma: 0.5, per: 'epoch' }, { batchSize: 32 });
    const rates = Array.from({ length: 17 }, (_, k) => rateAtStep(perEpoch, k + 1, true));
    expect(rates.slice(0, 8)).toEqual(new Array(8).fill(0.1));
    expect(rates.slice(8, 16)).toEqual(new Array(8).fill(0.05));
    expect(rates[16]).toBeCloseTo(0.025, 15);
    // Off a data surface there are no epochs: every step counts.
    expect(rateAtStep(perEpoch, 2, false)).toBeCloseTo(0.05, 15);
  });

  it('agrees with the rates simulate records, per step and per epoch, warm-up included', () => {
    const schedules: ScheduleConfig[] = [
      { kind: 'step', gamma: 0.5, every: 5, warmup: 3 },
      { kind: 'inverse-time', k: 0.3, per: 'epoch' },
      { kind: 'inverse-sqrt', per: 'epoch', warmup: 2 },
    ];
    for (const schedule of schedules) {
      const spec = run('a', schedule, { batchSize: 64, optimizer: { id: 'momentum', learningRate: 0.02 } });
      const result = simulate({
        surface: { id: 'linreg' }, optimizer: spec.optimizer, schedule, steps: 30, batchSize: 64, seed: 3, explain: true,
      });
      const recorded = result.explain!.learningRates;
      expect(recorded.length).toBe(30);
      for (let t = 1; t <= 30; t++) expect(rateAtStep(spec, t, true)).toBeCloseTo(recorded[t - 1], 14);
    }
  });
});

describe('sampleSteps', () => {
  it('keeps every step when there are few', () => {
    expect([...sampleSteps(5, 100)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('spreads at most maxSamples steps from the first to the last', () => {
    const at = sampleSteps(100_000, 500);
    expect(at.length).toBe(500);
    expect(at[0]).toBe(1);
    expect(at[499]).toBe(100_000);
    for (let k = 1; k < at.length; k++) expect(at[k]).toBeGreaterThan(at[k - 1]);
  });
});

describe('scheduleSeries and its layout', () => {
  it('makes one series per visible run that has a learning rate, constant ones flat', () => {
    const series = scheduleSeries([
      run('flat', { kind: 'constant' }),
      run('decay', { kind: 'inverse-sqrt' }, { color: 1 }),
      run('hidden', { kind: 'inverse-sqrt' }, { hidden: true }),
      run('search', { kind: 'inverse-sqrt' }, { optimizer: { id: 'linesearch' } }),
    ], 100, false);
    expect(series.map((s) => s.key)).toEqual(['flat', 'decay']);
    expect(series[0].constant).toBe(true);
    expect(new Set(series[0].rates).size).toBe(1);
    expect(series[1].constant).toBe(false);
    expect(series[1].rates[99]).toBeCloseTo(0.1 / Math.sqrt(100), 15);
    expect(series[1].color).toBe('#D55E00');
  });

  it('uses the optimizer default η when the run does not set one (Adam: 0.001)', () => {
    const [adam] = scheduleSeries([run('a', { kind: 'constant' }, { optimizer: { id: 'adam' } })], 10, false);
    expect(adam.rates[0]).toBe(0.001);
  });

  it('goes logarithmic when the rates span more than two decades, linear from 0 otherwise', () => {
    const fast = scheduleSeries([run('a', { kind: 'exponential', gamma: 0.9 })], 100, false);
    const log = scheduleLayout(fast, 300, 160, 100);
    expect(log.kind).toBe('log');
    const ticks = scheduleTicks(log, 4);
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(Math.log10(t) % 1).toBeCloseTo(0, 9);

    const slow = scheduleSeries([run('a', { kind: 'inverse-sqrt' })], 100, false);
    const linear = scheduleLayout(slow, 300, 160, 100);
    expect(linear.kind).toBe('linear');
    expect(linear.y.domain()[0]).toBe(0);
  });

  it('draws the path through every sampled step, left to right, inside the plot', () => {
    const [series] = scheduleSeries([run('a', { kind: 'step', gamma: 0.5, every: 10 })], 40, false);
    const layout = scheduleLayout([series], 300, 160, 40);
    const d = schedulePath(series, layout);
    const vertices = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(vertices).toHaveLength(40);
    expect(d.startsWith('M')).toBe(true);
    const [left, right] = layout.x.range();
    expect(vertices[0][0]).toBeCloseTo(left, 0);
    expect(vertices[39][0]).toBeCloseTo(right, 0);
    // Four plateaus: 0.1, 0.05, 0.025, 0.0125, each lower on screen than the last.
    const heights = [0, 10, 20, 30].map((k) => vertices[k][1]);
    for (let k = 1; k < 4; k++) expect(heights[k]).toBeGreaterThan(heights[k - 1]);
    expect(vertices[9][1]).toBe(vertices[0][1]);
  });

  it('sends rates that underflow to 0 on a log axis out through the bottom edge, not to NaN', () => {
    const [series] = scheduleSeries([run('a', { kind: 'exponential', gamma: 1e-6 })], 400, false);
    const layout = scheduleLayout([series], 300, 160, 400);
    const d = schedulePath(series, layout);
    expect(d).not.toMatch(/NaN|Infinity/);
    const bottom = layout.y.range()[0];
    const last = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].at(-1)!;
    expect(Number(last[2])).toBeGreaterThan(bottom);
  });
});
