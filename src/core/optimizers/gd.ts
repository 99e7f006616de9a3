/** gd — plain gradient descent: x ← x − ηg (torch.optim.SGD without momentum). */
import type { Optimizer } from './optimizer';

export function createGd(): Optimizer {
  return {
    state: {},
    step(p, g, lr) {
      p[0] -= lr * g[0];
      p[1] -= lr * g[1];
      return null;
    },
  };
}
