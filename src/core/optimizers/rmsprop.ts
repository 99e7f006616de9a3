/**
 * rmsprop — torch.optim.RMSprop (alpha = β): s ← βs + (1 − β)g², x ← x − ηg/(√s + ε).
 * Like AdaGrad, but old gradients fade, so the step does not vanish.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createRmsprop(config: OptimizerConfig): Optimizer {
  const beta = config.beta ?? 0.99;
  const epsilon = config.epsilon ?? 1e-8;
  const s = vector();
  return {
    state: { s },
    step(p, g, lr) {
      for (let i = 0; i < 2; i++) {
        s[i] = beta * s[i] + (1 - beta) * g[i] * g[i];
        p[i] -= lr * (g[i] / (Math.sqrt(s[i]) + epsilon));
      }
      return null;
    },
  };
}
