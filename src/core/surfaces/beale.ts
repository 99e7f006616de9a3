/**
 * beale: f = Σ tᵢ², t₁ = 1.5 − x + xy, t₂ = 2.25 − x + xy², t₃ = 2.625 − x + xy³.
 * ∂tᵢ/∂x = yⁱ − 1, ∂tᵢ/∂y = i·x·yⁱ⁻¹, so ∇f = 2Σ tᵢ∇tᵢ and
 * H = 2Σ (∇tᵢ∇tᵢᵀ + tᵢ∇²tᵢ) with ∂²tᵢ/∂x∂y = i·yⁱ⁻¹, ∂²tᵢ/∂y² = i(i − 1)·x·yⁱ⁻².
 * Minimum at (3, 0.5); a saddle at (0, 1).
 */
import { defineSurface } from './define';
import { searchCriticalPoints } from '../criticalPoints';

const c = [1.5, 2.25, 2.625];

export const beale = defineSurface(
  {
    id: 'beale',
    formula: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    f: (x, y) => {
      const t1 = c[0] - x + x * y;
      const t2 = c[1] - x + x * y * y;
      const t3 = c[2] - x + x * y * y * y;
      return t1 * t1 + t2 * t2 + t3 * t3;
    },
    gradient: (x, y, out) => {
      const y2 = y * y;
      const y3 = y2 * y;
      const t1 = c[0] - x + x * y;
      const t2 = c[1] - x + x * y2;
      const t3 = c[2] - x + x * y3;
      out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
      out[1] = 2 * (t1 * x + t2 * 2 * x * y + t3 * 3 * x * y2);
    },
    hessian: (x, y, out) => {
      const y2 = y * y;
      const y3 = y2 * y;
      const t1 = c[0] - x + x * y;
      const t2 = c[1] - x + x * y2;
      const t3 = c[2] - x + x * y3;
      const ax = [y - 1, y2 - 1, y3 - 1];
      const ay = [x, 2 * x * y, 3 * x * y2];
      out[0] = 2 * (ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2]);
      out[1] = 2 * (ax[0] * ay[0] + ax[1] * ay[1] + ax[2] * ay[2] + t1 + t2 * 2 * y + t3 * 3 * y2);
      out[2] = 2 * (ay[0] * ay[0] + ay[1] * ay[1] + ay[2] * ay[2] + t2 * 2 * x + t3 * 6 * x * y);
    },
    view: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
    start: [1, 1.5],
  },
  searchCriticalPoints,
);
