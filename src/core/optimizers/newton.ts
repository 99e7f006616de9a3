/**
 * newton — x ← x − ηH⁻¹g with the 2×2 inverse written out:
 * H⁻¹g = (fyy·gx − fxy·gy, fxx·gy − fxy·gx) / det H.
 * It jumps to the stationary point of the local quadratic, whatever its kind:
 * on a saddle it walks straight in. |det H| < 1e−12 stops the run.
 */
import { vector, type Optimizer } from './optimizer';

export function createNewton(): Optimizer {
  const h = new Float64Array(3);
  const direction = vector();
  // H's rows, (fxx, fxy) and (fxy, fyy), kept as state so the step inspector can show H.
  const hessianX = vector();
  const hessianY = vector();
  const optimizer: Optimizer = {
    state: { direction, hessianX, hessianY },
    step(p, g, lr, _t, objective) {
      objective.hessian(p[0], p[1], h);
      hessianX[0] = h[0];
      hessianX[1] = h[1];
      hessianY[0] = h[1];
      hessianY[1] = h[2];
      const det = h[0] * h[2] - h[1] * h[1];
      if (!(Math.abs(det) >= 1e-12)) {
        optimizer.reason = `the Hessian is singular (|det H| = ${Math.abs(det).toPrecision(3)} < 1e−12)`;
        return 'singular';
      }
      direction[0] = (h[2] * g[0] - h[1] * g[1]) / det;
      direction[1] = (h[0] * g[1] - h[1] * g[0]) / det;
      p[0] -= lr * direction[0];
      p[1] -= lr * direction[1];
      return null;
    },
  };
  return optimizer;
}
