import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { maxVerticesFor, paintTrajectories, type PaintedRun } from '../../src/plot/paintTrajectories';
import { createRecordingContext, pointsOf } from './fakeContext';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };
const width = 400;
const height = 200;

function run(points: Float64Array, status: PaintedRun['status'] = 'budget', color = '#0072B2'): PaintedRun {
  return { points, count: points.length / 3, color, status };
}

function paint(runs: PaintedRun[], extra: { upTo?: number; hoverStep?: number | null } = {}) {
  const ctx = createRecordingContext();
  paintTrajectories(ctx, { runs, view, width, height, upTo: extra.upTo ?? Infinity, hoverStep: extra.hoverStep });
  return ctx;
}

describe('paintTrajectories', () => {
  it('draws a 100,000-step run along a line with at most two vertices per pixel of path', () => {
    const n = 100_000;
    const points = new Float64Array(3 * n);
    // From (−8, 0) to (8, 0): 320 px of path.
    for (let k = 0; k < n; k++) points.set([-8 + (16 * k) / (n - 1), 0, 0], 3 * k);
    const ctx = paint([run(points)]);
    const lineTos = ctx.count('lineTo');
    expect(lineTos).toBeGreaterThan(100);
    expect(lineTos).toBeLessThanOrEqual(2 * 320 + 2);
  });

  it('keeps a chaotic 100,000-step run under the vertex budget', () => {
    const n = 100_000;
    const points = new Float64Array(3 * n);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < n; k++) points.set([-10 + 20 * random(), -5 + 10 * random(), 1], 3 * k);
    const ctx = paint([run(points)]);
    expect(ctx.count('lineTo')).toBeLessThanOrEqual(maxVerticesFor(width, height) + 1);
  });

  it('collapses the steps piled up at a minimum into a handful of vertices', () => {
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 10_000; k++) list.push([5 * 0.5 ** k, 0]);
    const ctx = paint([run(pointsOf(list))]);
    // 5 units = 100 px, halving: about log2(200) distinct half-pixel cells.
    expect(ctx.count('lineTo')).toBeLessThan(20);
    // The line still ends at the last iterate, where the head dot is.
    const lines = ctx.named('lineTo');
    expect(lines[lines.length - 1].args).toEqual([200, 100]);
  });

  it('skips non-finite points and never passes them to the context', () => {
    const points = pointsOf([[0, 0], [1, 1], [NaN, 2], [2, Infinity], [3, 3], [-Infinity, 0]]);
    const ctx = paint([run(points)]);
    for (const call of ctx.calls) {
      if (['moveTo', 'lineTo', 'arc'].includes(call.name)) {
        for (const a of call.args.slice(0, 2)) expect(Number.isFinite(a as number)).toBe(true);
      }
    }
    // The gap breaks the line: two pieces, two moveTo calls.
    expect(ctx.count('moveTo')).toBe(2);
  });

  it('marks a diverged run with a cross at its last finite point', () => {
    const points = pointsOf([[0, 0], [2, 1], [-4, -2], [NaN, NaN]]);
    const ctx = paint([run(points, 'diverged', '#D55E00')]);
    // (−4, −2) is pixel (120, 140); the cross's arms reach 6 px out.
    const lineTos = ctx.named('lineTo').map((c) => c.args);
    expect(lineTos).toContainEqual([126, 146]);
    expect(lineTos).toContainEqual([126, 134]);
    // No filled head dot for a diverged run.
    expect(ctx.named('fill')).toHaveLength(0);
  });

  it('draws a hollow start, a filled head at the last step shown and nothing past upTo', () => {
    const points = pointsOf([[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]]);
    const ctx = paint([run(points)], { upTo: 2 });
    const arcs = ctx.named('arc').map((c) => c.args.slice(0, 3));
    expect(arcs).toContainEqual([200, 100, 5]); // start ring
    expect(arcs).toContainEqual([240, 100, 4]); // head at step 2
    expect(ctx.named('lineTo').every((c) => (c.args[0] as number) <= 240)).toBe(true);
    // Exactly one fill: the head. The start stays hollow.
    expect(ctx.count('fill')).toBe(1);
  });

  it('rings the hovered step on every run that reached it', () => {
    const a = pointsOf([[0, 0], [1, 0], [2, 0]]);
    const b = pointsOf([[0, 1], [1, 1]]);
    const ctx = paint([run(a), run(b, 'converged', '#009E73')], { hoverStep: 2 });
    const rings = ctx.named('arc').filter((c) => c.args[2] === 7);
    expect(rings.map((c) => c.args.slice(0, 2))).toEqual([[240, 100]]);
  });

  it('draws nothing but a clear for runs with no points or a negative upTo', () => {
    const ctx = paint([run(new Float64Array(0))]);
    expect(ctx.calls.filter((c) => c.name !== 'clearRect' && c.name !== 'save' && c.name !== 'restore')).toEqual([]);
    const none = paint([run(pointsOf([[0, 0], [1, 1]]))], { upTo: -1 });
    expect(none.count('lineTo') + none.count('arc')).toBe(0);
  });
});
