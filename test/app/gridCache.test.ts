import { describe, expect, it } from 'vitest';
import type { SurfaceSpec, ViewBox } from '../../src/core/types';
import type { GridResult } from '../../src/worker/client';
import type { GridRequest } from '../../src/app/workerBridge';
import { answersRequest, createGridCache } from '../../src/app/gridCache';

const bumpy: SurfaceSpec = { id: 'bumpy' } as SurfaceSpec;
const home: ViewBox = { x: [-1, 2], y: [-1, 2] };

/** A grid as the worker answers it; `picture` as { width, height, ratio } (its bitmap is never read here). */
function grid(over: Partial<Omit<GridResult, 'picture'>> & { picture?: { width: number; height: number; ratio: number } } = {}): GridResult {
  const { picture, ...rest } = over;
  return {
    surface: bumpy, view: home, nx: 260, ny: 198, values: new Float64Array(0), criticalPoints: [],
    contours: { levels: [], bands: [], extent: [0, 1], log: false } as unknown as GridResult['contours'],
    final: true,
    ...rest,
    ...(picture && { picture: { ...picture, bitmap: {} as ImageBitmap } }),
  };
}

describe('the grid cache', () => {
  it('gives back what it keeps, by key, and nothing for another key', () => {
    const cache = createGridCache(2);
    const a = grid();
    expect(cache.put('a', a)).toEqual([]);
    expect(cache.get('a')).toBe(a);
    expect(cache.holds(a)).toBe(true);
    expect(cache.get('b')).toBeNull();
  });

  it('lets the least recently used grid go first, and says which', () => {
    const cache = createGridCache(2);
    const [a, b, c] = [grid(), grid(), grid()];
    cache.put('a', a);
    cache.put('b', b);
    // Reading 'a' makes 'b' the oldest.
    cache.get('a');
    expect(cache.put('c', c)).toEqual([b]);
    expect(cache.holds(b)).toBe(false);
    expect(cache.get('b')).toBeNull();
    expect([cache.get('a'), cache.get('c')]).toEqual([a, c]);
  });

  it('replaces a key\'s grid and lets the old one go, but not a grid it still keeps under another key', () => {
    const cache = createGridCache(3);
    const [a, b] = [grid(), grid()];
    cache.put('x', a);
    expect(cache.put('x', b)).toEqual([a]);
    expect(cache.holds(a)).toBe(false);
    cache.put('y', b);
    expect(cache.put('x', a)).toEqual([]);
    expect(cache.holds(b)).toBe(true);
  });
});

describe('a grid answers a request', () => {
  const request: GridRequest = { view: home, nx: 260, ny: 198, picture: { width: 743, height: 567, ratio: 1 }, keep: true };

  it('when it is the full grid of the same surface, view, samples and picture size', () => {
    expect(answersRequest(bumpy, request, grid({ picture: { width: 743, height: 567, ratio: 1 } }))).toBe(true);
    // A worker without OffscreenCanvas sends no picture: the page paints the bands.
    expect(answersRequest(bumpy, request, grid())).toBe(true);
  });

  it('not when it is a preview, another view or surface, other samples, or a picture of another size', () => {
    expect(answersRequest(bumpy, request, grid({ final: false }))).toBe(false);
    expect(answersRequest(bumpy, request, grid({ view: { x: [-1, 2], y: [-1, 2.0000001] } }))).toBe(false);
    expect(answersRequest(bumpy, request, grid({ surface: { id: 'ellipse' } as SurfaceSpec }))).toBe(false);
    expect(answersRequest(bumpy, request, grid({ nx: 259 }))).toBe(false);
    // The grid asked before the plot was measured (a typical size) answers first on opening.
    expect(answersRequest(bumpy, request, grid({ picture: { width: 700, height: 567, ratio: 1 } }))).toBe(false);
    expect(answersRequest(bumpy, request, grid({ picture: { width: 743, height: 567, ratio: 2 } }))).toBe(false);
    expect(answersRequest(bumpy, { ...request, picture: undefined }, grid({ picture: { width: 743, height: 567, ratio: 1 } }))).toBe(false);
  });
});
