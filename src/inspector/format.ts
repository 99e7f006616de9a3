/**
 * How the inspector writes numbers: six significant digits everywhere, like
 * C's %.6g (trailing zeros dropped, an exponent below 1e−4 and from 1e6 on),
 * with a real minus sign. A learner compares these with hand calculations,
 * so every number gets the same precision, and nothing ever reads "NaN".
 */

/** Significant digits of every number the inspector shows. */
export const inspectorDigits = 6;

/** A finite number in six significant digits; ±∞ as "∞" / "−∞"; NaN as "—" (never seen on an accepted step). */
export function formatInspected(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(inspectorDigits)))));
  let text: string;
  if (exponent < -4 || exponent >= inspectorDigits) {
    const [mantissa, power] = value.toExponential(inspectorDigits - 1).split('e');
    text = `${trimZeros(mantissa)}e${power.replace('+', '')}`;
  } else {
    text = trimZeros(value.toFixed(Math.max(0, inspectorDigits - 1 - exponent)));
  }
  return text.replace(/-/g, '−');
}

/** "(a, b)" with both parts formatted. */
export function formatPair(pair: readonly [number, number]): string {
  return `(${formatInspected(pair[0])}, ${formatInspected(pair[1])})`;
}

/** Reads a number written by formatInspected back (tests and the browser test use it). */
export function parseInspected(text: string): number {
  const clean = text.trim().replace(/−/g, '-').replace('∞', 'Infinity');
  return clean === '—' ? NaN : Number(clean);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
