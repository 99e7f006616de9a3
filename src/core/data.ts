/**
 * The synthetic data sets behind the regression surfaces. Both are drawn once
 * from a fixed seed, so every machine sees the same losses; the run's own seed
 * only shuffles mini-batches.
 */
import type { DataSet } from './types';
import { createRng, normal } from './rng';

export const sampleCount = 256;

/**
 * Linear regression: x ~ U(0, 4), y = 2x − 3 + N(0, 0.8²). Inputs that are
 * not centred make the loss an elongated, tilted valley in (w, b) — the
 * curvature ratio is about 28 — which is what makes the optimizers differ.
 */
export function createLinearData(seed = 20240601): DataSet {
  const random = createRng(seed);
  const xs = new Float64Array(sampleCount);
  const ys = new Float64Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) {
    xs[i] = 4 * random();
    ys[i] = 2 * xs[i] - 3 + 0.8 * normal(random);
  }
  return { xs, ys };
}

/**
 * Logistic regression: half the samples labelled 1 with x ~ N(2.5, 1), half 0
 * with x ~ N(0.5, 1). The classes overlap, so the loss has a finite minimum
 * near w = 2, b = −3 (the Bayes logit 2(x − 1.5)).
 */
export function createLogisticData(seed = 20240602): DataSet {
  const random = createRng(seed);
  const xs = new Float64Array(sampleCount);
  const ys = new Float64Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) {
    const label = i % 2;
    ys[i] = label;
    xs[i] = (label ? 2.5 : 0.5) + normal(random);
  }
  return { xs, ys };
}
