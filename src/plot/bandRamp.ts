/**
 * The contour bands' colours as a table: 256 steps of the ramp from the
 * lowest band's colour to the highest's, RGB bytes. The page builds it once
 * with d3 (colors.ts) and hands it to the worker with a grid request, so the
 * worker paints the bands in exactly the legend's colours without d3's
 * colour code (about 4 KB more in the worker, which the first picture
 * waits for). Both ends pick a band's colour here, so they cannot disagree.
 */

/** Steps of the ramp; a band's position is rounded to one of them (at most 1/510 off, a fraction of one RGB unit). */
export const rampSteps = 256;

/** Whether `ramp` is a table this module can read. */
export function isRamp(ramp: unknown): ramp is Uint8Array {
  return ramp instanceof Uint8Array && ramp.length === rampSteps * 3;
}

/** The ramp's step for band k of `count` (band 0 the lowest, band count − 1 the highest). */
export function rampIndex(k: number, count: number): number {
  if (count <= 1) return 0;
  return Math.round((k / (count - 1)) * (rampSteps - 1));
}

/** One colour per band, lowest first, as #rrggbb. */
export function rampColors(ramp: Uint8Array, count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, k) => {
    const i = 3 * rampIndex(k, count);
    return `#${hex(ramp[i])}${hex(ramp[i + 1])}${hex(ramp[i + 2])}`;
  });
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
