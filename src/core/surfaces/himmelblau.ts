/**
 * himmelblau: f = (x² + y − 11)² + (x + y² − 7)², four equal minima.
 * With a = x² + y − 11, b = x + y² − 7: ∇f = (4xa + 2b, 2a + 4yb);
 * H = [[12x² + 4y − 42, 4x + 4y], [4x + 4y, 4x + 12y² − 26]].
 * Critical points (4 minima, 1 maximum, 4 saddles) are found numerically at load.
 */
import { defineSurface } from './define';
import { searchCriticalPoints } from '../criticalPoints';

export const himmelblau = defineSurface(
  {
    id: 'himmelblau',
    formula: '(x² + y − 11)² + (x + y² − 7)²',
    f: (x, y) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return a * a + b * b;
    },
    gradient: (x, y, out) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      out[0] = 4 * x * a + 2 * b;
      out[1] = 2 * a + 4 * y * b;
    },
    hessian: (x, y, out) => {
      out[0] = 12 * x * x + 4 * y - 42;
      out[1] = 4 * x + 4 * y;
      out[2] = 4 * x + 12 * y * y - 26;
    },
    view: { x: [-5, 5], y: [-5, 5] },
    start: [0.5, -4],
  },
  searchCriticalPoints,
);
