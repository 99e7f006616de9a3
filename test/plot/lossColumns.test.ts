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
