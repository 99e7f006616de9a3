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
 * the few frames until the new grid's sharp one replaces it.
 *
 * For tests and the benchmark the canvas says what it shows: data-bands (how
 * many bands are drawn), data-levels (their levels) and data-stretched
 * ("true" while the bands of an older view are stretched over a new one,
 * mid-gesture), and data-paints counts its paints.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { sameView, viewMatrix } from './scales';
import { paintBands, type BandPaintOptions } from './paintBands';
import { screenPixelRatio, sizedContext } from './canvasSize';
import { noteContours } from './latency';

/** What paintBands needs, with the bands as the worker sends them (path strings) and their levels. */
export type ContourBandsProps = Omit<BandPaintOptions, 'bands' | 'ratio'> & {
  /** Band paths in grid units, lowest level first; empty while there is no grid. */
  bands: readonly string[];
  levels: readonly number[];
};

export function ContourBands({ bands, levels, colors, nx, ny, view, displayView, width, height }: ContourBandsProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paints = useRef(0);
  // Parsed once per grid.
  const paths = useMemo(() => (typeof Path2D === 'function' ? bands.map((band) => new Path2D(band)) : []), [bands]);
  const stretched = bands.length > 0 && !sameView(view, displayView, 1e-9);
  const stretch = stretched ? stretchTransform(view, displayView, width, height) : undefined;
  // Without a usable transform (a view rounded to nothing, a zoom by more than
  // 64 times) the bands are painted for the view on screen, as before a gesture.
  const paintView = stretched && !stretch ? displayView : view;

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = screenPixelRatio();
    const ctx = sizedContext(canvas, width, height, ratio);
    if (!ctx) return;
    paintBands(ctx, { bands: paths, colors, nx, ny, view, displayView: paintView, width, height, ratio });
    canvas.dataset.paints = String(++paints.current);
    if (paths.length > 0) noteContours();
  }, [paths, colors, nx, ny, view, paintView, width, height]);

  return (
    <canvas
      ref={canvasRef}
      className="plot-bands"
      data-testid="contour-bands"
      data-bands={bands.length}
      data-levels={levels.map((level) => level.toPrecision(6)).join(' ')}
      data-stretched={stretched ? 'true' : 'false'}
      aria-hidden="true"
      style={{ width: `${width}px`, height: `${height}px`, transform: stretch }}
    />
  );
}

/** Past this zoom factor a stretched picture is a blur or a speck: repaint instead. */
const maxStretch = 64;

/**
 * The CSS transform that moves the picture painted for `view` to where
 * `displayView` shows it; undefined when there is none worth using.
 */
export function stretchTransform(view: BandPaintOptions['view'], displayView: BandPaintOptions['view'], width: number, height: number): string | undefined {
  const { sx, sy, tx, ty } = viewMatrix(view, displayView, width, height);
  if (![sx, sy, tx, ty].every(Number.isFinite)) return undefined;
  if (!(sx >= 1 / maxStretch && sx <= maxStretch && sy >= 1 / maxStretch && sy <= maxStretch)) return undefined;
  return `matrix(${sx}, 0, 0, ${sy}, ${tx}, ${ty})`;
}
