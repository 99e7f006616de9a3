import { describe, expect, it } from 'vitest';
import { hcl, lab, rgb } from 'd3';
import { isRamp, rampColors } from '../../src/plot/bandRamp';
import { bandColor, bandColors, bandRamp, contrastRatio, haloColor, runColor, runPalette } from '../../src/plot/colors';

/** CIE76 colour difference. */
function deltaE(a: string, b: string): number {
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

// Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear RGB.
const deficiencies = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
};

function simulate(color: string, matrix: number[][]): string {
  const toLinear = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const toGamma = (v: number) => 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  const { r, g, b } = rgb(color);
  const c = [toLinear(r), toLinear(g), toLinear(b)];
  const [R, G, B] = matrix.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
  return rgb(toGamma(R), toGamma(G), toGamma(B)).formatHex();
}

function pairs<T>(list: readonly T[]): Array<[T, T]> {
  return list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as [T, T]));
}

describe('run colours', () => {
  it('offers twelve distinct colours, one per allowed run', () => {
    expect(runPalette.length).toBeGreaterThanOrEqual(12);
    expect(new Set(runPalette.map((c) => rgb(c).formatHex())).size).toBe(runPalette.length);
    for (const [a, b] of pairs(runPalette)) expect(deltaE(a, b)).toBeGreaterThan(15);
  });

  it('keeps the first eight apart under simulated deuteranopia and protanopia', () => {
    for (const matrix of Object.values(deficiencies)) {
      const seen = runPalette.slice(0, 8).map((c) => simulate(c, matrix));
      for (const [a, b] of pairs(seen)) expect(deltaE(a, b)).toBeGreaterThan(15);
    }
  });

  it('gives every run a casing it contrasts with by at least 3:1', () => {
    for (const color of runPalette) {
      const halo = haloColor(color);
      // A casing may be translucent: judge it over the lightest and the darkest band.
      const { r, g, b, opacity } = rgb(halo);
      for (const band of bandColors(2)) {
        const under = rgb(band);
        const mix = (top: number, bottom: number) => top * opacity + bottom * (1 - opacity);
        const seen = rgb(mix(r, under.r), mix(g, under.g), mix(b, under.b)).formatHex();
        expect(contrastRatio(color, seen)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('wraps indices past the palette and tolerates nonsense', () => {
    expect(runColor(0)).toBe(runPalette[0]);
    expect(runColor(runPalette.length + 2)).toBe(runPalette[2]);
    expect(runColor(-1)).toBe(runPalette[runPalette.length - 1]);
    expect(runColor(NaN)).toBe(runPalette[0]);
  });
});

describe('band colours', () => {
  it('darken evenly from a near-white floor, staying light enough to draw on', () => {
    const colors = bandColors(12);
    const lightness = colors.map((c) => hcl(c).l);
    for (let i = 1; i < lightness.length; i++) {
      expect(lightness[i]).toBeLessThan(lightness[i - 1]);
      expect(lightness[i - 1] - lightness[i]).toBeCloseTo(lightness[0] - lightness[1], 0);
    }
    expect(lightness[0]).toBeGreaterThan(95);
    expect(lightness[lightness.length - 1]).toBeGreaterThan(60);
  });

  it('come from the ramp the worker paints with, within one RGB unit of the exact ramp', () => {
    // The worker has no d3: it reads the page's table. Both must give the same strings.
    for (const count of [2, 7, 20, 23]) {
      const colors = bandColors(count);
      expect(colors).toEqual(rampColors(bandRamp(), count));
      colors.forEach((color, k) => {
        const exact = rgb(bandColor(k / (count - 1)));
        const got = rgb(color);
        for (const channel of ['r', 'g', 'b'] as const) expect(Math.abs(got[channel] - exact[channel])).toBeLessThanOrEqual(1);
      });
      expect(colors[0]).toBe(bandColor(0));
      expect(colors[count - 1]).toBe(bandColor(1));
    }
    expect(isRamp(bandRamp())).toBe(true);
    expect(isRamp(new Uint8Array(10))).toBe(false);
    expect(isRamp([0, 0, 0])).toBe(false);
  });

  it('handles zero and one band', () => {
    expect(bandColors(0)).toEqual([]);
    expect(bandColors(1)).toHaveLength(1);
  });
});
