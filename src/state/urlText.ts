/**
 * The text primitives of the link grammar: percent-encoding that never
 * throws, strict number and flag parsing. Problems become notices, not errors.
 */
import { quote } from './normalize';

/** Percent-encode, including the characters the run grammar uses itself. */
export function encodeText(text: string): string {
  return encodeURIComponent(text).replace(/[()!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Percent-encode a typed f(x, y) for the scene key fx=. Its own characters
 * ( ) * + , / are left as they are (all are legal in a fragment, and only
 * '&' and '=' separate scene keys), so "(x+1)*y" stays readable in the link.
 */
export function encodeExpression(text: string): string {
  return encodeURIComponent(text).replace(/%2B|%2C|%2F/g, (c) => decodeURIComponent(c));
}

/** Decode percent-encoding; a broken escape is kept as literal text (and reported once). */
export function decodeText(text: string, notices: string[]): string {
  try {
    return decodeURIComponent(text);
  } catch {
    pushOnce(notices, 'Part of this link had broken %-escapes; they were read as plain text.');
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try { return decodeURIComponent(run); } catch { return run; }
    });
  }
}

function pushOnce(notices: string[], notice: string): void {
  if (!notices.includes(notice)) notices.push(notice);
}

// Unambiguous on purpose: `\d+\.?\d*` can split a run of digits in n ways, and
// failing on 8,000 digits then backtracks ~n² times (180 ms per link here).
const numberPattern = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|infinity)$/i;

/** A number, or undefined (reported) when the text is not one. ±Infinity pass through to be clamped. */
export function parseNumber(text: string, what: string, notices: string[]): number | undefined {
  if (numberPattern.test(text)) return /infinity/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text);
  notices.push(`${what} ${quote(text)} is not a number; ignored it.`);
  return undefined;
}

export function parseNumbers(text: string, count: number, what: string, notices: string[]): number[] | undefined {
  const items = text.split(',');
  if (items.length !== count) {
    notices.push(`${what} needs ${count} numbers; ignored ${quote(text)}.`);
    return undefined;
  }
  const values = items.map((item) => parseNumber(item, what, notices));
  return values.every((v) => v !== undefined) ? values as number[] : undefined;
}

export function parseFlag(text: string, what: string, notices: string[]): boolean | undefined {
  const t = text.toLowerCase();
  if (t === '' || t === '1' || t === 'true' || t === 'yes') return true;
  if (t === '0' || t === 'false' || t === 'no') return false;
  notices.push(`${what} should be 0 or 1; ignored ${quote(text)}.`);
  return undefined;
}
