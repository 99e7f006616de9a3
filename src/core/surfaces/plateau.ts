/**
 * plateau: f = tanh(u), u = x² + y². Far from the origin tanh′ = 1 − tanh² is
 * tiny (tanh′(4) ≈ 0.0013), the vanishing gradient of the notes: GD stalls,
 * Adam's normalised step does not.
 * With s = 1 − tanh²(u): ∇f = 2s·(x, y); fxx = 2s − 8x²·tanh(u)·s,
 * fxy = −8xy·tanh(u)·s, fyy = 2s − 8y²·tanh(u)·s.
 */
import { defineSurface } from './define';

export const plateau = defineSurface({
  id: 'plateau',
  formula: 'tanh(x² + y²)',
  f: (x, y) => Math.tanh(x * x + y * y),
  gradient: (x, y, out) => {
    const t = Math.tanh(x * x + y * y);
    const s = 1 - t * t;
    out[0] = 2 * x * s;
    out[1] = 2 * y * s;
  },
  hessian: (x, y, out) => {
    const t = Math.tanh(x * x + y * y);
    const s = 1 - t * t;
    out[0] = 2 * s - 8 * x * x * t * s;
    out[1] = -8 * x * y * t * s;
    out[2] = 2 * s - 8 * y * y * t * s;
  },
  view: { x: [-3, 3], y: [-3, 3] },
  start: [2, 1.5],
  criticalPoints: [[0, 0]],
});
