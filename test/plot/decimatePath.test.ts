import { describe, expect, it } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { decimatedPath } from '../../src/plot/decimatePath';

// 1 unit = 20 px on both axes; (0, 0) is the centre of the 400 × 200 box.
const view: ViewBox = { x: [-10, 10], y: [-5, 5] };
const width = 400;
const height = 200;

function points(list: Array<[number, number]>): Float64Array {
  const out = new Float64Array(3 * list.length);
  list.forEach(([x, y], k) => out.set([x, y, 0], 3 * k));
  return out;
}

/** The vertices as [x, y] pairs, null where the pen lifts. */
function pairs(buffer: Float64Array, n: number, v = view): Array<[number, number] | null> {
  const { vertices, count } = decimatedPath(buffer, n, v, width, height);
  return Array.from({ length: count }, (_, i) => (Number.isNaN(vertices[2 * i]) ? null : [vertices[2 * i], vertices[2 * i + 1]]));
}

/** A run oscillating between three points far apart, as Adam does around a minimum at a constant learning rate. */
function oscillation(steps: number): Array<[number, number]> {
  const corners: Array<[number, number]> = [[0, 0], [1, 0], [0.5, 1]];
  return Array.from({ length: steps }, (_, k) => corners[k % 3]);
}

describe('decimatedPath', () => {
  it('draws a segment crossed back and forth 30,000 times only once', () => {
    const list = oscillation(30_000);
    const drawn = pairs(points(list), list.length).filter((p) => p !== null);
    // The triangle's three sides, plus at most a restart vertex per side and the head.
    expect(drawn.length).toBeLessThanOrEqual(8);
    const corners = new Set(drawn.map((p) => p!.join(',')));
    expect(corners).toEqual(new Set(['200,100', '220,100', '210,80']));
  });

  it('lifts the pen rather than joining two segments that are not consecutive', () => {
    // Out along a line and back over it, then off sideways: the way back adds nothing,
    // so the line resumes at the turn with a pen lift, not with a diagonal shortcut.
    const list: Array<[number, number]> = [[0, 0], [1, 0], [2, 0], [1, 0], [0, 0], [0, 1]];
    const result = pairs(points(list), list.length);
    expect(result).toEqual([[200, 100], [220, 100], [240, 100], null, [200, 100], [200, 80]]);
  });

  it('extends a growing run to exactly the path of the whole run computed afresh', () => {
    const list: Array<[number, number]> = [];
    for (let k = 0; k < 3000; k++) list.push([6 * Math.cos(k / 40) * Math.exp(-k / 900), 3 * Math.sin(k / 25) * Math.exp(-k / 1200)]);
    list[1700] = [NaN, 0];
    const buffer = points(list);
    for (const n of [1, 2, 500, 501, 1699, 1700, 1701, 2400]) pairs(buffer, n);
    const grown = pairs(buffer, list.length);
    const fresh = pairs(points(list), list.length);
    expect(grown).toEqual(fresh);
  });

  it('ends the line at the last point even when it lies in the last cell, and moves on from there when the run grows', () => {
    const list: Array<[number, number]> = [[0, 0], [1, 0], [1.0078125, 0]];
    const buffer = points([...list, [2, 0]]);
    expect(pairs(buffer, 3)).toEqual([[200, 100], [220, 100], [220.15625, 100]]);
    // The head's extra vertex was not kept: the next segment starts where the cell was entered.
    expect(pairs(buffer, 4)).toEqual([[200, 100], [220, 100], [240, 100]]);
  });

  it('rebuilds the path for another view, a shorter prefix, or a buffer refilled with other points', () => {
    const buffer = points([[0, 0], [1, 0], [2, 0]]);
    expect(pairs(buffer, 3)).toEqual([[200, 100], [220, 100], [240, 100]]);
    const zoomed: ViewBox = { x: [0, 20], y: [-5, 5] };
    expect(pairs(buffer, 3, zoomed)).toEqual([[0, 100], [20, 100], [40, 100]]);
    expect(pairs(buffer, 2)).toEqual([[200, 100], [220, 100]]);
    buffer.set([0, 1, 0, 0, 2, 0], 0);
    expect(pairs(buffer, 2)).toEqual([[200, 80], [200, 60]]);
  });
});
