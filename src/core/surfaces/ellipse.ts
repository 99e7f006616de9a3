/**
 * ellipse: f = x²/20 + y², the elongated bowl of Saito's ch. 6 figure where
 * plain GD zig-zags. ∇f = (x/10, 2y), H = diag(1/10, 2): condition number 20.
 */
import { defineSurface } from './define';

export const ellipse = defineSurface({
  id: 'ellipse',
  formula: 'x²/20 + y²',
  f: (x, y) => (x * x) / 20 + y * y,
  gradient: (x, y, out) => {
    out[0] = x / 10;
    out[1] = 2 * y;
  },
  hessian: (_x, _y, out) => {
    out[0] = 0.1;
    out[1] = 0;
    out[2] = 2;
  },
  view: { x: [-10, 10], y: [-5, 5] },
  start: [-7, 2],
  criticalPoints: [[0, 0]],
});
