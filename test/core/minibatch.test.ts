import { describe, expect, it } from 'vitest';
import { createRng, createSurface, sampleCount, simulate } from '../../src/core';
import { shuffle } from '../../src/core/rng';

const order = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe.each(['linreg', 'logreg'] as const)('mini-batches on %s', (id) => {
  const surface = createSurface(id);
  const data = surface.data!;
  const at: [number, number] = [0.5, 1];

  it('a batch the size of the data set reproduces full-batch GD to the last bit', () => {
    const full = simulate({ surface: id, optimizer: { id: 'gd', learningRate: 0.1 }, steps: 200, seed: 7 });
    const batch = simulate({ surface: id, optimizer: { id: 'gd', learningRate: 0.1 }, steps: 200, seed: 7, batchSize: sampleCount });
    expect(Array.from(batch.points)).toEqual(Array.from(full.points));
  });

  it('the mean of the mini-batch gradients over an epoch equals the full gradient', () => {
    for (const size of [1, 8, 32]) {
      const o = order(sampleCount);
      shuffle(o, createRng(3));
      const sum = [0, 0];
      const g = new Float64Array(2);
      for (let from = 0; from < sampleCount; from += size) {
        data.batchGradient(at[0], at[1], o, from, from + size, g);
        sum[0] += g[0];
        sum[1] += g[1];
      }
      const full = new Float64Array(2);
      surface.gradient(at[0], at[1], full);
      expect(sum[0] / (sampleCount / size)).toBeCloseTo(full[0], 12);
      expect(sum[1] / (sampleCount / size)).toBeCloseTo(full[1], 12);
    }
  });

  it('the variance of mini-batch gradients shrinks as the batch grows', () => {
    const variance = (size: number) => {
      const o = order(sampleCount);
      const random = createRng(11);
      const g = new Float64Array(2);
      const full = new Float64Array(2);
      surface.gradient(at[0], at[1], full);
      let total = 0;
      let count = 0;
      for (let epoch = 0; epoch < 40; epoch++) {
        shuffle(o, random);
        for (let from = 0; from + size <= sampleCount; from += size) {
          data.batchGradient(at[0], at[1], o, from, from + size, g);
          total += (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2;
          count++;
        }
      }
      return total / count;
    };
    const v = [1, 4, 16, 64].map(variance);
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThan(v[i - 1]);
    // Sampling without replacement: the variance falls roughly as 1/B.
    expect(v[0] / v[2]).toBeGreaterThan(8);
  });

  it('a run is reproducible from its seed, and a different seed gives a different SGD path', () => {
    const config = { surface: id, optimizer: { id: 'gd' as const, learningRate: 0.05 }, steps: 100, batchSize: 4 };
    const a = simulate({ ...config, seed: 1 });
    const b = simulate({ ...config, seed: 1 });
    const c = simulate({ ...config, seed: 2 });
    expect(Array.from(a.points)).toEqual(Array.from(b.points));
    expect(Array.from(a.points)).not.toEqual(Array.from(c.points));
  });

  it('each epoch visits every sample exactly once', () => {
    // With batch size 1 and a learning rate of 0 the path stays put, so the
    // recorded gradients are exactly the per-sample gradients in visiting order.
    const run = simulate({ surface: id, optimizer: { id: 'gd', learningRate: 0 }, steps: sampleCount, batchSize: 1, seed: 5, explain: true, start: at });
    const seen = new Set<string>();
    const g = new Float64Array(2);
    const perSample = new Set<string>();
    for (let i = 0; i < sampleCount; i++) {
      data.batchGradient(at[0], at[1], Int32Array.of(i), 0, 1, g);
      perSample.add(`${g[0]},${g[1]}`);
    }
    const grads = run.explain!.gradients;
    for (let k = 0; k < sampleCount; k++) seen.add(`${grads[2 * k]},${grads[2 * k + 1]}`);
    expect(seen).toEqual(perSample);
  });

  it('an epoch-counted schedule changes the rate once per epoch, not per step', () => {
    const run = simulate({
      surface: id, optimizer: { id: 'gd', learningRate: 0.1 }, steps: 20, batchSize: 64, seed: 1, explain: true,
      schedule: { kind: 'exponential', gamma: 0.5, per: 'epoch' },
    });
    // 256 samples / 64 = 4 steps per epoch.
    expect(Array.from(run.explain!.learningRates.slice(0, 9))).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025]);
  });
});
