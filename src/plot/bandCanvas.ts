/**
 * How the contour bands' canvas takes its pixels.
 *
 * Where the browser can (OffscreenCanvas and the 'bitmaprenderer' context:
 * Chromium, Firefox, Safari 16.4+), the canvas is shown bitmaps:
 * - the worker's picture of a gesture's grid is handed to the canvas as it
 *   is, without a copy (transferFromImageBitmap: the bitmap is used up);
 * - a picture kept for later (a full grid, which gridCache.ts may show
 *   again) is copied into a bitmap of the page's own first;
 * - the page paints the paths (no picture) on an OffscreenCanvas and hands
 *   that over.
 * Drawing every picture into a 2D canvas instead cost the page a copy of
 * every pixel and, at the next frame, another into the compositor's
 * resource (Canvas2DResourceProvider::ProduceCanvasResource, ~1 ms a
 * picture on these machines). Twenty wheel gestures and six trackpad ones,
 * alternated with the build that drew them (4 rounds of each, two cores):
 * 8 frames missed against 14, and the page's thread ran 5.0 s a round
 * against 5.6 s.
 *
 * Elsewhere (and in tests without OffscreenCanvas) the canvas keeps a 2D
 * context, which copies the pictures and is painted directly. A canvas has
 * one kind of context for life, so the kind is chosen at its first picture
 * or paint.
 */
import type { BandPicture } from '../worker/protocol';
import type { BandContext } from './paintBands';

interface Shown {
  /** The canvas's bitmap context, or null where it keeps a 2D one. */
  bitmaps: ImageBitmapRenderingContext | null;
  /** Where the page paints (and copies kept pictures) before handing the bitmap over. */
  scratch: OffscreenCanvas | null;
}

const shown = new WeakMap<HTMLCanvasElement, Shown>();

function surfaceOf(canvas: HTMLCanvasElement): Shown {
  let surface = shown.get(canvas);
  if (!surface) {
    let bitmaps: ImageBitmapRenderingContext | null = null;
    try {
      bitmaps = typeof OffscreenCanvas === 'function' ? canvas.getContext('bitmaprenderer') : null;
    } catch {
      bitmaps = null;
    }
    surface = { bitmaps, scratch: null };
    shown.set(canvas, surface);
  }
  return surface;
}

/** A canvas's backing store of so many device pixels; assigned only when it changes (assigning clears it). */
function size(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/** The page's scratch canvas for `surface`, sized, cleared and with no transform, and its 2D context. */
function scratchContext(surface: Shown, width: number, height: number): OffscreenCanvasRenderingContext2D | null {
  surface.scratch ??= new OffscreenCanvas(width, height);
  size(surface.scratch, width, height);
  const ctx = surface.scratch.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Show the worker's picture: the canvas takes the picture's own pixels (CSS
 * scales them to its size), so nothing is resampled. `take`: the picture is
 * this canvas's alone and may be used up. False if it cannot be shown
 * (closed, used up, no context): the caller paints the paths instead.
 */
export function showPicture(canvas: HTMLCanvasElement, picture: BandPicture, take: boolean): boolean {
  try {
    const { width, height } = picture.bitmap;
    if (!(width > 0 && height > 0)) return false;
    const surface = surfaceOf(canvas);
    size(canvas, width, height);
    if (surface.bitmaps) {
      if (take) {
        surface.bitmaps.transferFromImageBitmap(picture.bitmap);
        return true;
      }
      const ctx = scratchContext(surface, width, height);
      if (!ctx || !surface.scratch) return false;
      ctx.drawImage(picture.bitmap, 0, 0);
      surface.bitmaps.transferFromImageBitmap(surface.scratch.transferToImageBitmap());
      return true;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(picture.bitmap, 0, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Paint the canvas with `paint` at `width` × `height` CSS pixels and `ratio`
 * device pixels per CSS pixel; `paint` clears what it paints over (as
 * paintBands does). False if there is nothing to paint on (tests without a
 * canvas) or painting failed: the plot stays up, without its bands.
 */
export function paintCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio: number, paint: (ctx: BandContext) => void): boolean {
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  try {
    const surface = surfaceOf(canvas);
    size(canvas, pixelWidth, pixelHeight);
    if (surface.bitmaps) {
      const ctx = scratchContext(surface, pixelWidth, pixelHeight);
      if (!ctx || !surface.scratch) return false;
      paint(ctx);
      surface.bitmaps.transferFromImageBitmap(surface.scratch.transferToImageBitmap());
      return true;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    paint(ctx);
    return true;
  } catch {
    return false;
  }
}
