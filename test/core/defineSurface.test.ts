import { describe, expect, it } from 'vitest';
import { defineSurface } from '../../src/core/surfaces/define';
import { createSurface } from '../../src/core';

const quadratic = {
  id: 'bowl' as const,
  formula: 'x² + y²',
  f: (x: number, y: number) => x * x + y * y,
  gradient: (x: number, y: number, out: Float64Array) => { out[0] = 2 * x; out[1] = 2 * y; },
  hessian: (_x: number, _y: number, out: Float64Array) => { out[0] = 2; out[1] = 0; out[2] = 2; },
  view: { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] },
  start: [0.5, 0.5] as [number, number],
};

describe('defineSurface', () => {
  it('searches critical points only when they are first read, and only once', () => {
    let searches = 0;
    const surface = defineSurface(quadratic, () => { searches++; return [[0, 0]]; });
    expect(searches).toBe(0);
    expect(surface.view).toEqual(quadratic.view);
    expect(surface.f(1, 2)).toBe(5);
    const first = surface.criticalPoints;
    expect(searches).toBe(1);
    expect(first).toEqual([{ x: 0, y: 0, f: 0, kind: 'min', eigenvalues: [2, 2] }]);
    expect(surface.criticalPoints).toBe(first);
    expect(searches).toBe(1);
  });

  it('lets an assignment replace the critical points', () => {
    const surface = defineSurface(quadratic, () => [[0, 0]]);
    surface.criticalPoints = [];
    expect(surface.criticalPoints).toEqual([]);
  });

  it('keeps the search lazy on data surfaces, which add their samples after defining', () => {
    const linreg = createSurface('linreg');
    expect(linreg.data?.set.xs.length).toBeGreaterThan(0);
    expect(linreg.criticalPoints.length).toBeGreaterThan(0);
  });
});
