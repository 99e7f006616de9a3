import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contours } from 'd3';
import { gridContourer } from '../../src/plot/isorings';
import { createSurface, sampleGrid } from '../../src/core';

/** d3-contour's answer, the reference the tracer must reproduce exactly. */
function d3Contour(values: ArrayLike<number>, nx: number, ny: number, level: number) {
  return contours().size([nx, ny]).contour(Array.from(values), level);
}

describe('gridContourer', () => {
  it('traces exactly what d3-contour traces on the built-in surfaces, for every level', () => {
    for (const id of ['bumpy', 'ellipse', 'rosenbrock', 'rastrigin', 'saddle', 'himmelblau'] as const) {
      const surface = createSurface({ id } as never);
      const nx = 61;
      const ny = 43;
      const values = sampleGrid(surface, surface.view, nx, ny);
      const sorted = Array.from(values).sort((a, b) => a - b);
      const contour = gridContourer(values, nx, ny);
      // Levels at quantiles, plus one at an exact sample value (points land on the grid).
      const levels = [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((q) => sorted[Math.floor(q * (sorted.length - 1))]);
      for (const level of levels) expect(contour(level), `${id} at ${level}`).toEqual(d3Contour(values, nx, ny, level));
    }
  });

  it('traces exactly what d3-contour traces on arbitrary grids with plateaus, NaN and infinities', () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -4, max: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    );
    const grid = fc
      .record({ nx: fc.integer({ min: 1, max: 9 }), ny: fc.integer({ min: 1, max: 9 }) })
      .chain(({ nx, ny }) => fc.record({
        nx: fc.constant(nx),
        ny: fc.constant(ny),
        values: fc.array(cell, { minLength: nx * ny, maxLength: nx * ny }),
        level: fc.double({ min: -5, max: 5, noNaN: true }),
      }));
    fc.assert(
      fc.property(grid, ({ nx, ny, values, level }) => {
        // The same level on the same grid, many times: the fragment tables must come back empty.
        const contour = gridContourer(values, nx, ny);
        const reference = d3Contour(values, nx, ny, level);
        expect(contour(level)).toEqual(reference);
        expect(contour(level)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it('gives a bowl one polygon above a level, with the basin below it as its hole', () => {
    const nx = 9;
    const ny = 9;
    const values = new Float64Array(nx * ny);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = (i - 4) ** 2 + (j - 4) ** 2;
    const band = gridContourer(values, nx, ny)(4.5);
    // f ≥ 4.5 is the whole grid but a disc around the centre: one polygon with one hole.
    expect(band.coordinates).toHaveLength(1);
    expect(band.coordinates[0]).toHaveLength(2);
    const [, hole] = band.coordinates[0];
    // The hole's points lie where f = 4.5 on the grid lines (smoothed), about √4.5 ≈ 2.1 from the centre (4.5, 4.5 in d3's units).
    for (const [x, y] of hole) expect(Math.hypot(x - 4.5, y - 4.5)).toBeGreaterThan(1.9);
    for (const [x, y] of hole) expect(Math.hypot(x - 4.5, y - 4.5)).toBeLessThan(2.3);
  });
});
