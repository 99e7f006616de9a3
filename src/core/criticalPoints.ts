/**
 * Finding stationary points numerically, for surfaces whose critical points
 * have no tidy closed form (Himmelblau, Beale, the data surfaces, and later
 * the user's own function): Newton's method on ∇f = 0 from a grid of seeds,
 * kept when it lands inside the view, deduplicated.
 */
import type { Vec2, ViewBox } from './types';

interface Differentiable {
  gradient(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
  view: ViewBox;
}

function inside(view: ViewBox, x: number, y: number): boolean {
  return x >= view.x[0] && x <= view.x[1] && y >= view.y[0] && y <= view.y[1];
}

/** Newton's method on the gradient from a seeds × seeds grid over the view. */
export function searchCriticalPoints(surface: Differentiable, seeds = 24): Vec2[] {
  const { view } = surface;
  const width = view.x[1] - view.x[0];
  const height = view.y[1] - view.y[0];
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const found: Vec2[] = [];
  const same = (a: Vec2, b: Vec2) => Math.abs(a[0] - b[0]) < 1e-6 * width && Math.abs(a[1] - b[1]) < 1e-6 * height;
  for (let i = 0; i < seeds; i++) {
    for (let j = 0; j < seeds; j++) {
      let x = view.x[0] + ((i + 0.5) / seeds) * width;
      let y = view.y[0] + ((j + 0.5) / seeds) * height;
      let converged = false;
      for (let k = 0; k < 60; k++) {
        surface.gradient(x, y, g);
        surface.hessian(x, y, h);
        const det = h[0] * h[2] - h[1] * h[1];
        if (!Number.isFinite(det) || Math.abs(det) < 1e-14) break;
        const dx = (h[2] * g[0] - h[1] * g[1]) / det;
        const dy = (h[0] * g[1] - h[1] * g[0]) / det;
        x -= dx;
        y -= dy;
        if (!Number.isFinite(x) || !Number.isFinite(y)) break;
        if (Math.abs(dx) < 1e-13 * (1 + Math.abs(x)) && Math.abs(dy) < 1e-13 * (1 + Math.abs(y))) {
          converged = true;
          break;
        }
      }
      if (!converged || !inside(view, x, y)) continue;
      const p: Vec2 = [x, y];
      if (!found.some((q) => same(p, q))) found.push(p);
    }
  }
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Stationary points of the 1D function whose derivative is `slope`, in [lo, hi]:
 * sign changes on a fine grid, refined by bisection then polished by Newton.
 */
export function stationaryPoints1d(
  slope: (x: number) => number,
  curvature: (x: number) => number,
  lo: number,
  hi: number,
  samples = 2000,
): number[] {
  const roots: number[] = [];
  let a = lo;
  let fa = slope(a);
  if (fa === 0) roots.push(a);
  for (let k = 1; k <= samples; k++) {
    const b = lo + ((hi - lo) * k) / samples;
    const fb = slope(b);
    if (fb === 0) roots.push(b);
    else if (fa !== 0 && fa * fb < 0) {
      let l = a;
      let r = b;
      let fl = fa;
      for (let it = 0; it < 200 && r - l > 1e-15 * (1 + Math.abs(l)); it++) {
        const m = (l + r) / 2;
        const fm = slope(m);
        if (fm === 0) {
          l = r = m;
          break;
        }
        if (fl * fm < 0) r = m;
        else {
          l = m;
          fl = fm;
        }
      }
      let x = (l + r) / 2;
      const c = curvature(x);
      if (c !== 0) {
        const polished = x - slope(x) / c;
        if (Math.abs(polished - x) < 1e-9) x = polished;
      }
      roots.push(x);
    }
    a = b;
    fa = fb;
  }
  return roots;
}

/** Critical points of f(x, y) = h(x) + h(y): every pair of 1D stationary points. */
export function separableCriticalPoints(
  slope: (x: number) => number,
  curvature: (x: number) => number,
  view: ViewBox,
): Vec2[] {
  const xs = stationaryPoints1d(slope, curvature, view.x[0], view.x[1]);
  const ys = stationaryPoints1d(slope, curvature, view.y[0], view.y[1]);
  const points: Vec2[] = [];
  for (const x of xs) for (const y of ys) points.push([x, y]);
  return points;
}
