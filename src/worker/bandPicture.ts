/**
 * Paints a grid's contour bands in the worker, on an OffscreenCanvas, and
 * hands the page an ImageBitmap: parsing the bands' paths (~2 ms a grid),
 * filling twenty nested bands and rasterising them (2–20 ms, software
 * raster on these machines) leave the page's thread, which only shows the
 * pixels (ContourBands, plot/bandCanvas.ts). The same painter as the page's (paintBands), for
 * the grid's own view, so either side paints the same picture.
 */
import type { ViewBox } from '../core/types';
import { isRamp, rampColors } from '../plot/bandRamp';
import type { ContourSet } from '../plot/contours';
import { paintBands, type BandContext } from '../plot/paintBands';
import type { BandPicture, PictureRequest } from './protocol';

/** What the painter needs of an OffscreenCanvas; tests pass a recording fake. */
export interface PictureCanvas {
  getContext(type: '2d'): BandContext | null;
  transferToImageBitmap(): ImageBitmap;
}

/** Where the worker paints: canvases of so many device pixels, and band paths parsed from their strings. */
export interface PicturePainter {
  /** A canvas of this many device pixels, or null if there is none to be had. */
  createCanvas(width: number, height: number): PictureCanvas | null;
  createPath(d: string): Path2D;
}

/** OffscreenCanvas and Path2D where the worker has them (Chromium, Firefox, Safari 16.4+), else nothing. */
export function offscreenPainter(): PicturePainter | null {
  if (typeof OffscreenCanvas !== 'function' || typeof Path2D !== 'function') return null;
  return {
    createCanvas: (width, height) => new OffscreenCanvas(width, height) as unknown as PictureCanvas,
    createPath: (d) => new Path2D(d),
  };
}

const unitView: ViewBox = { x: [0, 1], y: [0, 1] };

/** Larger plotting areas are not asked for by any screen; such a request gets no picture. */
const maxDevicePixels = 8192;

/** Whether a request's numbers describe a picture worth painting. */
function usable(request: PictureRequest | undefined): request is PictureRequest {
  if (!request || !isRamp(request.ramp)) return false;
  const { width, height, ratio } = request;
  const fits = (css: number) => Number.isFinite(css) && css >= 1 && css * ratio <= maxDevicePixels;
  return Number.isFinite(ratio) && ratio >= 0.25 && ratio <= 8 && fits(width) && fits(height);
}

/**
 * The bands of `contours` painted for `request`, or null: no request, an
 * unusable one, no canvas here, or painting failed (the page then paints
 * the paths itself, so a picture is never worth an error).
 */
export function paintPicture(contours: ContourSet, request: PictureRequest | undefined, painter: PicturePainter | null): BandPicture | null {
  if (!painter || !usable(request) || contours.nx < 2 || contours.ny < 2) return null;
  const { width, height, ratio, ramp } = request;
  try {
    const canvas = painter.createCanvas(Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio)));
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    paintBands(ctx, {
      bands: contours.bands.map((band) => painter.createPath(band)),
      undefinedRegion: contours.undefinedRegion ? painter.createPath(contours.undefinedRegion) : undefined,
      colors: rampColors(ramp, contours.levels.length),
      nx: contours.nx,
      ny: contours.ny,
      // Painted for the grid's own view (any view: only the size matters here).
      view: unitView,
      displayView: unitView,
      width,
      height,
      ratio,
    });
    return { bitmap: canvas.transferToImageBitmap(), width, height, ratio };
  } catch {
    return null;
  }
}
