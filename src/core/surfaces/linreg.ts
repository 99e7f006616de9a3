/**
 * linreg: the mean squared error of a line, L(w, b) = ½·mean((w·xᵢ + b − yᵢ)²),
 * over the fixed synthetic set of data.ts. With rᵢ = w·xᵢ + b − yᵢ:
 * ∇L = (mean(rᵢxᵢ), mean(rᵢ)), H = [[mean(xᵢ²), mean(xᵢ)], [mean(xᵢ), 1]] (constant).
 * The plane's x is the weight w and y the bias b.
 */
import type { DataSet, Surface } from '../types';
import { createLinearData } from '../data';
import { defineSurface } from './define';
import { searchCriticalPoints } from '../criticalPoints';
import { attachData, identityOrder } from './dataSurface';

function batchLoss(set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number): number {
  const { xs, ys } = set;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const r = w * xs[i] + b - ys[i];
    sum += r * r;
  }
  return (0.5 * sum) / (to - from);
}

function batchGradient(
  set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number, out: Float64Array,
): void {
  const { xs, ys } = set;
  let gw = 0;
  let gb = 0;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const r = w * xs[i] + b - ys[i];
    gw += r * xs[i];
    gb += r;
  }
  const n = to - from;
  out[0] = gw / n;
  out[1] = gb / n;
}

export function createLinreg(): Surface {
  const set = createLinearData();
  const n = set.xs.length;
  const all = identityOrder(n);
  let meanX = 0;
  let meanX2 = 0;
  for (let i = 0; i < n; i++) {
    meanX += set.xs[i] / n;
    meanX2 += (set.xs[i] * set.xs[i]) / n;
  }
  const surface = defineSurface(
    {
      id: 'linreg',
      formula: '½·mean((w·xᵢ + b − yᵢ)²)',
      f: (w, b) => batchLoss(set, w, b, all, 0, n),
      gradient: (w, b, out) => batchGradient(set, w, b, all, 0, n, out),
      hessian: (_w, _b, out) => {
        out[0] = meanX2;
        out[1] = meanX;
        out[2] = 1;
      },
      view: { x: [-2, 6], y: [-8, 3] },
      start: [-1, 2],
    },
    searchCriticalPoints,
  );
  return attachData(surface, set, batchLoss, batchGradient);
}
