/**
 * The runs' paths kept on a canvas of their own while runs stream in, so a
 * paint strokes only what arrived since the last one and then copies the
 * layer under the markers (the heads move, so they are drawn anew on top).
 *
 * Why: the software rasterizer draws a canvas's strokes when the frame is
 * committed, on the page's thread. Stroking every path again on every
 * frame of a stream of 8 × 100,000 steps made the commit the page's largest
 * cost (Chromium's trace: 20–60 ms `SkCanvas::drawPath` inside `Commit`, the
 * long tasks of the stream), though each frame added a few dozen vertices.
 *
 * A paint only adds to the layer when it shows the same runs (same points
 * buffers, decimation lineage, colours, every vertex kept) in the same view,
 * size and pixel ratio; anything else redraws it whole. What it adds goes
 * casing under, line over what the layer holds (see strokeRunPath), so a
 * new casing never covers a line; where paths cross, the newer line lies on
 * top, so while streaming crossings may stack in another order than in a
 * full paint. The paint that completes a generation does not use the layer.
 */
import type { ViewBox } from '../core/types';
import type { DecimatedPath } from './decimatePath';
import type { PaintContext } from './paintTrajectories';
import { strokeRunPath } from './strokePath';

/** A run's path as the painter decimated it for this paint. */
export interface LayerPath {
  path: DecimatedPath;
  color: string;
  /** Vertices kept: every `stride`-th (see paintTrajectories' vertex budget). */
  stride: number;
}

/** What the layer needs of a canvas: its 2D context and a size in device pixels. */
export interface LayerSurface {
  canvas: CanvasImageSource & { width: number; height: number };
  ctx: PaintContext;
}

/** Per run: what the layer holds of it. */
interface Held {
  lineage: object;
  final: number;
  count: number;
  color: string;
}

export class PathLayer {
  private held: Held[] | null = null;
  private view: ViewBox | null = null;
  private width = 0;
  private height = 0;
  private ratio = 0;

  constructor(private readonly surface: LayerSurface) {}

  /** A layer on a canvas of the document's, or null where there is no 2D canvas (tests). */
  static create(): PathLayer | null {
    if (typeof document === 'undefined') return null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    return ctx ? new PathLayer({ canvas, ctx }) : null;
  }

  /**
   * Bring the layer up to date with `paths` (a view `width` × `height` CSS
   * pixels at `ratio` device pixels each) and return its canvas, to be drawn
   * over the whole plotting area.
   */
  update(paths: readonly LayerPath[], view: ViewBox, width: number, height: number, ratio: number): LayerSurface['canvas'] {
    const { canvas, ctx } = this.surface;
    const pixelWidth = Math.max(1, Math.round(width * ratio));
    const pixelHeight = Math.max(1, Math.round(height * ratio));
    const resized = canvas.width !== pixelWidth || canvas.height !== pixelHeight;
    if (resized) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const adds = !resized && this.extends(paths, view, width, height, ratio);
    if (!adds) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, pixelWidth, pixelHeight);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    paths.forEach(({ path, color, stride }, i) => {
      if (!adds) {
        strokeRunPath(ctx, path, color, stride);
        return;
      }
      const held = (this.held as Held[])[i];
      if (path.final === held.final && path.count === held.count) return;
      // The layer holds vertices [0, final) as they are; the ones after them were the
      // line to the newest point then, and are drawn again from the last vertex held.
      strokeRunPath(ctx, path, color, stride, Math.max(0, held.final - 1), true);
    });
    ctx.restore();
    this.held = paths.map(({ path, color }) => ({ lineage: path.lineage, final: path.final, count: path.count, color }));
    this.view = view;
    this.width = width;
    this.height = height;
    this.ratio = ratio;
    return canvas;
  }

  /** Whether `paths` continue what the layer holds. */
  private extends(paths: readonly LayerPath[], view: ViewBox, width: number, height: number, ratio: number): boolean {
    const held = this.held;
    const was = this.view;
    if (!held || !was || held.length !== paths.length || width !== this.width || height !== this.height || ratio !== this.ratio) return false;
    if (was.x[0] !== view.x[0] || was.x[1] !== view.x[1] || was.y[0] !== view.y[0] || was.y[1] !== view.y[1]) return false;
    return paths.every(({ path, color, stride }, i) =>
      stride === 1 && path.lineage === held[i].lineage && color === held[i].color && path.final >= held[i].final);
  }

  /**
   * The picture was painted without the layer: the next update redraws it
   * whole. The bitmap is kept (4 bytes a device pixel): giving it back and
   * allocating it again as the next stream began made that stream's long
   * tasks longer (longest 62–130 ms against 51–69 ms in the long-run bench).
   */
  forget(): void {
    this.held = null;
  }
}
