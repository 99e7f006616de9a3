import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { maxVerticesFor, paintTrajectories, type PaintedRun } from '../../src/plot/paintTrajectories';
import { pieceVertices } from '../../src/plot/strokePath';
import { haloColor } from '../../src/plot/colors';
import { createRecordingContext, pointsOf } from './fakeContext';

const view: ViewBox = { x: [-10, 10], y: [-5, 5] };
const width = 400;
const height = 200;

function run(points: Float64Array, status: PaintedRun['status'] = 'budget', color = '#0072B2'): PaintedRun {
  return { points, count: points.length / 3, color, status };
}

/** Calls of `name` made while drawing the run's coloured line (not its casing, which traces the same path first). */
function onLine(ctx: ReturnType<typeof createRecordingContext>, name: string, color = '#0072B2') {
  return ctx.named(name).filter((c) => c.strokeStyle === color);
}

function paint(runs: PaintedRun[], extra: { upTo?: number; hoverStep?: number | null } = {}) {
  const ctx = createRecordingContext();
  paintTrajectories(ctx, { runs, view, width, height, upTo: extra.upTo ?? Infinity, hoverStep: extra.hoverStep });
  return ctx;
}

describe('paintTrajectories', () => {
  it('draws a run that stopped at its first step with its ✕ over the start every run shares', () => {
    // Run A left the domain at step 1: only its start, and its ✕ there. Run B, drawn after it, starts there too.
    const stopped = run(pointsOf([[0, 0, 1]]), 'diverged', '#0072B2');
    const going = run(pointsOf([[0, 0, 1], [2, 1, 0.5], [4, 2, 0.2]]), 'budget', '#D55E00');
    // A run still at its start (its first chunk not in yet) has its filled head there too.
    const waiting = run(pointsOf([[0, 0, 1]]), 'running', '#009E73');
    const ctx = paint([stopped, going, waiting]);
    // Every ring and head (arcs) comes before the ✕'s coloured stroke.
    const lastArc = ctx.calls.map((c) => c.name).lastIndexOf('arc');
    const crossStroke = ctx.calls.findIndex((c) => c.name === 'stroke' && c.strokeStyle === '#0072B2' && c.lineWidth === 2.5);
    expect(crossStroke).toBeGreaterThan(lastArc);
  });

  it('draws a 100,000-step run along a line with at most two vertices per pixel of path', () => {
    const n = 100_000;
    const points = new Float64Array(3 * n);
    // From (−8, 0) to (8, 0): 320 px of path.
    for (let k = 0; k < n; k++) points.set([-8 + (16 * k) / (n - 1), 0, 0], 3 * k);
    const ctx = paint([run(points)]);
    const lineTos = onLine(ctx, 'lineTo').length;
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
    // Pieces repeat their first vertex as a moveTo, not a lineTo.
    expect(onLine(ctx, 'lineTo').length).toBeLessThanOrEqual(maxVerticesFor(width, height) + 1);
  });

  it('collapses the steps piled up at a minimum into a handful of vertices', () => {
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 10_000; k++) list.push([5 * 0.5 ** k, 0]);
    const ctx = paint([run(pointsOf(list))]);
    // 5 units = 100 px, halving: about log2(200) distinct half-pixel cells.
    expect(onLine(ctx, 'lineTo').length).toBeLessThan(20);
    // The line still ends at the last iterate, where the head dot is.
    const lines = onLine(ctx, 'lineTo');
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
    // The gap breaks the line: two pieces, two moveTo calls (for the casing and again for the line).
    expect(onLine(ctx, 'moveTo')).toHaveLength(2);
    expect(ctx.count('moveTo')).toBe(4);
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

  it('strokes a long path in pieces that meet end to end, the whole casing before the whole line', () => {
    // A zig-zag of 1,000 steps across the view: every vertex is kept.
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 1000; k++) list.push([-9 + (18 * k) / 999, k % 2 ? 2 : -2]);
    const ctx = paint([run(pointsOf(list), 'budget', '#E69F00')]);
    const halo = haloColor('#E69F00');
    // The path's calls: everything before the markers (start ring, head), which are arcs.
    const markers = ctx.calls.findIndex((c) => c.name === 'arc');
    const pathCalls = ctx.calls.slice(0, markers).filter((c) => ['moveTo', 'lineTo', 'stroke'].includes(c.name));
    const lastHalo = pathCalls.map((c) => c.strokeStyle).lastIndexOf(halo);
    const firstLine = pathCalls.findIndex((c) => c.strokeStyle === '#E69F00');
    expect(lastHalo).toBeLessThan(firstLine);
    for (const style of [halo, '#E69F00']) {
      const calls = pathCalls.filter((c) => c.strokeStyle === style);
      // Pieces: each starts where the one before ended and holds at most pieceVertices vertices.
      const pieces: unknown[][][] = [];
      for (const c of calls) {
        if (c.name === 'moveTo') pieces.push([c.args]);
        else if (c.name === 'lineTo') pieces[pieces.length - 1].push(c.args);
      }
      expect(pieces.length).toBe(Math.ceil(999 / (pieceVertices - 1)));
      for (const [i, piece] of pieces.entries()) {
        expect(piece.length).toBeLessThanOrEqual(pieceVertices);
        if (i > 0) expect(piece[0]).toEqual(pieces[i - 1][pieces[i - 1].length - 1]);
      }
      expect(pieces.flat().length - (pieces.length - 1)).toBe(1000);
      expect(calls.filter((c) => c.name === 'stroke')).toHaveLength(pieces.length);
    }
  });

  it('gives every casing an opaque colour (translucent pieces would darken where they overlap)', () => {
    for (const color of ['#0072B2', '#E69F00', '#56B4E9', '#009E73']) expect(haloColor(color)).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('keeps a stroke to pieceVertices vertices also when the pen lifts again and again', () => {
    // Two-point pieces between non-finite points: the line never runs on for long.
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 1200; k++) list.push(k % 3 === 2 ? [NaN, NaN] : [-9 + (18 * k) / 1199, k % 2 ? 1 : -1]);
    const ctx = paint([run(pointsOf(list))]);
    const markers = ctx.calls.findIndex((c) => c.name === 'arc');
    let inStroke = 0;
    let strokes = 0;
    for (const c of ctx.calls.slice(0, markers)) {
      if (c.name === 'moveTo' || c.name === 'lineTo') inStroke++;
      if (c.name === 'stroke') {
        expect(inStroke).toBeLessThanOrEqual(pieceVertices);
        inStroke = 0;
        strokes++;
      }
    }
    // 800 vertices a pass, two passes (casing, line): at least ⌈800 / pieceVertices⌉ strokes each.
    expect(strokes).toBeGreaterThanOrEqual(2 * Math.ceil(800 / pieceVertices));
    expect(onLine(ctx, 'moveTo')).toHaveLength(400);
  });
});
