/**
 * One pass gives f, ∇f and H together, and callers ask for them at the same
 * point in a steady rhythm: a run asks f at the new iterate and then ∇f
 * there; Newton's method asks ∇f and then H. So the surface remembers the
 * last point and learns how much was asked there: the next new point is
 * evaluated to that order at once, and the follow-up questions are answered
 * from the cache. A caller that only asks f (the contour grid) drops back to
 * value-only passes after one point.
 *
 * The three evaluation orders compute f and ∇f with identical arithmetic
 * (test/core/expression/evaluate.test.ts checks it), so a cached answer is the
 * same number a fresh pass would give.
 */
import type { Evaluator } from './evaluate';

export interface SurfaceFunctions {
  f(x: number, y: number): number;
  gradient(x: number, y: number, out: Float64Array): void;
  /** Writes [fxx, fxy, fyy]. */
  hessian(x: number, y: number, out: Float64Array): void;
}

export function createPointCache(evaluator: Evaluator): SurfaceFunctions {
  // f, fx, fy, fxx, fxy, fyy at (px, py), valid up to `order` (−1: nothing cached).
  const c = new Float64Array(6);
  const g = new Float64Array(2);
  let px = NaN;
  let py = NaN;
  let order = -1;
  /** Highest order asked at the cached point. */
  let asked = 0;

  // === would confuse 0 with −0, where exp(1/x) is 0 on one side and +∞ on the other.
  const same = (x: number, y: number) =>
    x === px && y === py && (x !== 0 || 1 / x === 1 / px) && (y !== 0 || 1 / y === 1 / py);

  function fill(x: number, y: number, k: number): void {
    if (k === 0) c[0] = evaluator.value(x, y);
    else if (k === 1) {
      c[0] = evaluator.gradient(x, y, g);
      c[1] = g[0];
      c[2] = g[1];
    } else evaluator.evaluate(x, y, c);
    px = x;
    py = y;
    order = k;
  }

  /** Make the cache hold order `need` at (x, y). */
  function at(x: number, y: number, need: number): void {
    if (same(x, y)) {
      if (need > asked) asked = need;
      if (order < need) fill(x, y, need);
      return;
    }
    // A new point: evaluate it as far as the previous point was asked about.
    fill(x, y, need > asked ? need : asked);
    asked = need;
  }

  return {
    f(x, y) {
      at(x, y, 0);
      return c[0];
    },
    gradient(x, y, out) {
      at(x, y, 1);
      out[0] = c[1];
      out[1] = c[2];
    },
    hessian(x, y, out) {
      at(x, y, 2);
      out[0] = c[3];
      out[1] = c[4];
      out[2] = c[5];
    },
  };
}
