/**
 * Where a run's gradient comes from: the analytic formula, or a difference
 * quotient with the user's h — forward (f(x + h) − f(x))/h or central
 * (f(x + h) − f(x − h))/2h — so a learner can watch h = 10 go wrong.
 */
import type { GradientConfig } from './types';

export type GradientFn = (x: number, y: number, out: Float64Array) => void;
export type LossFn = (x: number, y: number) => number;

export function createGradient(config: GradientConfig, analytic: GradientFn, f: LossFn): GradientFn {
  if (config.kind === 'forward') {
    const h = config.h;
    return (x, y, out) => {
      const here = f(x, y);
      out[0] = (f(x + h, y) - here) / h;
      out[1] = (f(x, y + h) - here) / h;
    };
  }
  if (config.kind === 'central') {
    const h = config.h;
    return (x, y, out) => {
      out[0] = (f(x + h, y) - f(x - h, y)) / (2 * h);
      out[1] = (f(x, y + h) - f(x, y - h)) / (2 * h);
    };
  }
  return analytic;
}
