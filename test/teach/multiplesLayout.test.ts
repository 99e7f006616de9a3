import { describe, expect, it } from 'vitest';
import { minPanelWidth, multiplesLayout, multiplesGap } from '../../src/teach/multiplesLayout';

describe('multiplesLayout', () => {
  it('puts two runs side by side, three or four in a 2 × 2 square, more in rows of three', () => {
    const shape = (n: number) => {
      const { rows, columns } = multiplesLayout(n, 1200);
      return `${rows}×${columns}`;
    };
    expect(shape(1)).toBe('1×1');
    expect(shape(2)).toBe('1×2');
    expect(shape(3)).toBe('2×2');
    expect(shape(4)).toBe('2×2');
    expect(shape(5)).toBe('2×3');
    expect(shape(6)).toBe('2×3');
    expect(shape(7)).toBe('3×3');
    expect(shape(12)).toBe('4×3');
    expect(multiplesLayout(0, 1200).rows).toBe(0);
  });

  it('fills the width exactly, gaps included, without overflowing', () => {
    for (const width of [600, 901, 1200]) {
      for (const n of [2, 4, 6]) {
        const { columns, panelWidth, gap } = multiplesLayout(n, width);
        const used = columns * panelWidth + (columns - 1) * gap;
        expect(used).toBeLessThanOrEqual(width);
        expect(width - used).toBeLessThan(columns);
      }
    }
  });

  it('drops columns on a narrow box rather than draw unreadable panels: a phone shows one', () => {
    expect(multiplesLayout(4, 360).columns).toBe(1);
    expect(multiplesLayout(4, 360).rows).toBe(4);
    expect(multiplesLayout(6, 2 * minPanelWidth + multiplesGap).columns).toBe(2);
    for (const n of [2, 4, 9]) expect(multiplesLayout(n, 700).panelWidth).toBeGreaterThanOrEqual(minPanelWidth);
  });

  it('keeps panel heights between 180 and 420 pixels', () => {
    expect(multiplesLayout(2, 200).panelHeight).toBe(180);
    expect(multiplesLayout(2, 3000).panelHeight).toBe(420);
    const mid = multiplesLayout(2, 900);
    expect(mid.panelHeight).toBe(Math.round(mid.panelWidth * 0.66));
  });
});
