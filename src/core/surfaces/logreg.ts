/**
 * logreg: mean binary cross-entropy of p = σ(w·xᵢ + b) over the fixed
 * synthetic set of data.ts. With zᵢ = w·xᵢ + b the loss of one sample is
 * softplus(zᵢ) − yᵢzᵢ (the stable form of −y·log p − (1 − y)·log(1 − p)),
 * ∇L = mean((pᵢ − yᵢ)·(xᵢ, 1)), H = mean(pᵢ(1 − pᵢ)·[[xᵢ², xᵢ], [xᵢ, 1]]).
 */
import type { DataSet, Surface } from '../types';
import { createLogisticData } from '../data';
import { defineSurface } from './define';
import { searchCriticalPoints } from '../criticalPoints';
import { attachData, identityOrder } from './dataSurface';

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

function batchLoss(set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number): number {
  const { xs, ys } = set;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const z = w * xs[i] + b;
    sum += softplus(z) - ys[i] * z;
  }
  return sum / (to - from);
}

function batchGradient(
  set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number, out: Float64Array,
): void {
  const { xs, ys } = set;
  let gw = 0;
  let gb = 0;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const e = sigmoid(w * xs[i] + b) - ys[i];
    gw += e * xs[i];
    gb += e;
  }
  const n = to - from;
  out[0] = gw / n;
  out[1] = gb / n;
}

export function createLogreg(): Surface {
  const set = createLogisticData();
  const n = set.xs.length;
  const all = identityOrder(n);
  const surface = defineSurface(
    {
      id: 'logreg',
      formula: 'mean(softplus(w·xᵢ + b) − yᵢ·(w·xᵢ + b))',
      f: (w, b) => batchLoss(set, w, b, all, 0, n),
      gradient: (w, b, out) => batchGradient(set, w, b, all, 0, n, out),
      hessian: (w, b, out) => {
        let hww = 0;
        let hwb = 0;
        let hbb = 0;
        for (let i = 0; i < n; i++) {
          const p = sigmoid(w * set.xs[i] + b);
          const q = p * (1 - p);
          hww += q * set.xs[i] * set.xs[i];
          hwb += q * set.xs[i];
          hbb += q;
        }
        out[0] = hww / n;
        out[1] = hwb / n;
        out[2] = hbb / n;
      },
      view: { x: [-2, 6], y: [-10, 3] },
      start: [-1, 2],
    },
    searchCriticalPoints,
  );
  return attachData(surface, set, batchLoss, batchGradient);
}
