/**
 * nesterov — torch.optim.SGD(momentum=β, nesterov=True):
 * v ← βv + g, x ← x − η(g + βv). The look-ahead is folded into the gradient
 * at the current point (Sutskever's reformulation), so no second gradient is needed.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createNesterov(config: OptimizerConfig): Optimizer {
  const beta = config.beta ?? 0.9;
  const velocity = vector();
  return {
    state: { velocity },
    step(p, g, lr) {
      for (let i = 0; i < 2; i++) {
        velocity[i] = beta * velocity[i] + g[i];
        p[i] -= lr * (g[i] + beta * velocity[i]);
      }
      return null;
    },
  };
}
