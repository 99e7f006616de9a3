/**
 * Surface ↔ pixel mapping. The plot fills its box: x and y scale
 * independently, because views such as the ellipse's (20 × 10) would waste
 * half the screen at a fixed aspect ratio. Pixel y grows downwards, surface y
 * upwards, so the y scale is flipped.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Vec2, ViewBox } from '../core/types';

export interface PlotScales {
  /** Surface x → pixel x, domain view.x, range [0, width]. */
  x: ScaleLinear<number, number>;
  /** Surface y → pixel y, domain view.y, range [height, 0]. */
  y: ScaleLinear<number, number>;
}

/** Margins (px) around the plotting area, room for the axes and the colour legend. */
export const plotMargins = { top: 20, right: 78, bottom: 36, left: 44 } as const;

/** The plotting area (where bands and runs are drawn) inside a ContourPlot of the given size. */
export function plotInnerSize(width: number, height: number): { width: number; height: number } {
  return {
    width: Math.max(1, width - plotMargins.left - plotMargins.right),
    height: Math.max(1, height - plotMargins.top - plotMargins.bottom),
  };
}

export function createPlotScales(view: ViewBox, width: number, height: number): PlotScales {
  return {
    x: scaleLinear().domain(view.x).range([0, width]),
    y: scaleLinear().domain(view.y).range([height, 0]),
  };
}

/** The surface point under pixel (px, py). */
export function pixelToSurface(view: ViewBox, width: number, height: number, px: number, py: number): Vec2 {
  const x = view.x[0] + (px / width) * (view.x[1] - view.x[0]);
  const y = view.y[1] - (py / height) * (view.y[1] - view.y[0]);
  return [x, y];
}

/** The pixel of surface point (x, y). */
export function surfaceToPixel(view: ViewBox, width: number, height: number, x: number, y: number): Vec2 {
  return [
    ((x - view.x[0]) / (view.x[1] - view.x[0])) * width,
    ((view.y[1] - y) / (view.y[1] - view.y[0])) * height,
  ];
}

/** A d3-zoom transform: pixel p ↦ k·p + (x, y). */
export interface ZoomLike {
  k: number;
  x: number;
  y: number;
}

/**
 * The view seen after applying a zoom transform to `base` (the view shown
 * when the transform was the identity): the pixels [0, width] now show what
 * used to sit at (0 − tx)/k … (width − tx)/k.
 */
export function zoomedView(base: ViewBox, transform: ZoomLike, width: number, height: number): ViewBox {
  const [x0, y1] = pixelToSurface(base, width, height, -transform.x / transform.k, -transform.y / transform.k);
  const [x1, y0] = pixelToSurface(
    base, width, height,
    (width - transform.x) / transform.k,
    (height - transform.y) / transform.k,
  );
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * Where pixels drawn for view `from` land when view `to` is shown: pixel
 * (px, py) of `from` is at (sx·px + tx, sy·py + ty). Contour bands are traced
 * once per sampled grid; during a zoom gesture they are only re-transformed.
 */
export function viewMatrix(from: ViewBox, to: ViewBox, width: number, height: number): { sx: number; sy: number; tx: number; ty: number } {
  const sx = (from.x[1] - from.x[0]) / (to.x[1] - to.x[0]);
  const sy = (from.y[1] - from.y[0]) / (to.y[1] - to.y[0]);
  const [tx, ty] = surfaceToPixel(to, width, height, from.x[0], from.y[1]);
  return { sx, sy, tx, ty };
}

/** Past this zoom factor a stretched picture is a blur or a speck: repaint instead. */
const maxStretch = 64;

/**
 * The CSS transform (transform-origin 0 0) that moves a picture painted for
 * `view` to where `displayView` shows it; undefined when there is none worth using.
 */
export function stretchTransform(view: ViewBox, displayView: ViewBox, width: number, height: number): string | undefined {
  const { sx, sy, tx, ty } = viewMatrix(view, displayView, width, height);
  if (![sx, sy, tx, ty].every(Number.isFinite)) return undefined;
  if (!(sx >= 1 / maxStretch && sx <= maxStretch && sy >= 1 / maxStretch && sy <= maxStretch)) return undefined;
  return `matrix(${sx}, 0, 0, ${sy}, ${tx}, ${ty})`;
}

/** Whether two views are the same up to a relative tolerance of their spans. */
export function sameView(a: ViewBox | null | undefined, b: ViewBox | null | undefined, tolerance = 1e-9): boolean {
  if (!a || !b) return a === b;
  const ex = tolerance * Math.abs(a.x[1] - a.x[0]);
  const ey = tolerance * Math.abs(a.y[1] - a.y[0]);
  return (
    Math.abs(a.x[0] - b.x[0]) <= ex && Math.abs(a.x[1] - b.x[1]) <= ex &&
    Math.abs(a.y[0] - b.y[0]) <= ey && Math.abs(a.y[1] - b.y[1]) <= ey
  );
}

/**
 * A view with each edge rounded to a millionth of its span: the view a
 * gesture or a button ends on, so the link reads "-2" where the transforms'
 * arithmetic left -1.9999999999999991. A millionth of the span is far below
 * a pixel, so the picture does not move.
 */
export function tidyView(view: ViewBox): ViewBox {
  const edge = (value: number, span: number) => {
    if (!(span > 0) || !Number.isFinite(value)) return value;
    const quantum = 10 ** Math.floor(Math.log10(span * 1e-6));
    const rounded = Math.round(value / quantum) * quantum;
    // Clear the float noise of the multiplication (0.30000000000000004) where it is below the quantum.
    const clean = Number(rounded.toPrecision(15));
    return Math.abs(clean - value) <= quantum ? clean : value;
  };
  const w = view.x[1] - view.x[0];
  const h = view.y[1] - view.y[0];
  return { x: [edge(view.x[0], w), edge(view.x[1], w)], y: [edge(view.y[0], h), edge(view.y[1], h)] };
}
