import { describe, expect, it } from 'vitest';
import { formatLevels, formatTicks, formatValue, offsetTicks, offsetTitle } from '../../src/plot/format';

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
      ['0', '0.5', '0.9', '0.999', '0.9995', '0.9999', '1'],
    );
    expect(formatLevels([0, 2, 4, 6])).toEqual(['0', '2', '4', '6']);
  });

  it('reads a lowest level that is zero at the legend\'s scale as 0, and keeps the digits of log levels near zero', () => {
    // A bowl's sampled minimum, a hair above its true 0.
    expect(formatLevels([7.2e-4, 0.2, 0.4, 0.6])).toEqual(['0', '0.2', '0.4', '0.6']);
    expect(formatLevels([-0.15, 0.0004, 0.15])).toEqual(['−0.15', '0', '0.15']);
    // Log-spaced: the gaps are as small as the levels, nothing is rounded away.
    expect(formatLevels([7.2e-4, 1e-3, 2e-3, 5e-3])).toEqual(['7.2e−4', '0.001', '0.002', '0.005']);
    expect(formatLevels([3e-7, 1e-6, 1e-5])).toEqual(['3e−7', '1e−6', '1e−5']);
  });
});

describe('formatTicks', () => {
  it('writes everyday ticks in three significant digits, as the axes always had', () => {
    expect(formatTicks([-10, -5, 0, 5, 10], 5)).toEqual(['−10', '−5', '0', '5', '10']);
    expect(formatTicks([-5, 0, 5], 5)).toEqual(['−5', '0', '5']);
    expect(formatTicks([0.2, 0.4, 0.6000000000000001], 0.2)).toEqual(['0.2', '0.4', '0.6']);
  });

  it('gives deep-zoom ticks the digits their step needs, so no two print alike', () => {
    expect(formatTicks([0.0672, 0.06722, 0.06724], 2e-5)).toEqual(['0.0672', '0.06722', '0.06724']);
    expect(formatTicks([-0.00888, -0.00886], 2e-5)).toEqual(['−0.00888', '−0.00886']);
    expect(formatTicks([1e6, 1e6 + 2e-4, 1e6 + 4e-4], 2e-4)).toEqual(['1e+6', '1.0000000002e+6', '1.0000000004e+6']);
  });

  it('calls zero a tick that is zero up to rounding, however small the step', () => {
    expect(formatTicks([-2e-13, 1e-28, 2e-13], 2e-13)).toEqual(['−2e−13', '0', '2e−13']);
  });
});

describe('offsetTicks', () => {
  it('counts steps from the roundest offset that keeps the counts within two digits', () => {
    const ticks = [-0.0089, -0.00888, -0.00886, -0.00884, -0.00882, -0.0088, -0.00878, -0.00876];
    expect(offsetTicks(ticks, 2e-5)).toEqual({ labels: ['10', '12', '14', '16', '18', '20', '22', '24'], offset: -0.009, power: -5 });
    expect(offsetTicks([1e6, 1e6 + 5e-4, 1e6 + 1e-3], 5e-4)).toEqual({ labels: ['0', '5', '10'], offset: 1e6, power: -4 });
    expect(offsetTicks([-0.01, -0.005, 0, 0.005, 0.01], 0.005)).toEqual({ labels: ['−10', '−5', '0', '5', '10'], offset: 0, power: -3 });
  });

  it('weighs the offset\'s digits against the labels\'', () => {
    const ticks = Array.from({ length: 21 }, (_, i) => 1 + i * 5e-5);
    // "1" and 0, 5 … 100, not "1.0005" and −50 … 50.
    const fromOne = offsetTicks(ticks, 5e-5);
    expect([fromOne.offset, fromOne.power, fromOne.labels[0], fromOne.labels[20]]).toEqual([1, -5, '0', '100']);
    // A tie goes to the shorter labels: "0.067" and 20 … 40, not "0.07" and −280 … −260.
    expect(offsetTicks([0.0672, 0.06725, 0.0673, 0.06735, 0.0674], 5e-5)).toEqual({ labels: ['20', '25', '30', '35', '40'], offset: 0.067, power: -5 });
  });
});

describe('offsetTitle', () => {
  it('states the offset and the power the labels are counted in', () => {
    expect(offsetTitle('y', { offset: -0.009, power: -5 })).toBe('(y + 0.009) × 10⁵');
    expect(offsetTitle('x', { offset: 1e6, power: -4 })).toBe('(x − 1e+6) × 10⁴');
    expect(offsetTitle('y', { offset: 0, power: -3 })).toBe('y × 10³');
    expect(offsetTitle('w', { offset: 123460, power: -1 })).toBe('(w − 1.2346e+5) × 10');
    expect(offsetTitle('b', { offset: 1e6, power: 2 })).toBe('(b − 1e+6) × 10⁻²');
    expect(offsetTitle('x', { offset: 5, power: 0 })).toBe('(x − 5)');
  });
});
