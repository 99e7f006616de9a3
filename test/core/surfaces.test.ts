import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSurface, surfaceIds, type Surface, type SurfaceSpec } from '../../src/core';

const specs: SurfaceSpec[] = [...surfaceIds, { id: 'bumpy', ripple: 0.2 }];
const name = (spec: SurfaceSpec) => (typeof spec === 'string' ? spec : `${spec.id} (ripple ${spec.ripple})`);

/** A random point inside the surface's default view. */
const pointIn = (s: Surface) =>
  fc.tuple(
    fc.double({ min: s.view.x[0], max: s.view.x[1], noNaN: true }),
    fc.double({ min: s.view.y[0], max: s.view.y[1], noNaN: true }),
  );

function centralGradient(s: Surface, x: number, y: number, h: number): [number, number] {
  return [(s.f(x + h, y) - s.f(x - h, y)) / (2 * h), (s.f(x, y + h) - s.f(x, y - h)) / (2 * h)];
}

/** Relative-or-absolute closeness: finite differences carry error ∝ h² and rounding ∝ |f|/h. */
function close(actual: number, expected: number, scale: number, tolerance: number) {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected), scale);
}

describe.each(specs)('surface %s', (spec) => {
  const s = createSurface(spec);
  const h = 1e-5;

  it(`${name(spec)}: the analytic gradient matches central differences at random points`, () => {
    const g = new Float64Array(2);
    fc.assert(
      fc.property(pointIn(s), ([x, y]) => {
        s.gradient(x, y, g);
        const [nx, ny] = centralGradient(s, x, y, h);
        const scale = Math.abs(s.f(x, y)) * 1e-5;
        return close(g[0], nx, scale, 1e-5) && close(g[1], ny, scale, 1e-5);
      }),
      { numRuns: 200 },
    );
  });

  it(`${name(spec)}: the analytic Hessian matches central differences of the gradient`, () => {
    const hess = new Float64Array(3);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    fc.assert(
      fc.property(pointIn(s), ([x, y]) => {
        s.hessian(x, y, hess);
        s.gradient(x + h, y, gp);
        s.gradient(x - h, y, gm);
        const fxx = (gp[0] - gm[0]) / (2 * h);
        const fxy = (gp[1] - gm[1]) / (2 * h);
        s.gradient(x, y + h, gp);
        s.gradient(x, y - h, gm);
        const fyy = (gp[1] - gm[1]) / (2 * h);
        const scale = Math.hypot(gp[0], gp[1]) * 1e-5;
        return close(hess[0], fxx, scale, 1e-4) && close(hess[1], fxy, scale, 1e-4) && close(hess[2], fyy, scale, 1e-4);
      }),
      { numRuns: 200 },
    );
  });

  it(`${name(spec)}: its start point lies inside its view and every critical point is stationary`, () => {
    expect(s.start[0]).toBeGreaterThanOrEqual(s.view.x[0]);
    expect(s.start[0]).toBeLessThanOrEqual(s.view.x[1]);
    expect(s.start[1]).toBeGreaterThanOrEqual(s.view.y[0]);
    expect(s.start[1]).toBeLessThanOrEqual(s.view.y[1]);
    expect(s.criticalPoints.length).toBeGreaterThan(0);
    const g = new Float64Array(2);
    for (const c of s.criticalPoints) {
      s.gradient(c.x, c.y, g);
      expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-8);
      expect(c.eigenvalues[0]).toBeLessThanOrEqual(c.eigenvalues[1]);
    }
  });
});

describe('critical points', () => {
  const kinds = (spec: SurfaceSpec) => createSurface(spec).criticalPoints.map((c) => c.kind).sort();

  it('the saddle x² − y² has one saddle at the origin with eigenvalues −2 and 2', () => {
    const [c] = createSurface('saddle').criticalPoints;
    expect(c).toMatchObject({ x: 0, y: 0, f: 0, kind: 'saddle', eigenvalues: [-2, 2] });
  });

  it('rosenbrock has its one minimum at (1, 1) with f = 0', () => {
    expect(createSurface('rosenbrock').criticalPoints).toMatchObject([{ x: 1, y: 1, f: 0, kind: 'min' }]);
  });

  it('himmelblau has four minima at f = 0, one maximum near (−0.2708, −0.9230) and four saddles', () => {
    const points = createSurface('himmelblau').criticalPoints;
    expect(kinds('himmelblau')).toEqual(['max', 'min', 'min', 'min', 'min', 'saddle', 'saddle', 'saddle', 'saddle']);
    for (const m of points.filter((p) => p.kind === 'min')) expect(m.f).toBeLessThan(1e-20);
    expect(points).toContainEqual(expect.objectContaining({ kind: 'min', x: expect.closeTo(3, 12), y: expect.closeTo(2, 12) }));
    const max = points.find((p) => p.kind === 'max')!;
    expect(max.x).toBeCloseTo(-0.270845, 5);
    expect(max.y).toBeCloseTo(-0.923039, 5);
  });

  it('beale has its minimum at (3, 0.5) and a saddle at (0, 1)', () => {
    const points = createSurface('beale').criticalPoints;
    expect(points).toContainEqual(expect.objectContaining({ kind: 'min', x: expect.closeTo(3, 10), y: expect.closeTo(0.5, 10) }));
    expect(points).toContainEqual(expect.objectContaining({ kind: 'saddle', x: expect.closeTo(0, 10), y: expect.closeTo(1, 10) }));
  });

  it('x·cos(πx) has a local minimum near −0.274 and the global one near 1.090 on [−1, 2] (the notes\' two minima)', () => {
    const minima = createSurface('bumpy').criticalPoints.filter((c) => c.kind === 'min');
    const xs = [...new Set(minima.map((c) => c.x.toFixed(4)))].sort();
    expect(xs).toEqual(['-0.2739', '1.0904']);
    const global = minima.reduce((a, b) => (a.f < b.f ? a : b));
    expect(global.x).toBeCloseTo(1.0904, 4);
    expect(global.y).toBeCloseTo(1.0904, 4);
  });

  it('the ripple adds many more local minima (empirical risk is bumpier than risk)', () => {
    const smooth = createSurface('bumpy').criticalPoints.filter((c) => c.kind === 'min').length;
    const rippled = createSurface({ id: 'bumpy', ripple: 0.2 }).criticalPoints.filter((c) => c.kind === 'min').length;
    expect(rippled).toBeGreaterThan(smooth * 3);
  });

  it('rastrigin has its global minimum 0 at the origin', () => {
    const global = createSurface('rastrigin').criticalPoints.reduce((a, b) => (a.f < b.f ? a : b));
    expect(global.kind).toBe('min');
    expect(Math.abs(global.x) + Math.abs(global.y)).toBeLessThan(1e-12);
    expect(global.f).toBeCloseTo(0, 12);
  });

  it('the regression losses each have one minimum, inside their view', () => {
    expect(kinds('linreg')).toEqual(['min']);
    expect(kinds('logreg')).toEqual(['min']);
  });

  it('the plateau is flat far out: tanh′(4) ≈ 0.0013 makes the gradient at |x|² = 4 tiny', () => {
    const g = new Float64Array(2);
    createSurface('plateau').gradient(2, 0, g);
    // ∂f/∂x = 2x·(1 − tanh²(4)) = 4·0.00134095…
    expect(g[0]).toBeCloseTo(4 * (1 - Math.tanh(4) ** 2), 15);
    expect(1 - Math.tanh(4) ** 2).toBeCloseTo(0.0013410, 6);
  });
});
