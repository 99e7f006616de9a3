import { describe, expect, it } from 'vitest';
import { formatLevels, formatValue } from '../../src/plot/format';

describe('formatValue', () => {
  it('writes everyday magnitudes as plain decimals and the extremes with exponents', () => {
    expect(formatValue(2500)).toBe('2500');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(1.8e5)).toBe('1.8e+5');
    expect(formatValue(1e-7)).toBe('1e−7');
    expect(formatValue(0.00058)).toBe('5.8e−4');
  });

  it('uses a real minus sign and names the non-finite values', () => {
    expect(formatValue(-0.5)).toBe('−0.5');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('−∞');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(1e-17)).toBe('0');
    expect(formatValue(0)).toBe('0');
  });

  it('writes tiny powers of ten as themselves when asked not to round to zero (log axes)', () => {
    expect(formatValue(1e-14, 2, 0)).toBe('1e−14');
    expect(formatValue(1e-21, 2, 0)).toBe('1e−21');
    expect(formatValue(0, 2, 0)).toBe('0');
  });
});

describe('formatLevels', () => {
  it('adds digits only where neighbouring levels would print alike', () => {
    expect(formatLevels([0.0012711, 0.5, 0.9, 0.999, 0.9995, 0.9999, 1])).toEqual(
      ['0.0013', '0.5', '0.9', '0.999', '0.9995', '0.9999', '1'],
    );
    expect(formatLevels([0, 2, 4, 6])).toEqual(['0', '2', '4', '6']);
  });
});
