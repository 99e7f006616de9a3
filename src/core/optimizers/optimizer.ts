import type { StopStatus } from '../types';

/** What an optimizer may ask of the objective beyond the gradient it is handed. */
export interface Objective {
  f(x: number, y: number): number;
  hessian(x: number, y: number, out: Float64Array): void;
}

/**
 * One optimizer instance, holding its own state. `step` moves `p` in place
 * given the objective's gradient `g` at p, the learning rate η after the
 * schedule and the step number t (from 1). It returns a stop status only when
 * it cannot go on (Newton's singular Hessian, line search without descent).
 */
export interface Optimizer {
  step(p: Float64Array, g: Float64Array, learningRate: number, t: number, objective: Objective): StopStatus | null;
  /** Live state vectors by name (velocity, m, s, …), read by the step inspector. */
  state: Record<string, Float64Array>;
  /** Why `step` last returned a stop status, for the user. */
  reason?: string;
}

export const vector = () => new Float64Array(2);
