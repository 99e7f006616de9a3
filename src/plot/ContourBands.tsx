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

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = screenPixelRatio();
    const ctx = sizedContext(canvas, width, height, ratio);
    if (!ctx) return;
    paintBands(ctx, { bands: paths, colors, nx, ny, view, displayView: view, width, height, ratio });
    canvas.dataset.paints = String(++paints.current);
    if (paths.length > 0) noteContours();
  }, [paths, colors, nx, ny, view, width, height]);

  return (
    <canvas
      ref={canvasRef}
      className="plot-bands"
      data-testid="contour-bands"
      data-bands={bands.length}
      data-levels={levels.map((level) => level.toPrecision(6)).join(' ')}
      data-stretched={stretched ? 'true' : 'false'}
      aria-hidden="true"
      style={{ width: `${width}px`, height: `${height}px`, transform: stretched ? stretchTransform(view, displayView, width, height) : undefined }}
    />
  );
}

/** The CSS transform that moves the picture painted for `view` to where `displayView` shows it; none if unusable. */
export function stretchTransform(view: BandPaintOptions['view'], displayView: BandPaintOptions['view'], width: number, height: number): string | undefined {
  const { sx, sy, tx, ty } = viewMatrix(view, displayView, width, height);
  if (![sx, sy, tx, ty].every(Number.isFinite) || sx <= 0 || sy <= 0) return undefined;
  return `matrix(${sx}, 0, 0, ${sy}, ${tx}, ${ty})`;
}
