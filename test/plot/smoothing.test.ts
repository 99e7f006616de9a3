import { describe, expect, it } from 'vitest';
import { ewa, ewaStrided, ewaWindow } from '../../src/plot/smoothing';

// The notes' temperature in London: θ₁ = 40°F, θ₂ = 49°F, θ₃ = 45°F, β = 0.9, v₀ = 0.
const london = [40, 49, 45];

describe('ewa', () => {
  it('reproduces the temperature example by hand: v₁ = 4, v₂ = 8.5, v₃ = 12.15', () => {
    const v = ewa(london, 0.9, false);
    // v₁ = 0.1·40; v₂ = 0.9·4 + 0.1·49; v₃ = 0.9·8.5 + 0.1·45
    expect(v[0]).toBeCloseTo(4, 12);
    expect(v[1]).toBeCloseTo(8.5, 12);
    expect(v[2]).toBeCloseTo(12.15, 12);
  });

  it('divides by 1 − β^t with bias correction: 40, 8.5/0.19, 12.15/0.271', () => {
    const v = ewa(london, 0.9, true);
    expect(v[0]).toBeCloseTo(40, 12);
    expect(v[1]).toBeCloseTo(8.5 / 0.19, 12);
    expect(v[1]).toBeCloseTo(44.7368, 4);
    expect(v[2]).toBeCloseTo(12.15 / 0.271, 12);
    expect(v[2]).toBeCloseTo(44.8339, 4);
  });

  it('weighs the value n days back by 0.1 × 0.9ⁿ, as the notes expand v₁₀₀', () => {
    for (const n of [0, 1, 2, 10]) {
      const impulse = new Array(100).fill(0);
      impulse[99 - n] = 1;
      expect(ewa(impulse, 0.9, false)[99]).toBeCloseTo(0.1 * 0.9 ** n, 14);
    }
  });

  it('averages about 1/(1 − β) values: after that many steps of a new level it has covered 1 − 1/e of the way', () => {
    for (const beta of [0.5, 0.9, 0.98]) {
      const window = ewaWindow(beta);
      const level = new Array(Math.round(window)).fill(1);
      const reached = ewa(level, beta, false)[level.length - 1];
      // (1 − ε)^(1/ε) ≈ 1/e; 0.5 (two days) is the coarsest case: 1 − 0.25 = 0.75.
      expect(reached).toBeGreaterThan(1 - 1 / Math.E - 0.02);
      expect(reached).toBeLessThanOrEqual(0.75 + 1e-12);
    }
    expect(ewaWindow(0.9)).toBeCloseTo(10, 12);
    expect(ewaWindow(0.5)).toBeCloseTo(2, 12);
  });

  it('starts low without bias correction and reads a constant exactly with it', () => {
    const constant = new Array(30).fill(60);
    const raw = ewa(constant, 0.9, false);
    const corrected = ewa(constant, 0.9, true);
    expect(raw[0]).toBeCloseTo(6, 12);
    raw.forEach((v, k) => expect(v).toBeCloseTo(60 * (1 - 0.9 ** (k + 1)), 10));
    corrected.forEach((v) => expect(v).toBeCloseTo(60, 10));
  });

  it('returns the values themselves for β = 0, corrected or not', () => {
    expect([...ewa([3, -1, 7], 0, false)]).toEqual([3, -1, 7]);
    expect([...ewa([3, -1, 7], 0, true)]).toEqual([3, -1, 7]);
  });

  it('skips a non-finite value: its slot is NaN and the average carries on as if it were absent', () => {
    const withGap = ewa([40, NaN, 49, Infinity, 45], 0.9, true);
    const without = ewa(london, 0.9, true);
    expect(withGap[1]).toBeNaN();
    expect(withGap[3]).toBeNaN();
    expect(withGap[0]).toBeCloseTo(without[0], 12);
    expect(withGap[2]).toBeCloseTo(without[1], 12);
    expect(withGap[4]).toBeCloseTo(without[2], 12);
  });

  it('reads f straight out of an x, y, f interleaved trajectory buffer', () => {
    const points = new Float64Array([0, 0, 40, 1, 1, 49, 2, 2, 45]);
    const out = ewaStrided(points, 3, 3, 2, 0.9, false, new Float64Array(3));
    expect([...out].map((v) => Number(v.toFixed(10)))).toEqual([4, 8.5, 12.15]);
  });
});
