/**
 * momentum — heavy ball as torch.optim.SGD(momentum=β): v ← βv + g, x ← x − ηv.
 * (PyTorch starts the buffer at g, which equals β·0 + g.)
 * form 'ema' is Andrew Ng's exponentially weighted average:
 * v ← βv + (1 − β)g, x ← x − ηv — the same path as heavy ball at η(1 − β), once v is warm.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createMomentum(config: OptimizerConfig): Optimizer {
  const beta = config.beta ?? 0.9;
  const gain = config.form === 'ema' ? 1 - beta : 1;
  const velocity = vector();
  return {
    state: { velocity },
    step(p, g, lr) {
      for (let i = 0; i < 2; i++) {
        velocity[i] = beta * velocity[i] + gain * g[i];
        p[i] -= lr * velocity[i];
      }
      return null;
    },
  };
}
