/**
 * Colours of the plot. The contour bands are a quiet background: light, low
 * chroma, lightness falling evenly in CIELAB as f rises, so the coloured runs
 * drawn on top stay the loudest thing on the page.
 */
import { hcl, interpolateHcl, rgb } from 'd3';
import { rampColors, rampSteps } from './bandRamp';

/** Lowest f: a warm near-white. Highest f: a light steel blue (L* 98 → 68). */
const bandLow = hcl(85, 8, 98);
const bandHigh = hcl(255, 24, 68);
const interpolateBand = interpolateHcl(bandLow, bandHigh);

/** Band colour at t ∈ [0, 1] (0 = lowest f). Lightness is linear in t, so equal steps look equal. */
export function bandColor(t: number): string {
  return rgb(interpolateBand(Math.min(1, Math.max(0, t)))).formatHex();
}

let ramp: Uint8Array | null = null;

/** The band ramp as the worker paints from it (bandRamp.ts): bandColor at 256 even steps, RGB bytes. */
export function bandRamp(): Uint8Array {
  if (!ramp) {
    ramp = new Uint8Array(rampSteps * 3);
    for (let i = 0; i < rampSteps; i++) {
      const { r, g, b } = rgb(bandColor(i / (rampSteps - 1)));
      ramp.set([r, g, b], 3 * i);
    }
  }
  return ramp;
}

/**
 * One colour per contour level; band k is the region where f ≥ levels[k].
 * Read from the ramp, as the worker reads it, so the legend and the bands
 * the worker paints agree to the byte.
 */
export function bandColors(levelCount: number): string[] {
  return rampColors(bandRamp(), levelCount);
}

/**
 * Run colours: Okabe and Ito's colour-blind-safe set (its yellow dropped,
 * invisible on light bands), then Paul Tol's wine, olive and indigo, a grey
 * and a brown for runs 9 to 12. The first eight stay apart (CIE76 ΔE ≥ 18)
 * under simulated deuteranopia and protanopia; test/plot/colors.test.ts checks.
 */
export const runPalette: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#000000', // black
  '#882255', // wine (Tol)
  '#56B4E9', // sky blue: after the others, since beside #0072B2 it reads as the same blue
  '#999933', // olive (Tol)
  '#332288', // indigo (Tol)
  '#777777', // grey
  '#7F4F24', // brown
];

/** The colour of run `index` (RunSpec.color); indices past the palette wrap around. */
export function runColor(index: number): string {
  const n = runPalette.length;
  const i = Number.isFinite(index) ? ((Math.trunc(index) % n) + n) % n : 0;
  return runPalette[i];
}

/** WCAG relative luminance of a CSS colour, 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const { r, g, b } = rgb(color);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The casing drawn under a run's line. Dark colours get a white casing; the
 * lighter ones (orange, sky blue, reddish purple, olive), which would fade
 * into the light bands, get a dark one. Either way the line meets its casing
 * at 3:1 or better, whatever band lies beneath (the 3.3 cut leaves a margin).
 */
export function haloColor(color: string): string {
  // Opaque: a path is stroked in pieces (strokePath.ts), and a translucent casing would darken where they meet.
  return contrastRatio(color, '#ffffff') >= 3.3 ? '#ffffff' : '#333333';
}
