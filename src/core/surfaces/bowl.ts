/** bowl: f = x² + y², the course notes' "sum of squares". ∇f = (2x, 2y), H = 2I. */
import { defineSurface } from './define';

export const bowl = defineSurface({
  id: 'bowl',
  formula: 'x² + y²',
  f: (x, y) => x * x + y * y,
  gradient: (x, y, out) => {
    out[0] = 2 * x;
    out[1] = 2 * y;
  },
  hessian: (_x, _y, out) => {
    out[0] = 2;
    out[1] = 0;
    out[2] = 2;
  },
  view: { x: [-3, 3], y: [-3, 3] },
  start: [-1, 1],
  criticalPoints: [[0, 0]],
});
