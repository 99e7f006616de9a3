/**
 * rosenbrock: f = (1 − x)² + 100(y − x²)², the curved valley.
 * ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²));
 * H = [[2 − 400y + 1200x², −400x], [−400x, 200]]. One minimum at (1, 1).
 */
import { defineSurface } from './define';

export const rosenbrock = defineSurface({
  id: 'rosenbrock',
  formula: '(1 − x)² + 100(y − x²)²',
  f: (x, y) => {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  gradient: (x, y, out) => {
    const b = y - x * x;
    out[0] = -2 * (1 - x) - 400 * x * b;
    out[1] = 200 * b;
  },
  hessian: (x, y, out) => {
    out[0] = 2 - 400 * y + 1200 * x * x;
    out[1] = -400 * x;
    out[2] = 200;
  },
  view: { x: [-2, 2], y: [-1, 3] },
  start: [-1.5, 2],
  criticalPoints: [[1, 1]],
});
