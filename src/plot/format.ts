/** Number formatting for axes, the legend and marker titles. */
import { format, precisionRound } from 'd3';

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
 * the plateau: 0.999, 0.9999 …), at most seven. A level within a hundredth
 * of its gap to a neighbour from zero reads 0: the lowest level is the
 * smallest value sampled, and a bowl whose minimum is 0 was labelled
 * 0.00072 under 0.2, 0.4 … Log-spaced levels near zero keep their digits
 * (their gaps are as small as they are).
 */
export function formatLevels(levels: readonly number[]): string[] {
  return levels.map((v, i) => {
    const gaps = [levels[i - 1], levels[i + 1]].filter((n) => n !== undefined && Number.isFinite(n)).map((n) => Math.abs(n - v));
    const zeroBelow = gaps.length > 0 ? Math.min(...gaps) * 1e-2 : 1e-12;
    const print = (value: number, precision: number) => formatValue(value, precision, zeroBelow);
    for (let precision = 2; precision < 7; precision++) {
      const label = print(v, precision);
      const clashes = (j: number) => j >= 0 && j < levels.length && print(levels[j], precision) === label;
      if (!clashes(i - 1) && !clashes(i + 1)) return label;
    }
    return print(v, 7);
  });
}

/**
 * Labels for axis ticks `step` apart: three significant digits, as the axes
 * always had, or more when the step needs them (d3's precisionRound). Deep in
 * a zoom the ticks 0.0672, 0.06722, 0.06724 … would all print "0.0672" at three.
 */
export function formatTicks(ticks: readonly number[], step: number): string[] {
  const precision = tickPrecision(step, Math.max(...ticks.map(Math.abs)));
  // A tick a thousandth of a step from zero is zero up to rounding, however small the step.
  const zeroBelow = Math.abs(step) * 1e-3;
  return ticks.map((value) => formatValue(value, precision, zeroBelow));
}

/** Significant digits for ticks `step` apart up to `largest`: at least three. */
function tickPrecision(step: number, largest: number): number {
  // d3 counts the digits of largest − step: none (NaN) when that is 0, as for the ticks −5, 0, 5.
  const needed = largest > Math.abs(step) ? precisionRound(step, largest) : 1;
  return Number.isFinite(needed) ? Math.max(3, needed) : 3;
}

/** Ticks written as tick = offset + n × 10^power, n the label: see offsetTicks. */
export interface OffsetTicks {
  labels: string[];
  offset: number;
  power: number;
}

/** The largest n an offset label may have: "−999" is narrower than "−0.05", which the left margin has always held. */
const maxOffsetLabel = 999;

/**
 * Ticks as small whole numbers n, tick = offset + n × 10^power, for an axis
 * whose full labels are too long to fit (−0.00888, or 1000000.0001 deep in a
 * zoom): 10^power is the step's decade, so n counts steps of 1, 2 or 5, and
 * the offset is a round number near the ticks, the one that leaves the
 * fewest digits to read in it and the labels together ("1" and 0 … 100
 * rather than "1.0005" and −50 … 50).
 */
export function offsetTicks(ticks: readonly number[], step: number): OffsetTicks {
  const power = Math.floor(Math.log10(Math.abs(step)));
  const unit = 10 ** power;
  const middle = (Math.min(...ticks) + Math.max(...ticks)) / 2;
  const counts = (offset: number) => ticks.map((value) => Math.round((value - offset) / unit));
  let best = { offset: roundTo(middle, power + 1), digits: Infinity };
  // Offsets on grids from one coarser than every tick (0 or a single digit) down to ten steps.
  for (let grid = Math.floor(Math.log10(Math.max(...ticks.map(Math.abs)))) + 1; grid > power; grid--) {
    const offset = roundTo(middle, grid);
    const widest = Math.max(...counts(offset).map(Math.abs));
    const digits = significantDigits(offset) + String(widest).length;
    // On a tie the finer grid: its labels are the shorter (0.067 and 20 … 40, not 0.07 and −280 … −260).
    if (widest <= maxOffsetLabel && digits <= best.digits) best = { offset, digits };
  }
  return { labels: counts(best.offset).map((n) => formatValue(n, 15)), offset: best.offset, power };
}

/** How many significant digits a number has as written: 0 for 0, 5 for 1.0005, 1 for 0.009. */
function significantDigits(value: number): number {
  if (value === 0) return 0;
  const [mantissa] = Math.abs(value).toExponential().split('e');
  return mantissa.replace('.', '').length;
}

/** `value` rounded to a multiple of 10^power, without the float noise of the product (0.009000000000000001). */
function roundTo(value: number, power: number): number {
  const rounded = Math.round(value / 10 ** power) * 10 ** power;
  return rounded === 0 ? 0 : Number(rounded.toPrecision(Math.max(1, Math.floor(Math.log10(Math.abs(rounded))) - power + 1)));
}

const superscripts: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/**
 * What an axis of offset ticks shows, as its name: "(y + 0.009) × 10⁵" for
 * ticks n = (y + 0.009) × 10⁵, so y = −0.00888 reads 12. A zero offset or
 * power is left out ("y × 10³", "(x − 1e+6)").
 */
export function offsetTitle(name: string, { offset, power }: Pick<OffsetTicks, 'offset' | 'power'>): string {
  const shifted = offset === 0 ? name : `(${name} ${offset < 0 ? '+' : '−'} ${formatValue(Math.abs(offset), 15)})`;
  if (power === 0) return shifted;
  const exponent = -power === 1 ? '' : [...String(-power)].map((c) => superscripts[c]).join('');
  return `${shifted} × 10${exponent}`;
}
