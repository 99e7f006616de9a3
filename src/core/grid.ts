/** Sampling a surface on a regular grid, for contours (runs in the worker). */
import type { Surface, ViewBox } from './types';

/**
 * values[j·nx + i] = f(xᵢ, yⱼ) with xᵢ = x₀ + i·(x₁ − x₀)/(nx − 1) and
 * yⱼ = y₀ + j·(y₁ − y₀)/(ny − 1): y ascending, so row 0 is the bottom edge.
 * NaN where a custom f is undefined (its f reads +∞ there; the plot marks
 * such regions apart from high ones).
 */
export function sampleGrid(surface: Surface, view: ViewBox, nx: number, ny: number): Float64Array {
  const f = surface.rawF ?? surface.f;
  const values = new Float64Array(nx * ny);
  const dx = (view.x[1] - view.x[0]) / Math.max(1, nx - 1);
  const dy = (view.y[1] - view.y[0]) / Math.max(1, ny - 1);
  for (let j = 0; j < ny; j++) {
    const y = view.y[0] + j * dy;
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(view.x[0] + i * dx, y);
  }
  return values;
}
