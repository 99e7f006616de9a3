/**
 * linesearch — the course's minimize_batch: try the step sizes
 * [100, 10, 1, 0.1, 0.01, 0.001, 1e−4, 1e−5] along −g and keep the point with
 * the lowest f, a non-finite f counting as +∞ (the notes' safe(f)). The
 * learning rate is not used. When no step lowers f the run stops ('stalled').
 */
import { vector, type Optimizer } from './optimizer';

export const lineSearchSteps = [100, 10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5];

// The notes' safe(f): anything non-finite (NaN, ±∞) counts as +∞, so it never wins.
const safe = (value: number) => (Number.isFinite(value) ? value : Infinity);

export function createLinesearch(): Optimizer {
  const chosen = vector();
  const optimizer: Optimizer = {
    state: { stepSize: chosen },
    step(p, g, _lr, _t, objective) {
      const current = safe(objective.f(p[0], p[1]));
      let best = Infinity;
      let bestStep = 0;
      for (const size of lineSearchSteps) {
        const value = safe(objective.f(p[0] - size * g[0], p[1] - size * g[1]));
        if (value < best) {
          best = value;
          bestStep = size;
        }
      }
      if (!(best < current)) {
        optimizer.reason = 'no step size in [100 … 1e−5] lowers f: a minimum, to the resolution of the search';
        return 'stalled';
      }
      chosen[0] = chosen[1] = bestStep;
      p[0] -= bestStep * g[0];
      p[1] -= bestStep * g[1];
      return null;
    },
  };
  return optimizer;
}
