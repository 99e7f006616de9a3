/**
 * Names that tie a number in the inspector panel to its symbol in the update
 * rule: the formula marks a symbol with data-sym="<id>", the panel's row for
 * that number carries the same id. Ids are plain words, safe inside TeX's
 * \htmlData and inside a CSS attribute selector.
 */

/** Optimizer state that carries over from step to step (shown before → after). */
export const carriedState = ['velocity', 'm', 's', 'sMax', 'u'] as const;
/** State computed afresh in each step (shown once). */
export const derivedState = ['mHat', 'sHat', 'delta', 'direction', 'stepSize'] as const;
/** State recorded as the rows of a matrix and shown as one (Newton's H), by the symbol it is shown under. */
export const matrixState: Readonly<Record<string, string>> = { hessianX: 'hessian', hessianY: 'hessian' };

export const symbolIds = {
  step: 't',
  from: 'x',
  to: 'next',
  fFrom: 'f',
  gradient: 'grad',
  learningRate: 'eta',
  delta: 'dx',
  beta: 'beta',
  beta1: 'beta1',
  beta2: 'beta2',
  epsilon: 'eps',
  lambda: 'lambda',
  /** A carried state vector before the step, e.g. "velocity-prev". */
  before: (name: string) => `${name}-prev`,
  /** A carried state vector after the step. */
  after: (name: string) => name,
  /** A per-step quantity (m̂, ŝ, d, the Newton direction, the line-search step). */
  derived: (name: string) => name,
} as const;
