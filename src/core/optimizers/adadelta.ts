/**
 * adadelta — torch.optim.Adadelta (rho = β):
 * s ← βs + (1 − β)g², d = √(u + ε)/√(s + ε)·g, u ← βu + (1 − β)d², x ← x − ηd.
 * The ratio of RMS step to RMS gradient gives the step its units, hence η = 1.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createAdadelta(config: OptimizerConfig): Optimizer {
  const beta = config.beta ?? 0.9;
  const epsilon = config.epsilon ?? 1e-6;
  const s = vector();
  const u = vector();
  const delta = vector();
  return {
    state: { s, u, delta },
    step(p, g, lr) {
      for (let i = 0; i < 2; i++) {
        s[i] = beta * s[i] + (1 - beta) * g[i] * g[i];
        const d = (Math.sqrt(u[i] + epsilon) / Math.sqrt(s[i] + epsilon)) * g[i];
        u[i] = beta * u[i] + (1 - beta) * d * d;
        delta[i] = d;
        p[i] -= lr * d;
      }
      return null;
    },
  };
}
