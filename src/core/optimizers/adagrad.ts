/**
 * adagrad — torch.optim.Adagrad: s ← s + g², x ← x − ηg/(√s + ε).
 * The per-axis step shrinks as squared gradients pile up.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createAdagrad(config: OptimizerConfig): Optimizer {
  const epsilon = config.epsilon ?? 1e-10;
  const s = vector();
  return {
    state: { s },
    step(p, g, lr) {
      for (let i = 0; i < 2; i++) {
        s[i] += g[i] * g[i];
        p[i] -= lr * (g[i] / (Math.sqrt(s[i]) + epsilon));
      }
      return null;
    },
  };
}
