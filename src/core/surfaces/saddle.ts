/** saddle: f = x² − y². ∇f = (2x, −2y), H = diag(2, −2): one saddle at the origin. */
import { defineSurface } from './define';

export const saddle = defineSurface({
  id: 'saddle',
  formula: 'x² − y²',
  f: (x, y) => x * x - y * y,
  gradient: (x, y, out) => {
    out[0] = 2 * x;
    out[1] = -2 * y;
  },
  hessian: (_x, _y, out) => {
    out[0] = 2;
    out[1] = 0;
    out[2] = -2;
  },
  view: { x: [-1, 1], y: [-1, 1] },
  start: [-0.9, 0.01],
  criticalPoints: [[0, 0]],
});
