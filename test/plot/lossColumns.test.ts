import { describe, expect, it } from 'vitest';
import { lossColumns, lossRange, type LossColumns } from '../../src/plot/lossColumns';

/** x, y, f points with f from `losses` (NaN breaks the line). */
function buffer(losses: number[]): Float64Array {
  const out = new Float64Array(3 * losses.length);
  losses.forEach((f, k) => out.set([k, -k, f], 3 * k));
  return out;
}

const entries = (c: LossColumns) => Array.from({ length: c.count }, (_, i) =>
  [c.column[i], c.first[i], c.low[i], c.high[i], c.last[i], c.breakBefore[i]]);

// A noisy descent with a few non-finite losses, 20,000 steps over 300 pixel columns.
const losses = Array.from({ length: 20_000 }, (_, k) => (k % 4_111 === 5 ? NaN : 1 + 100 / (k + 1) + 0.3 * Math.sin(k * 1.7)));
const px = (k: number) => 40 + (k * 300) / 19_999;

describe('lossColumns and lossRange', () => {
  it('extended chunk by chunk, give exactly what one reading of the whole run gives', () => {
    const growing = buffer(losses);
    for (const n of [1, 2, 130, 131, 4_000, 4_116, 4_117, 9_999, 20_000]) {
      lossColumns(growing, n, px, 'k');
      lossRange(growing, n);
    }
    const fresh = buffer(losses);
    expect(entries(lossColumns(growing, 20_000, px, 'k'))).toEqual(entries(lossColumns(fresh, 20_000, px, 'k')));
    expect({ ...lossRange(growing, 20_000) }).toEqual({ ...lossRange(fresh, 20_000) });
  });

  it('match a point-by-point reduction for dense, sparse and stepped x mappings, read in any chunks', () => {
    // The definition: a point joins the last entry when it is finite, no non-finite loss came
    // since, and it falls in the same column; otherwise it starts an entry.
    const reference = (values: number[], n: number, map: (k: number) => number) => {
      const out: number[][] = [];
      let broken = false;
      for (let k = 0; k < n; k++) {
        const f = values[k];
        if (!Number.isFinite(f)) {
          broken = true;
          continue;
        }
        const column = Math.floor(map(k));
        const e = out.at(-1);
        if (e && !broken && e[0] === column) {
          e[2] = Math.min(e[2], f);
          e[3] = Math.max(e[3], f);
          e[4] = f;
        } else out.push([column, f, f, f, f, broken ? 1 : 0]);
        broken = false;
      }
      return out;
    };
    const noisy = Array.from({ length: 5_000 }, (_, k) => (k % 977 === 3 || k % 1_601 === 4 || k === 1_000 || k === 1_001 ? (k % 2 ? Infinity : NaN) : Math.sin(k * 0.37) + 3 / (k + 1)));
    const maps: Array<(k: number) => number> = [
      (k) => 40 + (k * 300) / 4_999, // ~17 steps a column
      (k) => 3 * k, // a step per three columns
      (k) => 40 + (k * 1) / 4_999, // every step in one or two columns
      () => 7, // a flat mapping
      (k) => (k < 2_500 ? 10 : 10 + Math.sqrt(k - 2_500)), // flat, then ever wider columns
    ];
    maps.forEach((map, m) => {
      const whole = lossColumns(buffer(noisy), 5_000, map, `m${m}`);
      expect(entries(whole)).toEqual(reference(noisy, 5_000, map));
      const chunked = buffer(noisy);
      for (const n of [1, 2, 3, 4, 5, 6, 977, 980, 999, 1_001, 1_002, 1_003, 2_500, 2_501, 4_998, 5_000]) {
        expect(entries(lossColumns(chunked, n, map, `m${m}`))).toEqual(reference(noisy, n, map));
      }
    });
  });

  it('reduce each column to its first, lowest, highest and last loss, and mark where the line breaks', () => {
    const c = lossColumns(buffer([5, 3, 9, 4, NaN, 7, 8, 1, 2]), 9, (k) => (k < 6 ? 0 : 1), 'k');
    expect(entries(c)).toEqual([[0, 5, 3, 9, 4, 0], [0, 7, 7, 7, 7, 1], [1, 8, 1, 8, 2, 0]]);
    const range = lossRange(buffer([NaN, -2, 5, 1]), 4);
    expect([range.startMagnitude, range.min, range.max]).toEqual([2, -2, 5]);
  });

  it('start again for another x mapping, a shorter prefix, or a buffer refilled with other losses', () => {
    const points = buffer(losses);
    const whole = entries(lossColumns(points, 20_000, px, 'k'));
    const wider = (k: number) => 2 * px(k);
    expect(entries(lossColumns(points, 20_000, wider, 'wide'))).toEqual(entries(lossColumns(buffer(losses), 20_000, wider, 'wide')));
    expect(entries(lossColumns(points, 100, px, 'k'))).toEqual(entries(lossColumns(buffer(losses), 100, px, 'k')));
    expect(whole.length).toBeGreaterThan(300);
    // The range was read up to step 99; other losses written over it are read afresh.
    expect(lossRange(points, 100).max).toBeLessThan(200);
    points[3 * 99 + 2] = 1e6;
    expect(lossRange(points, 200).max).toBe(1e6);
  });
});
