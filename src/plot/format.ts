/** Number formatting for axes, the legend and marker titles. */
import { format } from 'd3';

const byPrecision = new Map<number, (n: number) => string>();

function formatter(precision: number): (n: number) => string {
  let f = byPrecision.get(precision);
  if (!f) {
    f = format(`.${precision}~g`);
    byPrecision.set(precision, f);
  }
  return f;
}

/** A value in at most `precision` significant digits, trailing zeros dropped, with a real minus sign. */
export function formatValue(value: number, precision = 2): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  // Values that are zero up to rounding (a level at 1e−17) read better as 0.
  if (Math.abs(value) < 1e-12) return '0';
  return formatter(precision)(value);
}

/**
 * Labels for an ascending list of levels: two significant digits, more for a
 * label that would otherwise print like a neighbour (levels just under 1 on
 * the plateau: 0.999, 0.9999 …), at most seven.
 */
export function formatLevels(levels: readonly number[]): string[] {
  return levels.map((v, i) => {
    for (let precision = 2; precision < 7; precision++) {
      const label = formatValue(v, precision);
      const clashes = (j: number) => j >= 0 && j < levels.length && formatValue(levels[j], precision) === label;
      if (!clashes(i - 1) && !clashes(i + 1)) return label;
    }
    return formatValue(v, 7);
  });
}
