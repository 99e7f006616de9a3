/**
 * bumpy: f = x·cos(πx) + y·cos(πy) + r·(cos 5πx + cos 5πy), the notes' "risk"
 * (r = 0) and "empirical risk" (r = 0.2) with a local and a global minimum in [−1, 2].
 * Per axis: h(x) = x·cos πx + r·cos 5πx,
 * h′ = cos πx − πx·sin πx − 5πr·sin 5πx,
 * h″ = −2π·sin πx − π²x·cos πx − 25π²r·cos 5πx; fxy = 0.
 */
import type { Surface } from '../types';
import { defineSurface } from './define';
import { separableCriticalPoints } from '../criticalPoints';

const pi = Math.PI;

export function createBumpy(ripple = 0): Surface {
  const r = ripple;
  // Without a ripple the 5π terms are skipped, not multiplied by 0: they would cost half the trigonometry.
  const h = r === 0
    ? (x: number) => x * Math.cos(pi * x)
    : (x: number) => x * Math.cos(pi * x) + r * Math.cos(5 * pi * x);
  const slope = r === 0
    ? (x: number) => Math.cos(pi * x) - pi * x * Math.sin(pi * x)
    : (x: number) => Math.cos(pi * x) - pi * x * Math.sin(pi * x) - 5 * pi * r * Math.sin(5 * pi * x);
  const curvature = (x: number) =>
    -2 * pi * Math.sin(pi * x) - pi * pi * x * Math.cos(pi * x) - 25 * pi * pi * r * Math.cos(5 * pi * x);
  return defineSurface(
    {
      id: 'bumpy',
      formula: r === 0 ? 'x·cos(πx) + y·cos(πy)' : `x·cos(πx) + y·cos(πy) + ${r}·(cos 5πx + cos 5πy)`,
      f: (x, y) => h(x) + h(y),
      gradient: (x, y, out) => {
        out[0] = slope(x);
        out[1] = slope(y);
      },
      hessian: (x, y, out) => {
        out[0] = curvature(x);
        out[1] = 0;
        out[2] = curvature(y);
      },
      view: { x: [-1, 2], y: [-1, 2] },
      start: [-0.8, 1.6],
    },
    (s) => separableCriticalPoints(slope, curvature, s.view),
  );
}
