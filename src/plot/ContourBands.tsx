/**
 * The filled contour bands, on a canvas under the contour plot's SVG (axes,
 * markers and legend stay SVG). Painted in a layout effect, so a new grid or
 * a zoom step shows in the same frame as the axes that go with it.
 *
 * For tests and the benchmark the canvas says what it shows: data-bands (how
 * many bands are drawn), data-levels (their levels) and data-stretched
 * ("true" while the bands of an older view are stretched over a new one,
 * mid-gesture), and data-paints counts its paints.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ViewBox } from '../core/types';
import { sameView } from './scales';
import { paintBands } from './paintBands';
import { noteContours } from './latency';

export interface ContourBandsProps {
  /** Band paths in grid units, lowest level first; empty while there is no grid. */
  bands: readonly string[];
  levels: readonly number[];
  colors: readonly string[];
  nx: number;
  ny: number;
  view: ViewBox;
  displayView: ViewBox;
  /** Plotting area in CSS pixels. */
  width: number;
  height: number;
}

export function ContourBands({ bands, levels, colors, nx, ny, view, displayView, width, height }: ContourBandsProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paints = useRef(0);
  // Parsed once per grid: a gesture repaints the same paths with another transform.
  const paths = useMemo(() => (typeof Path2D === 'function' ? bands.map((band) => new Path2D(band)) : []), [bands]);
  const stretched = bands.length > 0 && !sameView(view, displayView, 1e-9);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
    const pixelWidth = Math.max(1, Math.round(width * ratio));
    const pixelHeight = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    paintBands(ctx, { bands: paths, colors, nx, ny, view, displayView, width, height, ratio });
    canvas.dataset.paints = String(++paints.current);
    if (paths.length > 0) noteContours();
  }, [paths, colors, nx, ny, view, displayView, width, height]);

  return (
    <canvas
      ref={canvasRef}
      className="plot-bands"
      data-testid="contour-bands"
      data-bands={bands.length}
      data-levels={levels.map((level) => level.toPrecision(6)).join(' ')}
      data-stretched={stretched ? 'true' : 'false'}
      aria-hidden="true"
      style={{ width: `${width}px`, height: `${height}px` }}
    />
  );
}
