import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { decimatedPath } from '../../src/plot/decimatePath';
import { PathLayer, type LayerPath } from '../../src/plot/pathLayer';
import { createRecordingContext } from './fakeContext';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };

/** A zig-zag of n steps across the view (every step a vertex), in a buffer with room for 1,000. */
function zigzag(n: number, buffer = new Float64Array(3000)): Float64Array {
  for (let k = 0; k < n; k++) buffer.set([-9 + k * 0.04, k % 2 ? 2 : -2, 1], 3 * k);
  return buffer;
}

function layer() {
  const ctx = createRecordingContext();
  const canvas = { width: 0, height: 0 } as HTMLCanvasElement;
  return { ctx, canvas, paths: new PathLayer({ canvas, ctx }) };
}

function path(points: Float64Array, n: number, at: ViewBox = view, stride = 1, color = '#0072B2'): LayerPath {
  return { path: decimatedPath(points, n, at, 200, 100), color, stride };
}

describe('PathLayer', () => {
  it('sizes its canvas in device pixels and scales its context to CSS pixels', () => {
    const { ctx, canvas, paths } = layer();
    expect(paths.update([path(zigzag(10), 10)], view, 200, 100, 2)).toBe(canvas);
    expect([canvas.width, canvas.height]).toEqual([400, 200]);
    // Cleared in device pixels, drawn in CSS pixels.
    expect(ctx.named('setTransform').map((c) => c.args)).toEqual([[1, 0, 0, 1, 0, 0], [2, 0, 0, 2, 0, 0]]);
    expect(ctx.named('clearRect')[0].args).toEqual([0, 0, 400, 200]);
  });

  it('adds only the new vertices while the same runs grow in the same view', () => {
    const { ctx, paths } = layer();
    const points = zigzag(500);
    paths.update([path(points, 100)], view, 200, 100, 1);
    const before = ctx.count('lineTo');
    expect(before).toBe(2 * 99);
    paths.update([path(points, 500)], view, 200, 100, 1);
    expect(ctx.count('clearRect')).toBe(1);
    // 400 new segments of casing (under what is there), 400 of line (over it).
    expect(ctx.count('lineTo') - before).toBe(800);
    expect(ctx.calls.filter((c) => c.name === 'lineTo' && c.globalCompositeOperation === 'destination-over')).toHaveLength(400);
  });

  it('strokes nothing for a run that stayed in its last half-pixel cell, and goes on from there once it leaves it', () => {
    const { ctx, paths } = layer();
    // A jump, then a crawl inside one half-pixel cell, then a step out of it.
    const list: Array<[number, number]> = [[0, 0], [1, 0]];
    for (let k = 1; k <= 40; k++) list.push([1 + k * 1e-4, 0]);
    list.push([1.5, 0]);
    const points = new Float64Array(3 * list.length);
    list.forEach(([x, y], k) => points.set([x, y, 1], 3 * k));
    paths.update([path(points, 20)], view, 200, 100, 1);
    const calls = ctx.calls.length;
    paths.update([path(points, 20)], view, 200, 100, 1);
    paths.update([path(points, 42)], view, 200, 100, 1);
    expect(ctx.calls.slice(calls).filter((c) => c.name === 'stroke')).toHaveLength(0);
    paths.update([path(points, 43)], view, 200, 100, 1);
    const line = ctx.calls.slice(calls).filter((c) => ['moveTo', 'lineTo'].includes(c.name) && c.globalCompositeOperation === 'source-over');
    expect(line.map((c) => c.args)).toEqual([[110, 50], [115, 50]]);
    expect(ctx.count('clearRect')).toBe(1);
  });

  it('continues a path across pen lifts with every new piece', () => {
    const { ctx, paths } = layer();
    // Back and forth over one segment, then off to new ground: decimation lifts the pen over the repeats.
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 30; k++) list.push(k % 2 ? [1, 0] : [0, 0]);
    list.push([0, 2], [2, 2], [2, -2]);
    const points = new Float64Array(3 * list.length);
    list.forEach(([x, y], k) => points.set([x, y, 1], 3 * k));
    paths.update([path(points, 30)], view, 200, 100, 1);
    const calls = ctx.calls.length;
    paths.update([path(points, 33)], view, 200, 100, 1);
    const line = ctx.calls.slice(calls).filter((c) => ['moveTo', 'lineTo'].includes(c.name) && c.globalCompositeOperation === 'source-over');
    // The line goes on from where the run stood, (1, 0), through the three new points.
    const first = line.findIndex((c) => c.name === 'lineTo');
    expect(line[first - 1]).toMatchObject({ name: 'moveTo', args: [110, 50] });
    expect(line.slice(first).map((c) => c.args)).toEqual([[100, 30], [120, 30], [120, 70]]);
  });

  it('redraws whole for a new view, size, run list, colour, buffer or a thinned path', () => {
    const points = zigzag(500);
    const changes: Array<[string, (paths: PathLayer) => void]> = [
      ['view', (p) => p.update([path(points, 500, { x: [-10, 9], y: [-5, 5] })], { x: [-10, 9], y: [-5, 5] }, 200, 100, 1)],
      // The same decimated path asked for another view or size than the layer holds.
      ['view asked', (p) => p.update([path(points, 500)], { x: [-10, 9], y: [-5, 5] }, 200, 100, 1)],
      ['width asked', (p) => p.update([path(points, 500)], view, 201, 100, 1)],
      ['size', (p) => p.update([path(points, 500)], view, 200, 100, 2)],
      ['runs', (p) => p.update([path(points, 500), path(zigzag(20, new Float64Array(60)), 20)], view, 200, 100, 1)],
      ['colour', (p) => p.update([path(points, 500, view, 1, '#D55E00')], view, 200, 100, 1)],
      ['buffer', (p) => p.update([path(zigzag(500), 500)], view, 200, 100, 1)],
      ['stride', (p) => p.update([path(points, 500, view, 2)], view, 200, 100, 1)],
      ['forgotten', (p) => { p.forget(); p.update([path(points, 500)], view, 200, 100, 1); }],
    ];
    for (const [what, change] of changes) {
      const { ctx, paths } = layer();
      paths.update([path(points, 100)], view, 200, 100, 1);
      change(paths);
      expect(ctx.count('clearRect'), what).toBe(2);
    }
  });
});
