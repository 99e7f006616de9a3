/**
 * Paints the filled contour bands onto a 2D canvas: a pure function of its
 * arguments (plus the context), so tests drive it with a recording fake.
 *
 * The bands come in grid units (createContourSet, computed in the worker).
 * One transform stretches them over the plotting area and moves them from
 * the grid's view to the view on screen, so a zoom or pan gesture repaints
 * the same paths (a few ms) instead of recomputing them. They used to be SVG
 * paths: Chromium then re-recorded ~100,000 characters of path on every
 * frame of a gesture (Paint and Commit 20–55 ms a frame on these machines).
 */
import type { ViewBox } from '../core/types';
import { viewMatrix } from './scales';

/** The part of CanvasRenderingContext2D the band painter uses. */
export type BandContext = Pick<
  CanvasRenderingContext2D, 'clearRect' | 'fill' | 'stroke' | 'setTransform' | 'save' | 'restore' | 'clip' | 'beginPath' | 'moveTo' | 'lineTo'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
  lineJoin: CanvasLineJoin;
};

export interface BandPaintOptions {
  /** One path per band, lowest level first (band k is where f ≥ level k), in grid units. */
  bands: readonly Path2D[];
  colors: readonly string[];
  /** Samples per side of the grid the bands were traced on. */
  nx: number;
  ny: number;
  /** The view the grid was sampled on, and the view shown now (they differ during a zoom gesture). */
  view: ViewBox;
  displayView: ViewBox;
  /** Plotting area in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
  /** Where f is undefined, in grid units: painted over the bands, pale and hatched (see undefinedFill). */
  undefinedRegion?: Path2D;
}

/** Band outlines: thin and faint, so they separate the bands without hiding the paths. */
export const outlineColor = 'rgba(40, 50, 70, 0.22)';
const outlineWidth = 0.75;
/** Where f is undefined: a pale wash over the bands, hatched, so it reads as "no value", not as the top band. */
export const undefinedFill = 'rgba(250, 250, 250, 0.92)';
const hatchColor = 'rgba(40, 50, 70, 0.45)';
/** Hatch lines: this far apart, this wide (CSS pixels). */
const hatchSpacing = 7;
const hatchWidth = 1;

/** Grid units → device pixels: a, d scale and e, f translate, as in setTransform(a, 0, 0, d, e, f). */
export function bandTransform(options: Omit<BandPaintOptions, 'bands' | 'colors'>): { a: number; d: number; e: number; f: number } {
  const { nx, ny, view, displayView, width, height, ratio } = options;
  const { sx, sy, tx, ty } = viewMatrix(view, displayView, width, height);
  return {
    a: ratio * sx * (width / (nx - 1)),
    d: ratio * sy * (height / (ny - 1)),
    e: ratio * tx,
    f: ratio * ty,
  };
}

export function paintBands(ctx: BandContext, options: BandPaintOptions): void {
  const { bands, colors, width, height, ratio } = options;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * ratio, height * ratio);
  if ((bands.length === 0 && !options.undefinedRegion) || options.nx < 2 || options.ny < 2) return;
  const { a, d, e, f } = bandTransform(options);
  if (![a, d, e, f].every(Number.isFinite) || a === 0 || d === 0) return;
  ctx.save();
  ctx.setTransform(a, 0, 0, d, e, f);
  ctx.lineJoin = 'round';
  // The transform scales the line too: this many grid units make 0.75 CSS pixels.
  ctx.lineWidth = (outlineWidth * ratio) / Math.sqrt(Math.abs(a * d));
  ctx.strokeStyle = outlineColor;
  bands.forEach((band, k) => {
    ctx.fillStyle = colors[k] ?? colors[colors.length - 1] ?? '#ccc';
    ctx.fill(band);
    // The lowest band covers the whole grid: its outline would only trace the frame.
    if (k > 0) ctx.stroke(band);
  });
  if (options.undefinedRegion) paintUndefined(ctx, options.undefinedRegion, width * ratio, height * ratio, ratio);
  ctx.restore();
}

/** Fill the undefined region pale, outline it and hatch it at 45° (the context holds the bands' transform). */
function paintUndefined(ctx: BandContext, region: Path2D, deviceWidth: number, deviceHeight: number, ratio: number): void {
  ctx.fillStyle = undefinedFill;
  ctx.fill(region);
  ctx.stroke(region);
  ctx.clip(region);
  // The clip stays where it is; the lines are drawn in device pixels.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.strokeStyle = hatchColor;
  ctx.lineWidth = hatchWidth * ratio;
  ctx.beginPath();
  const step = hatchSpacing * ratio;
  for (let offset = -deviceHeight; offset < deviceWidth; offset += step) {
    ctx.moveTo(offset, deviceHeight);
    ctx.lineTo(offset + deviceHeight, 0);
  }
  ctx.stroke();
}
