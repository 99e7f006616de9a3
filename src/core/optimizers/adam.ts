/**
 * adam — torch.optim.Adam:
 * m ← β₁m + (1 − β₁)g, s ← β₂s + (1 − β₂)g²,
 * x ← x − η·(m/(1 − β₁ᵗ)) / (√s/√(1 − β₂ᵗ) + ε)   (ε outside the root, after correction, as PyTorch).
 * biasCorrection: false drops both corrections: x ← x − ηm/(√s + ε).
 * amsgrad: true uses ŝmax, the running maximum of s, in the denominator.
 * adamw (createAdamw) first decays the weights: x ← x(1 − ηλ), then takes this step.
 */
import type { OptimizerConfig } from '../types';
import { vector, type Optimizer } from './optimizer';

export function createAdam(config: OptimizerConfig, weightDecay = 0): Optimizer {
  const beta1 = config.beta1 ?? 0.9;
  const beta2 = config.beta2 ?? 0.999;
  const epsilon = config.epsilon ?? 1e-8;
  const correct = config.biasCorrection ?? true;
  const amsgrad = config.amsgrad ?? false;
  const m = vector();
  const s = vector();
  const sMax = vector();
  const mHat = vector();
  const sHat = vector();
  const state: Record<string, Float64Array> = { m, s, mHat, sHat };
  if (amsgrad) state.sMax = sMax;
  return {
    state,
    step(p, g, lr, t) {
      const correction1 = correct ? 1 - beta1 ** t : 1;
      const correction2 = correct ? 1 - beta2 ** t : 1;
      const root2 = Math.sqrt(correction2);
      // Decay every run's weights, Adam's by exactly 1 (x·1 is x to the bit, ±0, ∞ and NaN too): one
      // Adam and AdamW share this step's compiled code, and a branch taken only by AdamW's runs
      // threw it away when they came ("not a Smi", V8's --trace-deopt).
      const decay = 1 - lr * weightDecay;
      for (let i = 0; i < 2; i++) {
        p[i] *= decay;
        // PyTorch writes this update as lerp: m + (1 − β₁)(g − m); same value, same rounding.
        m[i] += (1 - beta1) * (g[i] - m[i]);
        s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
        let second = s[i];
        if (amsgrad) {
          sMax[i] = Math.max(sMax[i], s[i]);
          second = sMax[i];
        }
        mHat[i] = m[i] / correction1;
        sHat[i] = second / correction2;
        // PyTorch's operation order (addcdiv with value −η/c₁), so paths match to the last bits.
        p[i] -= (lr / correction1) * (m[i] / (Math.sqrt(second) / root2 + epsilon));
      }
      return null;
    },
  };
}

export function createAdamw(config: OptimizerConfig): Optimizer {
  return createAdam(config, config.weightDecay ?? 0.01);
}
