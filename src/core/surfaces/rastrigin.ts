/**
 * rastrigin: f = 20 + x² − 10cos 2πx + y² − 10cos 2πy, a grid of local minima.
 * ∂f/∂x = 2x + 20π·sin 2πx, ∂²f/∂x² = 2 + 40π²·cos 2πx, fxy = 0.
 * Separable, so critical points are pairs of the 1D stationary points.
 */
import { defineSurface } from './define';
import { separableCriticalPoints } from '../criticalPoints';

const tau = 2 * Math.PI;
const slope = (x: number) => 2 * x + 20 * Math.PI * Math.sin(tau * x);
const curvature = (x: number) => 2 + 40 * Math.PI * Math.PI * Math.cos(tau * x);

export const rastrigin = defineSurface(
  {
    id: 'rastrigin',
    formula: '20 + x² − 10cos 2πx + y² − 10cos 2πy',
    f: (x, y) => 20 + x * x - 10 * Math.cos(tau * x) + y * y - 10 * Math.cos(tau * y),
    gradient: (x, y, out) => {
      out[0] = slope(x);
      out[1] = slope(y);
    },
    hessian: (x, y, out) => {
      out[0] = curvature(x);
      out[1] = 0;
      out[2] = curvature(y);
    },
    view: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
    start: [2.3, -1.7],
  },
  (s) => separableCriticalPoints(slope, curvature, s.view),
);
