import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSurface, sampleGrid, type SurfaceId } from '../../src/core';
import { chooseThresholds, describeThresholds, keepThresholds } from '../../src/plot/thresholds';

function grid(id: SurfaceId, n = 80): Float64Array {
  const surface = createSurface(id);
  return sampleGrid(surface, surface.view, n, n);
}

function expectAscendingWithin(levels: number[], min: number, max: number) {
  expect(levels[0]).toBe(min);
  for (let i = 1; i < levels.length; i++) {
    expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    expect(levels[i]).toBeLessThan(max);
  }
}

describe('chooseThresholds', () => {
  it('spaces the levels evenly on a bowl, starting at the grid minimum', () => {
    const values = grid('bowl');
    const choice = describeThresholds(values);
    expect(choice.spacing).toBe('linear');
    const [min, max] = choice.extent;
    expectAscendingWithin(choice.levels, min, max);
    const steps = choice.levels.slice(2).map((v, i) => v - choice.levels[i + 1]);
    for (const step of steps) expect(step).toBeCloseTo(steps[0], 9);
    expect(choice.levels.length).toBeGreaterThanOrEqual(10);
    expect(choice.levels.length).toBeLessThanOrEqual(20);
  });

  it.each<SurfaceId>(['rosenbrock', 'beale', 'himmelblau'])('log-spaces the levels on %s, whose values span decades', (id) => {
    const choice = describeThresholds(grid(id));
    expect(choice.spacing).toBe('log');
    const [min, max] = choice.extent;
    expectAscendingWithin(choice.levels, min, max);
    const excess = choice.levels.slice(1).map((v) => v - min);
    expect(Math.log10(excess[excess.length - 1] / excess[0])).toBeGreaterThan(2);
    // Geometric, not arithmetic: successive ratios stay bounded while the steps grow by orders of magnitude.
    for (let i = 1; i < excess.length; i++) expect(excess[i] / excess[i - 1]).toBeLessThanOrEqual(10);
  });

  it('stays logarithmic on a zoom into Rosenbrock\'s valley, though the walls raise the mean', () => {
    const surface = createSurface('rosenbrock');
    // 1.75× about (0.2, 0.9), four wheel notches: a third of the view lies in the lowest twentieth of its range.
    const values = sampleGrid(surface, { x: [-0.943, 1.343], y: [-0.243, 2.043] }, 200, 150);
    const choice = describeThresholds(values);
    expect(choice.spacing).toBe('log');
    // The valley floor the runs walk along gets several levels, not one flat band.
    const [min, max] = choice.extent;
    expect(choice.levels.filter((level) => level < min + (max - min) / 20).length).toBeGreaterThanOrEqual(5);
  });

  it('keeps linear levels on the bowl and the ellipse, zoomed or panned, and on a step', () => {
    const bowl = createSurface('bowl');
    for (const view of [{ x: [-0.5, 0.5], y: [-0.5, 0.5] }, { x: [0, 2], y: [0, 2] }] as const) {
      expect(describeThresholds(sampleGrid(bowl, { x: [...view.x], y: [...view.y] }, 120, 120)).spacing).toBe('linear');
    }
    expect(describeThresholds(grid('ellipse')).spacing).toBe('linear');
    // Half the cells at the bottom, half at the top: neither end is the one to stretch.
    const step = Float64Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : 1) + i * 1e-6);
    expect(describeThresholds(step).spacing).toBe('linear');
  });

  it('mirrors the crowd rule to the top: a crowded highest twentieth gives log-top levels, which keep their top', () => {
    // 700 values evenly over [0, 1], 300 packed just under 1: the mean (0.65) alone would stay linear.
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 700 ? i / 699 : 0.99 + (i - 700) / 29900));
    const choice = describeThresholds(values);
    expect(choice.spacing).toBe('log-top');
    // Levels crowd towards the maximum on purpose: no sliver rule there.
    const [min, max] = choice.extent;
    expect(max - choice.levels[choice.levels.length - 1]).toBeLessThan((max - min) / 100);
  });

  it('leaves no sliver of a band under the maximum (a legend labelled 500 and 500.2)', () => {
    // Rosenbrock 1.75× about (0.4, 1.2): its log levels end at 500, its maximum is 500.2.
    const values = sampleGrid(createSurface('rosenbrock'), { x: [-0.743, 1.543], y: [0.057, 2.343] }, 120, 90);
    const choice = describeThresholds(values);
    const [min, max] = choice.extent;
    expect(max - choice.levels[choice.levels.length - 1]).toBeGreaterThanOrEqual((max - min) / 100);
    const linear = describeThresholds(Float64Array.from({ length: 1001 }, (_, i) => i / 10 + (i === 1000 ? 0.05 : 0)));
    expect(linear.spacing).toBe('linear');
    expect(linear.levels.at(-1)).toBeLessThan(99.5);
  });

  it('keeps linear levels on surfaces that go negative (saddle, bumpy)', () => {
    for (const id of ['saddle', 'bumpy'] as const) {
      const choice = describeThresholds(grid(id));
      expect(choice.spacing).toBe('linear');
      expect(choice.extent[0]).toBeLessThan(0);
      expectAscendingWithin(choice.levels, choice.extent[0], choice.extent[1]);
      expect(choice.levels.some((v) => v < 0)).toBe(true);
    }
  });

  it('mirrors the log spacing towards the top on the plateau, so its gentle slope shows', () => {
    const choice = describeThresholds(grid('plateau'));
    expect(choice.spacing).toBe('log-top');
    const [min, max] = choice.extent;
    expectAscendingWithin(choice.levels, min, max);
    expect(max - choice.levels[choice.levels.length - 1]).toBeLessThan(1e-3);
  });

  it('ignores NaN and ±Infinity', () => {
    const clean = grid('bowl', 40);
    const dirty = Float64Array.from(clean);
    dirty[0] = NaN;
    dirty[5] = Infinity;
    dirty[17] = -Infinity;
    dirty[99] = NaN;
    const cleanWithoutHoles = Float64Array.from(clean);
    for (const k of [0, 5, 17, 99]) cleanWithoutHoles[k] = NaN;
    expect(chooseThresholds(dirty)).toEqual(chooseThresholds(cleanWithoutHoles));
    expect(chooseThresholds(dirty).every(Number.isFinite)).toBe(true);
  });

  it('gives a single level for a constant grid and none for a grid with no finite value', () => {
    expect(chooseThresholds(new Float64Array(100).fill(3.5))).toEqual([3.5]);
    expect(chooseThresholds(new Float64Array([NaN, Infinity, -Infinity, NaN]))).toEqual([]);
    expect(chooseThresholds(new Float64Array(0))).toEqual([]);
  });

  it('keeps to the requested count even on a tiny range with a count of 2', () => {
    const levels = chooseThresholds(Float64Array.from([6.000000000000001e-12, 0]), 2);
    expect(levels.length).toBeLessThanOrEqual(3);
    expect(levels[0]).toBe(0);
  });

  it('always returns finite, strictly ascending levels inside the data range', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(NaN, Infinity, -Infinity, 0),
      fc.double({ min: 0, max: 1e12, noNaN: true }),
    );
    fc.assert(fc.property(fc.array(value, { maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (values, count) => {
      const levels = chooseThresholds(Float64Array.from(values), count);
      const finite = values.filter(Number.isFinite);
      if (finite.length === 0) return levels.length === 0;
      const min = Math.min(...finite);
      const max = Math.max(...finite);
      return levels[0] === min && levels.length <= count + 1 && levels.every(Number.isFinite) &&
        levels.every((v, i) => i === 0 || (v > levels[i - 1] && v < max));
    }));
  });
});

describe('keepThresholds', () => {
  const bowl = createSurface('bowl');
  const opening = describeThresholds(sampleGrid(bowl, bowl.view, 60, 60));

  it('keeps the levels, spacing and extent a gesture started with on a zoomed-in grid', () => {
    // Away from the bottom: no value under the lowest level.
    const zoomed = sampleGrid(bowl, { x: [1, 2], y: [1, 2] }, 40, 40);
    const kept = keepThresholds(zoomed, opening);
    expect(kept).toEqual(opening);
    // Chosen afresh, the zoomed grid's levels would be others.
    expect(describeThresholds(zoomed).levels).not.toEqual(opening.levels);
  });

  it('lowers the first level to the lowest value and widens the extent where a few values reach past them', () => {
    const kept = { levels: [1, 2, 3, 4], spacing: 'linear' as const, extent: [1, 5] as [number, number] };
    // 95 values in range, 3 below the lowest level and 2 above the top: 5 % outside.
    const values = [...Array.from({ length: 95 }, (_, i) => 1 + (4 * i) / 94), 0.5, 0.6, 0.7, 5.5, 6];
    expect(keepThresholds(values, kept)).toEqual({ levels: [0.5, 2, 3, 4], spacing: 'linear', extent: [0.5, 6] });
  });

  it('chooses afresh where more than a tenth of the values lie outside the kept range (a zoom out)', () => {
    const started = describeThresholds(sampleGrid(bowl, { x: [-1, 1], y: [-1, 1] }, 30, 30));
    const out = sampleGrid(bowl, { x: [-3, 3], y: [-3, 3] }, 40, 40);
    expect(keepThresholds(out, started)).toEqual(describeThresholds(out));
    // Just past the range (a notch out): kept.
    const notch = sampleGrid(bowl, { x: [-1.05, 1.05], y: [-1.05, 1.05] }, 30, 30);
    expect(keepThresholds(notch, started).levels.slice(1)).toEqual(started.levels.slice(1));
  });

  it('lets the values choose when the kept levels are unusable or nothing is finite', () => {
    const values = sampleGrid(bowl, bowl.view, 30, 30);
    expect(keepThresholds(values, { levels: [1, 0.5], spacing: 'linear', extent: [0, 1] })).toEqual(describeThresholds(values));
    expect(keepThresholds(values, { levels: [], spacing: 'linear', extent: [0, 1] })).toEqual(describeThresholds(values));
    // One level (a gesture begun on a flat view) would keep the whole gesture one band.
    expect(keepThresholds(values, { levels: [0.5], spacing: 'linear', extent: [0.5, 0.5] })).toEqual(describeThresholds(values));
    expect(keepThresholds(values, { levels: [0, NaN], spacing: 'linear', extent: [0, 1] })).toEqual(describeThresholds(values));
    expect(keepThresholds([NaN, Infinity], opening).levels).toEqual([]);
  });
});
