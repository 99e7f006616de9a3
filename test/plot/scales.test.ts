import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import {
  createPlotScales, pixelToSurface, plotInnerSize, sameView, surfaceToPixel, tidyView, viewMatrix, zoomedView,
} from '../../src/plot/scales';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };

describe('plot scales', () => {
  it('fill the box with independent x and y scales, y pointing up', () => {
    const { x, y } = createPlotScales(view, 400, 100);
    expect([x(-10), x(10)]).toEqual([0, 400]);
    expect([y(-5), y(5)]).toEqual([100, 0]);
  });

  it('round-trip between pixels and surface coordinates', () => {
    const [px, py] = surfaceToPixel(view, 400, 100, 2.5, -1);
    expect([px, py]).toEqual([250, 60]);
    const [sx, sy] = pixelToSurface(view, 400, 100, px, py);
    expect(sx).toBeCloseTo(2.5, 12);
    expect(sy).toBeCloseTo(-1, 12);
  });

  it('leave the identity zoom on the same view and zoom into the centre by k', () => {
    expect(zoomedView(view, { k: 1, x: 0, y: 0 }, 400, 100)).toEqual(view);
    // Zoom by 2 about the centre pixel (200, 50): translate = centre·(1 − k).
    const zoomed = zoomedView(view, { k: 2, x: -200, y: -50 }, 400, 100);
    expect(zoomed.x[0]).toBeCloseTo(-5, 12);
    expect(zoomed.x[1]).toBeCloseTo(5, 12);
    expect(zoomed.y[0]).toBeCloseTo(-2.5, 12);
    expect(zoomed.y[1]).toBeCloseTo(2.5, 12);
  });

  it('pan right shows what lay to the left', () => {
    const panned = zoomedView(view, { k: 1, x: 40, y: 0 }, 400, 100);
    expect(panned.x[0]).toBeCloseTo(-12, 12);
    expect(panned.x[1]).toBeCloseTo(8, 12);
  });

  it('move paths drawn for the grid view to where the display view shows them', () => {
    const display: ViewBox = { x: [0, 10], y: [0, 5] };
    const { sx: a, sy: d, tx: e, ty: f } = viewMatrix(view, display, 400, 100);
    // Pixel (200, 50) of the grid is the surface origin: on the display it is the bottom-left corner.
    expect(a * 200 + e).toBeCloseTo(0, 9);
    expect(d * 50 + f).toBeCloseTo(100, 9);
    // Pixel (400, 0) of the grid is (10, 5): the top-right corner.
    expect(a * 400 + e).toBeCloseTo(400, 9);
    expect(d * 0 + f).toBeCloseTo(0, 9);
  });

  it('compare views up to a relative tolerance', () => {
    expect(sameView(view, { x: [-10, 10 + 1e-12], y: [-5, 5] })).toBe(true);
    expect(sameView(view, { x: [-10, 10.1], y: [-5, 5] })).toBe(false);
    expect(sameView(null, null)).toBe(true);
    expect(sameView(view, null)).toBe(false);
  });

  it('keep the plotting area positive however small the component', () => {
    expect(plotInnerSize(10, 10)).toEqual({ width: 1, height: 1 });
  });

  it('tidy a view to a millionth of its span: the float noise of a zoom in and out goes, the view stays', () => {
    expect(tidyView({ x: [-1.9999999999999991, 2.000000000000001], y: [-1.0000000000000004, 3.0000000000000004] }))
      .toEqual({ x: [-2, 2], y: [-1, 3] });
    const zoomed: ViewBox = { x: [0.123456789123, 0.123459789456], y: [-1234.56789123, 1000.98765] };
    const tidy = tidyView(zoomed);
    // A span of 3e-6 keeps 12 decimals; one of 2235 keeps 3 (a thousandth is a millionth of it, rounded down to a power of ten).
    expect(tidy).toEqual({ x: [0.123456789123, 0.123459789456], y: [-1234.568, 1000.988] });
    for (const axis of ['x', 'y'] as const) {
      const span = zoomed[axis][1] - zoomed[axis][0];
      for (const i of [0, 1]) expect(Math.abs(tidy[axis][i] - zoomed[axis][i])).toBeLessThanOrEqual(span * 1e-6);
    }
  });
});
