/** Number formatting for axes, the legend and marker titles. */
import { format } from 'd3';

const cache = new Map<string, (n: number) => string>();

function formatter(specifier: string): (n: number) => string {
  let f = cache.get(specifier);
  if (!f) {
    f = format(specifier);
    cache.set(specifier, f);
  }
  return f;
}

/**
 * A value in at most `precision` significant digits, trailing zeros dropped,
 * with a real minus sign: plain decimals from 0.001 to 99,999 (2500, not
 * 2.5e+3), exponents outside (1e−7, 1.8e+5), so an axis never mixes 0.00001 with 1e−7.
 */
export function formatValue(value: number, precision = 2, zeroBelow = 1e-12): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  // Values that are zero up to rounding (a level at 1e−17) read better as 0;
  // a log axis's ticks are powers of ten, however small, and pass zeroBelow = 0.
  if (value === 0 || Math.abs(value) < zeroBelow) return '0';
  const magnitude = Math.abs(value);
  const plain = magnitude >= 1e-3 && magnitude < 1e5;
  // d3's e precision counts digits after the point, r counts significant digits.
  const specifier = plain ? `.${precision}~r` : `.${Math.max(0, precision - 1)}~e`;
  return formatter(specifier)(value).replace('e-', 'e−');
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
