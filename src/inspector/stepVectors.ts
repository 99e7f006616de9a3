/**
 * The vectors the inspector draws for one run at one step, in surface units:
 * each is something the optimizer multiplies by η, so all are lengths in x
 * and can be compared with the step Δx actually taken.
 *   gradient  −η g          the step plain gradient descent would take
 *   momentum  −η v_{t−1}    the velocity carried into the step (momentum, Nesterov;
 *                           heavy ball: Δx = −ηg + β·this), or −η m̂_t, the first
 *                           moment the step uses (Adam, AdamW; m_t without bias correction)
 *   delta     Δx = x_t − x_{t−1}
 * and for the adaptive methods the effective learning rate of each axis,
 * the factor between what the optimizer averages and the step it takes.
 */
import type { OptimizerConfig, Vec2 } from '../core/types';
import { optimizerDefaults } from '../core';
import type { StepInspection } from '../worker/protocol';

export interface StepVectors {
  /** x_{t−1}: where all three arrows start. */
  origin: Vec2;
  gradient: Vec2;
  momentum: Vec2 | null;
  delta: Vec2;
  /** Effective learning rate per axis (adaptive methods), else null. */
  rates: Vec2 | null;
}

/** What the arrows mean for an optimizer: which state the momentum arrow shows, if any. */
export function momentumSource(optimizer: OptimizerConfig): 'velocity' | 'mHat' | 'm' | null {
  switch (optimizer.id) {
    case 'momentum':
    case 'nesterov':
      return 'velocity';
    case 'adam':
    case 'adamw':
      return (optimizer.biasCorrection ?? true) ? 'mHat' : 'm';
    default:
      return null;
  }
}

/**
 * Per-axis effective learning rate at the inspected step, or null for
 * optimizers whose rate is the same on both axes:
 *   AdaGrad, RMSProp   η/(√s_t + ε)
 *   Adadelta           η·√(u_{t−1} + ε)/√(s_t + ε)
 *   Adam, AdamW        η/(1 − β₁ᵗ)/(√ŝ_t + ε), applied to m_t (s^max with AMSGrad;
 *                      η/(√s_t + ε) without bias correction)
 */
export function effectiveRates(item: StepInspection, optimizer: OptimizerConfig): Vec2 | null {
  if (item.kind !== 'step' || item.learningRate === null) return null;
  const full = { ...optimizerDefaults(optimizer.id), ...optimizer };
  const eta = item.learningRate;
  const epsilon = full.epsilon ?? 0;
  const after = item.after;
  const perAxis = (f: (i: 0 | 1) => number): Vec2 => [f(0), f(1)];
  switch (optimizer.id) {
    case 'adagrad':
    case 'rmsprop':
      return after.s ? perAxis((i) => eta / (Math.sqrt(after.s[i]) + epsilon)) : null;
    case 'adadelta': {
      const u = item.before.u;
      return after.s && u ? perAxis((i) => (eta * Math.sqrt(u[i] + epsilon)) / Math.sqrt(after.s[i] + epsilon)) : null;
    }
    case 'adam':
    case 'adamw': {
      const second = full.amsgrad ? after.sMax : after.s;
      if (!second) return null;
      if (!(full.biasCorrection ?? true)) return perAxis((i) => eta / (Math.sqrt(second[i]) + epsilon));
      const t = item.step;
      const correction1 = 1 - (full.beta1 ?? 0.9) ** t;
      const root2 = Math.sqrt(1 - (full.beta2 ?? 0.999) ** t);
      // The core's order of operations (√s/√c₂, not √(s/c₂)), so the numbers agree with the step to the last digit.
      return perAxis((i) => eta / correction1 / (Math.sqrt(second[i]) / root2 + epsilon));
    }
    default:
      return null;
  }
}

/** The arrows for one run at one step; null when the run took no step t. */
export function stepVectors(item: StepInspection, optimizer: OptimizerConfig): StepVectors | null {
  if (item.kind !== 'step' || !item.from || !item.delta || !item.gradient || item.learningRate === null) return null;
  const eta = item.learningRate;
  const scaled = (v: Vec2 | undefined): Vec2 | null => (v ? [-eta * v[0], -eta * v[1]] : null);
  const source = momentumSource(optimizer);
  const momentum = source === 'velocity' ? scaled(item.before.velocity) : source ? scaled(item.after[source]) : null;
  return {
    origin: [item.from[0], item.from[1]],
    gradient: [-eta * item.gradient[0], -eta * item.gradient[1]],
    momentum,
    delta: item.delta,
    rates: effectiveRates(item, optimizer),
  };
}
