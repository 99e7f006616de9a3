/**
 * Hand-written loops of each update on `bumpy` (r = 0): the gradient inlined,
 * no objects, no calls — the fastest honest version of the same work the core
 * does per step (gradient, update, f, store x, y, f).
 */
import type { OptimizerId } from '../src/core';

const pi = Math.PI;
/** Runs up to `steps` steps; returns how many it took (line search stops when no step helps). */
type Loop = (steps: number, out: Float64Array) => number;

function loop(update: (p: Float64Array, g: Float64Array, t: number) => boolean | void): Loop {
  return (steps, out) => {
    const p = new Float64Array([-0.8, 1.6]);
    const g = new Float64Array(2);
    for (let t = 1; t <= steps; t++) {
      const x = p[0];
      const y = p[1];
      g[0] = Math.cos(pi * x) - pi * x * Math.sin(pi * x);
      g[1] = Math.cos(pi * y) - pi * y * Math.sin(pi * y);
      if (update(p, g, t) === false) return t - 1;
      const k = (t - 1) * 3;
      out[k] = p[0];
      out[k + 1] = p[1];
      out[k + 2] = p[0] * Math.cos(pi * p[0]) + p[1] * Math.cos(pi * p[1]);
    }
    return steps;
  };
}

export const learningRate: Record<OptimizerId, number> = {
  gd: 0.01, momentum: 0.01, nesterov: 0.01, adagrad: 0.01, rmsprop: 0.01, adadelta: 1,
  adam: 0.01, adamw: 0.01, newton: 0.1, linesearch: 0,
};

export function handLoop(id: OptimizerId): Loop {
  const lr = learningRate[id];
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  switch (id) {
    case 'gd':
      return loop((p, g) => {
        p[0] -= lr * g[0];
        p[1] -= lr * g[1];
      });
    case 'momentum':
      return loop((p, g) => {
        for (let i = 0; i < 2; i++) {
          a[i] = 0.9 * a[i] + g[i];
          p[i] -= lr * a[i];
        }
      });
    case 'nesterov':
      return loop((p, g) => {
        for (let i = 0; i < 2; i++) {
          a[i] = 0.9 * a[i] + g[i];
          p[i] -= lr * (g[i] + 0.9 * a[i]);
        }
      });
    case 'adagrad':
      return loop((p, g) => {
        for (let i = 0; i < 2; i++) {
          a[i] += g[i] * g[i];
          p[i] -= lr * (g[i] / (Math.sqrt(a[i]) + 1e-10));
        }
      });
    case 'rmsprop':
      return loop((p, g) => {
        for (let i = 0; i < 2; i++) {
          a[i] = 0.99 * a[i] + 0.01 * g[i] * g[i];
          p[i] -= lr * (g[i] / (Math.sqrt(a[i]) + 1e-8));
        }
      });
    case 'adadelta':
      return loop((p, g) => {
        for (let i = 0; i < 2; i++) {
          a[i] = 0.9 * a[i] + 0.1 * g[i] * g[i];
          const d = (Math.sqrt(b[i] + 1e-6) / Math.sqrt(a[i] + 1e-6)) * g[i];
          b[i] = 0.9 * b[i] + 0.1 * d * d;
          p[i] -= lr * d;
        }
      });
    case 'adam':
    case 'adamw': {
      const decay = id === 'adamw' ? 0.01 : 0;
      return loop((p, g, t) => {
        const c1 = 1 - 0.9 ** t;
        const c2 = Math.sqrt(1 - 0.999 ** t);
        for (let i = 0; i < 2; i++) {
          p[i] *= 1 - lr * decay;
          a[i] += 0.1 * (g[i] - a[i]);
          b[i] = 0.999 * b[i] + 0.001 * g[i] * g[i];
          p[i] -= (lr / c1) * (a[i] / (Math.sqrt(b[i]) / c2 + 1e-8));
        }
      });
    }
    case 'newton':
      return loop((p, g) => {
        const hx = -2 * pi * Math.sin(pi * p[0]) - pi * pi * p[0] * Math.cos(pi * p[0]);
        const hy = -2 * pi * Math.sin(pi * p[1]) - pi * pi * p[1] * Math.cos(pi * p[1]);
        p[0] -= (lr * g[0]) / hx;
        p[1] -= (lr * g[1]) / hy;
      });
    case 'linesearch': {
      const sizes = [100, 10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5];
      const f = (x: number, y: number) => x * Math.cos(pi * x) + y * Math.cos(pi * y);
      return loop((p, g) => {
        const current = f(p[0], p[1]);
        let best = Infinity;
        let step = 0;
        for (const s of sizes) {
          const v = f(p[0] - s * g[0], p[1] - s * g[1]);
          if (v < best) {
            best = v;
            step = s;
          }
        }
        if (!(best < current)) return false;
        p[0] -= step * g[0];
        p[1] -= step * g[1];
      });
    }
  }
}
