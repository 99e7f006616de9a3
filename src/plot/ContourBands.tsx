/**
 * The filled contour bands, on a canvas under the contour plot's SVG (axes,
 * markers and legend stay SVG). Painted in a layout effect, once per grid
 * and plot size, for the view the grid was sampled on.
 *
 * During a zoom or pan gesture the view on screen moves away from the grid's
 * view until the worker sends the next grid. The canvas is then not repainted:
 * a CSS transform stretches its picture over the new view, which the
 * compositor applies without re-rasterising anything. Repainting twenty
 * nested bands on every wheel notch cost 20–40 ms of raster a frame (Commit,
 * on these software-rendered machines); the stretched picture is softer for
 * the few frames until the new grid's sharp one replaces it. While a
 * gesture's transform moves it, it is sampled nearest-neighbour (class
 * is-moving, plot.css): the display compositor redraws it in every frame of
 * the gesture. A button's zoom step, a reset or a key keeps the smooth
 * sampling for the moment its picture waits.
 *
 * The worker usually paints the bands itself (worker/bandPicture.ts) and
 * sends them as a picture with the grid: then this canvas only takes its
 * pixels (bandCanvas.ts), and the bands' paths are not even parsed here.
 * The page paints the paths itself when there is no picture (a worker without
 * OffscreenCanvas, the coarse preview on opening, the side-by-side panels),
 * when the picture was painted for a size far from this canvas's, or when
 * it must paint for another view.
 *
 * For tests and the benchmark the canvas says what it shows: data-bands (how
 * many bands are drawn), data-levels (their levels), data-grid-size (the
 * grid's samples, as "260x198"), data-stretched ("true"
 * while the bands of an older view are stretched over a new one,
 * mid-gesture), data-painter ("worker" when it shows the worker's picture,
 * "page" when it painted the paths), data-picture-ratio (the device pixel
 * ratio the worker's picture was painted at), and data-paints counts its paints.
 */
import { useLayoutEffect, useRef } from 'react';
import type { BandPicture } from '../worker/protocol';
import { sameView, stretchTransform } from './scales';
import { paintBands, type BandPaintOptions } from './paintBands';
import { useScreenPixelRatio } from './canvasSize';
import { paintCanvas, showPicture } from './bandCanvas';
import { noteContours } from './latency';
import { useDisplayView, type LiveView } from './liveView';

/** What paintBands needs, with the bands as the worker sends them (path strings) and their levels. */
export type ContourBandsProps = Omit<BandPaintOptions, 'bands' | 'ratio' | 'undefinedRegion'> & {
  /** Band paths in grid units, lowest level first; empty while there is no grid. */
  bands: readonly string[];
  /** Where f is undefined, in grid units (ContourSet.undefinedRegion). */
  undefinedRegion?: string;
  levels: readonly number[];
  /** The same bands painted by the worker for `view`, when it sent them. */
  picture?: BandPicture | null;
  /** The picture is this canvas's alone (not kept to be shown again): it may be used up rather than copied. */
  takePicture?: boolean;
  /** A zoom or pan gesture is under way: while a transform stretches the picture, it is sampled nearest-neighbour. */
  moving?: boolean;
  /** The gesture's view, when it is kept outside React: it then stands for `displayView` (liveView.ts). */
  live?: LiveView;
};

export function ContourBands(props: ContourBandsProps) {
  const { bands, undefinedRegion, levels, colors, nx, ny, view, width, height, picture, takePicture = false, moving = false } = props;
  const displayView = useDisplayView(props.live, props.displayView);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paints = useRef(0);
  // Parsed at most once per grid, and only when the page paints them.
  const parsed = useRef<{ bands: readonly string[]; undefinedRegion?: string; paths: Path2D[]; undefinedPath?: Path2D } | null>(null);
  // Views a few millionths of a span apart (a gesture's end tidies its view, scales.ts) are one picture: far below a pixel.
  const stretched = bands.length > 0 && !sameView(view, displayView, 2e-6);
  const stretch = stretched ? stretchTransform(view, displayView, width, height) : undefined;
  // Without a usable transform (a view rounded to nothing, a zoom by more than
  // 64 times) the bands are painted for the view on screen, as before a gesture.
  const paintView = stretched && !stretch ? displayView : view;
  // Repainted at another screen's pixel ratio (the worker's picture for it follows with the next grid).
  const ratio = useScreenPixelRatio();

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const copyable = bands.length > 0 && paintView === view && picture && fitsCanvas(picture, width, height) ? picture : null;
    const copied = copyable !== null && showPicture(canvas, copyable, takePicture);
    const painted = copied || paintCanvas(canvas, width, height, ratio, (ctx) => {
      if (parsed.current?.bands !== bands || parsed.current.undefinedRegion !== undefinedRegion) {
        const parse = typeof Path2D === 'function';
        const paths = parse ? bands.map((band) => new Path2D(band)) : [];
        const undefinedPath = undefinedRegion && parse ? new Path2D(undefinedRegion) : undefined;
        parsed.current = { bands, undefinedRegion, paths, undefinedPath };
      }
      const { paths, undefinedPath } = parsed.current;
      paintBands(ctx, { bands: paths, undefinedRegion: undefinedPath, colors, nx, ny, view, displayView: paintView, width, height, ratio });
    });
    if (!painted) return;
    canvas.dataset.painter = copied ? 'worker' : 'page';
    canvas.dataset.pictureRatio = copied ? String(copyable.ratio) : '';
    canvas.dataset.paints = String(++paints.current);
    if (bands.length > 0) noteContours();
  }, [bands, undefinedRegion, picture, takePicture, colors, nx, ny, view, paintView, width, height, ratio]);

  return (
    <canvas
      ref={canvasRef}
      // Moved by a gesture's transform: sampled nearest-neighbour meanwhile (plot.css).
      className={stretch && moving ? 'plot-bands is-moving' : 'plot-bands'}
      data-testid="contour-bands"
      data-bands={bands.length}
      data-grid-size={`${nx}x${ny}`}
      data-levels={levels.map((level) => level.toPrecision(6)).join(' ')}
      data-stretched={stretched ? 'true' : 'false'}
      aria-hidden="true"
      style={{ width: `${width}px`, height: `${height}px`, transform: stretch }}
    />
  );
}

/**
 * Whether a picture painted at its size may stand for this canvas's bands:
 * within a third either way per side (a resize in progress; the next grid
 * brings the exact size). Shrunk further it would alias its outlines: the
 * page paints the paths instead.
 */
export function fitsCanvas(picture: Pick<BandPicture, 'width' | 'height'>, width: number, height: number): boolean {
  const near = (painted: number, shown: number) => shown > 0 && painted / shown >= 0.75 && painted / shown <= 4 / 3;
  return near(picture.width, width) && near(picture.height, height);
}
