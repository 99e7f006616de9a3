import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInspected, formatPair, parseInspected } from '../../src/inspector/format';

describe('formatInspected', () => {
  it('writes six significant digits, trailing zeros dropped, with a real minus sign', () => {
    expect(formatInspected(-6.610653)).toBe('−6.61065');
    expect(formatInspected(0.1)).toBe('0.1');
    expect(formatInspected(3.1568362645)).toBe('3.15684');
    expect(formatInspected(123456.7)).toBe('123457');
    expect(formatInspected(9.9999996)).toBe('10');
    expect(formatInspected(0.000123456789)).toBe('0.000123457');
  });

  it('switches to an exponent below 1e−4 and from 1e6 on, like %g', () => {
    expect(formatInspected(1e-8)).toBe('1e−8');
    expect(formatInspected(-2.5e-5)).toBe('−2.5e−5');
    expect(formatInspected(1234567)).toBe('1.23457e6');
    expect(formatInspected(999999.7)).toBe('1e6');
  });

  it('never writes NaN or Infinity', () => {
    expect(formatInspected(NaN)).toBe('—');
    expect(formatInspected(Infinity)).toBe('∞');
    expect(formatInspected(-Infinity)).toBe('−∞');
    expect(formatInspected(-0)).toBe('0');
  });

  it('reads back within half a unit in the sixth digit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const back = parseInspected(formatInspected(value));
        if (value === 0) return back === 0;
        return Math.abs(back - value) <= 5e-6 * Math.abs(value) * 1.0000001;
      }),
    );
  });

  it('writes a pair in parentheses', () => {
    expect(formatPair([-1.87047, 7.96])).toBe('(−1.87047, 7.96)');
  });
});
