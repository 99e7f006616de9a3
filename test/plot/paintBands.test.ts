import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { bandTransform, outlineColor, paintBands, undefinedFill } from '../../src/plot/paintBands';
import { createRecordingContext } from './fakeContext';

const view: ViewBox = { x: [-2, 2], y: [-1, 3] };
// Stand-ins for Path2D objects: the painter only hands them to fill and stroke.
const bands = ['floor', 'middle', 'top'] as unknown as Path2D[];
const colors = ['#111111', '#222222', '#333333'];
const base = { bands, colors, nx: 11, ny: 21, view, displayView: view, width: 400, height: 300, ratio: 1 };

describe('paintBands', () => {
  it('stretches the grid over the plotting area: grid sample (10, 20) lands on the far corner', () => {
    const { a, d, e, f } = bandTransform(base);
    expect([a * 10 + e, d * 20 + f]).toEqual([400, 300]);
    expect([e, f]).toEqual([0, 0]);
  });

  it('moves the bands to where the display view shows the grid view, at the device pixel ratio', () => {
    // The display view is the right half of the grid's view, zoomed in twice.
    const { a, d, e, f } = bandTransform({ ...base, displayView: { x: [0, 2], y: [-1, 1] }, ratio: 2 });
    // Grid sample (5, 10) is the surface point (0, 1): the display's top-left corner.
    expect(a * 5 + e).toBeCloseTo(0, 9);
    expect(d * 10 + f).toBeCloseTo(0, 9);
    // Grid sample (10, 20) is (2, −1): the bottom-right corner, in device pixels.
    expect(a * 10 + e).toBeCloseTo(800, 9);
    expect(d * 20 + f).toBeCloseTo(600, 9);
  });

  it('fills every band in its colour, lowest first, and outlines all but the lowest 0.75 px wide', () => {
    const ctx = createRecordingContext();
    paintBands(ctx, { ...base, ratio: 2 });
    expect(ctx.named('clearRect')[0].args).toEqual([0, 0, 800, 600]);
    expect(ctx.named('fill').map((c) => [c.args[0], c.fillStyle])).toEqual([['floor', '#111111'], ['middle', '#222222'], ['top', '#333333']]);
    const strokes = ctx.named('stroke');
    expect(strokes.map((c) => c.args[0])).toEqual(['middle', 'top']);
    const { a, d } = bandTransform({ ...base, ratio: 2 });
    for (const stroke of strokes) {
      expect(stroke.strokeStyle).toBe(outlineColor);
      // In device pixels the line is 0.75 CSS px × the ratio.
      expect(stroke.lineWidth * Math.sqrt(a * d)).toBeCloseTo(1.5, 9);
    }
  });

  it('paints the undefined region over the bands, pale, outlined and hatched inside it only', () => {
    const ctx = createRecordingContext();
    paintBands(ctx, { ...base, undefinedRegion: 'hole' as unknown as Path2D });
    const fills = ctx.named('fill');
    expect(fills.map((c) => c.args[0])).toEqual(['floor', 'middle', 'top', 'hole']);
    expect(fills[3].fillStyle).toBe(undefinedFill);
    expect(ctx.named('clip').map((c) => c.args[0])).toEqual(['hole']);
    // The hatch: lines in device pixels (the transform reset after the clip), one stroke.
    const order = ctx.calls.map((c) => c.name);
    expect(order.indexOf('clip')).toBeLessThan(order.lastIndexOf('moveTo'));
    expect(ctx.count('moveTo')).toBeGreaterThan(400 / 7);
    expect(ctx.named('stroke').at(-1)?.args).toEqual([]);
    // Without one, nothing of it.
    const plain = createRecordingContext();
    paintBands(plain, base);
    expect(plain.count('clip') + plain.count('moveTo')).toBe(0);
  });

  it('paints the undefined region alone when there are no bands', () => {
    const ctx = createRecordingContext();
    paintBands(ctx, { ...base, bands: [], undefinedRegion: 'everything' as unknown as Path2D });
    expect(ctx.named('fill').map((c) => [c.args[0], c.fillStyle])).toEqual([['everything', undefinedFill]]);
  });

  it('clears and draws nothing without bands or with a degenerate view', () => {
    const empty = createRecordingContext();
    paintBands(empty, { ...base, bands: [] });
    expect(empty.count('clearRect')).toBe(1);
    expect(empty.count('fill')).toBe(0);
    const flat = createRecordingContext();
    paintBands(flat, { ...base, displayView: { x: [1, 1], y: [0, 1] } });
    expect(flat.count('fill')).toBe(0);
  });
});
