import type { DataSet, Surface } from '../types';

export function identityOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

type BatchLoss = (set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number) => number;
type BatchGradient = (
  set: DataSet, w: number, b: number, order: Int32Array, from: number, to: number, out: Float64Array,
) => void;

/** Give a regression surface its per-sample access, for mini-batches. */
export function attachData(surface: Surface, set: DataSet, loss: BatchLoss, gradient: BatchGradient): Surface {
  // Set in place, not spread: a spread would read (and so search) the lazy critical points.
  surface.data = {
    set,
    batchLoss: (w, b, order, from, to) => loss(set, w, b, order, from, to),
    batchGradient: (w, b, order, from, to, out) => gradient(set, w, b, order, from, to, out),
  };
  return surface;
}
