import { describe, expect, it } from 'vitest';
import {
  createSimulation, createSurface, divergenceBound, optimizerIds, simulate, surfaceIds,
  type OptimizerId, type SimulationConfig,
} from '../../src/core';

describe('simulate', () => {
  it('returns the start point then one (x, y, f) triple per step', () => {
    const run = simulate({ surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.5 }, steps: 3 });
    expect(run.steps).toBe(3);
    expect(run.points.length).toBe(12);
    expect(Array.from(run.points.slice(0, 3))).toEqual([-7, 2, 49 / 20 + 4]);
    // x ← x − 0.5·x/10, y ← y − 0.5·2y
    expect(run.points[3]).toBe(-7 + 0.35);
    expect(run.points[4]).toBe(0);
    expect(run.status).toBe('budget');
    expect(run.message).toBe('Ran all 3 steps.');
  });

  it('streams in slices whose concatenation is the whole run, bit for bit', () => {
    const config: SimulationConfig = { surface: 'bumpy', optimizer: { id: 'adam', learningRate: 0.05 }, steps: 1000 };
    const whole = simulate(config);
    const run = createSimulation(config);
    const parts = [Array.from(run.start)];
    while (!run.done) parts.push(Array.from(run.advance(37)));
    expect(parts.flat()).toEqual(Array.from(whole.points));
    expect(run.status).toBe('budget');
  });

  it('writes every slice into one buffer it keeps, not a new array per slice', () => {
    // The worker advances each run 128 steps at a time: new arrays there were
    // tens of thousands of ArrayBuffers a long stream for the collector to sweep.
    const run = createSimulation({ surface: 'bumpy', optimizer: { id: 'momentum', learningRate: 0.01, beta: 0.9 }, steps: 10_000 });
    const buffers = new Set<ArrayBufferLike>();
    let steps = 0;
    while (!run.done) {
      const chunk = run.advance(128);
      buffers.add(chunk.buffer);
      steps += chunk.length / 3;
    }
    expect(steps).toBe(10_000);
    expect(buffers.size).toBe(1);
    expect(run.advance(128)).toHaveLength(0);
  });

  it('stops at a tolerance on the step length and says so', () => {
    const run = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, steps: 1000, tolerance: 1e-6 });
    expect(run.status).toBe('converged');
    expect(run.stoppedAt).toBeLessThan(100);
    const n = run.points.length / 3 - 1;
    const step = Math.hypot(run.points[3 * n] - run.points[3 * n - 3], run.points[3 * n + 1] - run.points[3 * n - 2]);
    expect(step).toBeLessThan(1e-6);
    expect(run.message).toContain(`step ${run.stoppedAt}`);
  });

  it('marks a run that passes |x| = 1e6 as diverged at that step, keeping only finite points', () => {
    // GD at η = 10 on x² + y² multiplies x by −19 each step: |x| = 19ᵏ passes 1e6 at k = 5.
    const run = simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 10 }, start: [-1, 1], steps: 100 });
    expect(run).toMatchObject({ status: 'diverged', stoppedAt: 5, steps: 4 });
    expect(run.points.length).toBe(15);
    expect(run.points[12]).toBe(-(19 ** 4));
    expect(run.message).toBe('Diverged at step 5: |x| or |y| passed 1e+6.');
  });

  it('Newton stops with a singular Hessian far out on the plateau, where H underflows to 0', () => {
    const run = simulate({ surface: 'plateau', optimizer: { id: 'newton' }, start: [20, 20], steps: 10 });
    expect(run).toMatchObject({ status: 'singular', stoppedAt: 1, steps: 0 });
    expect(run.message).toMatch(/singular/);
  });

  it('Newton walks straight into the saddle point of x² − y²', () => {
    const run = simulate({ surface: 'saddle', optimizer: { id: 'newton' }, start: [-0.9, 0.01], steps: 1 });
    expect(Array.from(run.points.slice(3))).toEqual([0, 0, 0]);
  });

  it('line search keeps the best of its eight step sizes: 0.1 on the bowl, shrinking x by 0.8 a step', () => {
    const run = simulate({ surface: 'bowl', optimizer: { id: 'linesearch' }, start: [-1, 1], steps: 3 });
    // Along −g = (2, −2): t = 1 lands on (1, −1) (f = 2, no better), t = 0.1 on (−0.8, 0.8) (f = 1.28, best).
    expect(Array.from(run.points.slice(3, 6))).toEqual([-0.8, 0.8, 1.2800000000000002]);
    expect(run.points[9]).toBeCloseTo(-0.512, 15);
  });

  it('line search stops ("stalled") where no step size lowers f', () => {
    const run = simulate({ surface: 'bowl', optimizer: { id: 'linesearch' }, start: [0, 0], steps: 50 });
    expect(run).toMatchObject({ status: 'stalled', stoppedAt: 1, steps: 0 });
    expect(run.message).toMatch(/no step size/);
  });

  it('maximize climbs: GD maximizing x² − y² moves away from the origin along y', () => {
    const run = simulate({ surface: 'saddle', optimizer: { id: 'gd', learningRate: 0.1 }, start: [0.5, 0.5], steps: 1, maximize: true });
    // ascent: x ← x + 0.1·2x = 0.6; y ← y + 0.1·(−2y) = 0.4
    expect(run.points[3]).toBeCloseTo(0.6, 15);
    expect(run.points[4]).toBeCloseTo(0.4, 15);
    expect(run.points[5]).toBeGreaterThan(run.points[2]);
  });

  it('a forward difference with h = 10 visibly misleads GD (the notes\' warning), a central one with h = 1e−4 does not', () => {
    const base: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, start: [-1, 1], steps: 1 };
    const exact = simulate(base).points;
    const coarse = simulate({ ...base, gradient: { kind: 'forward', h: 10 } }).points;
    const fine = simulate({ ...base, gradient: { kind: 'central', h: 1e-4 } }).points;
    // forward: ((x + 10)² − x²)/10 = 2x + 10 = 8 at x = −1, so x ← −1 − 0.8 = −1.8 (uphill!)
    expect(coarse[3]).toBeCloseTo(-1.8, 12);
    expect(exact[3]).toBeCloseTo(-0.8, 15);
    expect(fine[3]).toBeCloseTo(-0.8, 9);
  });

  it('records the gradient, learning rate and optimizer state of each step when asked to explain', () => {
    const run = simulate({
      surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9 }, steps: 2, explain: true,
      schedule: { kind: 'step', gamma: 0.5, every: 1 },
    });
    const { gradients, learningRates, state } = run.explain!;
    expect(Array.from(learningRates)).toEqual([0.1, 0.05]);
    expect(Array.from(gradients.slice(0, 2))).toEqual([-0.7, 4]);
    expect(Array.from(state.velocity.slice(0, 2))).toEqual([-0.7, 4]);
    // second step: x = −7 + 0.07 = −6.93, y = 2 − 0.4 = 1.6; g = (−0.693, 3.2); v = 0.9·v + g
    expect(state.velocity[2]).toBeCloseTo(0.9 * -0.7 - 0.693, 15);
    expect(state.velocity[3]).toBeCloseTo(0.9 * 4 + 3.2, 15);
  });

  it('a run without explain carries no per-step record', () => {
    expect(simulate({ surface: 'bowl', optimizer: { id: 'adam' }, steps: 5 }).explain).toBeUndefined();
  });

  it('never throws on absurd inputs: huge, negative and NaN budgets, non-finite starts', () => {
    expect(simulate({ surface: 'bowl', optimizer: { id: 'gd' }, steps: -5 })).toMatchObject({ status: 'budget', steps: 0 });
    expect(simulate({ surface: 'bowl', optimizer: { id: 'gd' }, steps: Number.NaN })).toMatchObject({ steps: 0 });
    expect(simulate({ surface: 'bowl', optimizer: { id: 'gd' }, steps: 10, start: [Number.NaN, 0] })).toMatchObject({
      status: 'diverged', stoppedAt: 0,
    });
    expect(simulate({ surface: 'bowl', optimizer: { id: 'gd', learningRate: 1e300 }, steps: 10 })).toMatchObject({ status: 'diverged', stoppedAt: 1 });
  });
});

describe('every optimizer on every surface at learning rates from 1e−4 to 1e3', () => {
  const rates = [1e-4, 1e-2, 1, 10, 1e3];
  const cases: Array<[string, OptimizerId]> = [];
  for (const s of surfaceIds) for (const o of optimizerIds) cases.push([s, o]);

  it.each(cases)('%s × %s returns finite points up to a reported stop', (surfaceId, optimizerId) => {
    const surface = createSurface(surfaceId as never);
    for (const learningRate of rates) {
      for (const start of [surface.start, [surface.view.x[1], surface.view.y[0]] as [number, number]]) {
        const run = simulate({ surface: surfaceId as never, optimizer: { id: optimizerId, learningRate }, start, steps: 200, batchSize: 16, seed: 3 });
        expect(run.points.length).toBe(3 * (run.steps + 1));
        const bad = run.points.findIndex(
          (v, k) => !Number.isFinite(v) || (k % 3 !== 2 && Math.abs(v) > divergenceBound),
        );
        expect(bad).toBe(-1);
        expect(['budget', 'converged', 'diverged', 'singular', 'stalled']).toContain(run.status);
        if (run.status === 'budget') expect(run.steps).toBe(200);
        else expect(run.stoppedAt).toBe(run.steps + (run.status === 'converged' ? 0 : 1));
        expect(run.message.length).toBeGreaterThan(0);
      }
    }
  });
});
