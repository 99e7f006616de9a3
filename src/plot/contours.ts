/**
 * Filled contour bands from a sampled grid, as SVG path strings.
 *
 * d3-contour places sample i at grid coordinate i + 0.5 and closes the
 * outermost rings half a cell outside the samples. We map sample centres
 * onto the view's edges (sample 0 ↦ x₀, sample nx − 1 ↦ x₁, as sampleGrid
 * samples them) and clamp that half-cell rim onto the edge, so every band
 * stays inside the pixel box and the outer band meets the axes exactly.
 */
import { gridContourer, type LevelPolygons } from './isorings';
import { describeThresholds, keepThresholds, type ThresholdChoice, type ThresholdSpacing } from './thresholds';

/** The region f ≥ value, as d3-contour's MultiPolygon (isorings.ts traces it the same way, faster). */
export type ContourMultiPolygon = LevelPolygons;

/**
 * One MultiPolygon per threshold: the region where f ≥ threshold (its
 * `value`). `values` is row-major with row 0 at the bottom (y ascending), as
 * sampleGrid writes it. NaN and +∞ count as higher than every threshold
 * (an overflowing surface is "very high", not a hole), −∞ as the lowest one.
 */
export function computeContours(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  thresholds: readonly number[],
): ContourMultiPolygon[] {
  const banding = prepareBands(values, nx, ny, thresholds);
  return banding.levels.map((level) => banding.band(level));
}

/** The finite thresholds in ascending order, and the band for each one, one at a time. */
interface Banding {
  levels: number[];
  band(level: number): ContourMultiPolygon;
}

function prepareBands(values: ArrayLike<number>, nx: number, ny: number, thresholds: readonly number[]): Banding {
  const none: Banding = { levels: [], band: () => ({ type: 'MultiPolygon', value: NaN, coordinates: [] }) };
  if (nx < 2 || ny < 2 || values.length < nx * ny || thresholds.length === 0) return none;
  const sorted = [...thresholds].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return none;
  const top = sorted[sorted.length - 1];
  const bottom = sorted[0];
  // Marching squares (as d3-contour) throws on nothing, but its smoothing
  // treats NaN as −∞, which would paint an overflow region as a basin. Replace before contouring.
  const above = top + Math.max(1, Math.abs(top));
  const clean = new Float64Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) {
    const v = values[k];
    clean[k] = Number.isFinite(v) ? v : v === -Infinity ? bottom : above;
  }
  return { levels: sorted, band: gridContourer(clean, nx, ny) };
}

/**
 * The SVG path of one band in pixel space: x from 0 to width, y from 0 (the
 * top edge, the view's y₁) to height. The grid's own view is implied: the
 * path fills [0, width] × [0, height] exactly when the band covers the grid.
 */
export function contourPath(
  geometry: ContourMultiPolygon,
  nx: number,
  ny: number,
  width: number,
  height: number,
): string {
  const sx = width / (nx - 1);
  const sy = height / (ny - 1);
  // Written out rather than through d3-geo's geoPath: the same string (a test
  // compares them), without 15 KB of spherical geometry in the worker.
  let path = '';
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      // Rings are closed (last point = first); like geoPath, the repeat is left to Z.
      for (let k = 0; k < ring.length - 1; k++) {
        const [gx, gy] = ring[k];
        // Row 0 is the bottom row of the surface but the top of the screen: flip.
        const px = Math.min(nx - 1, Math.max(0, gx - 0.5)) * sx;
        const py = height - Math.min(ny - 1, Math.max(0, gy - 0.5)) * sy;
        path += `${k === 0 ? 'M' : 'L'}${roundTo2(px)},${roundTo2(py)}`;
      }
      if (ring.length > 1) path += 'Z';
    }
  }
  return path;
}

/** Two decimals, as d3-path's digits(2) writes them. */
function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Paths for every band, lowest level first (the order to paint them in). */
export function contourPaths(
  bands: readonly ContourMultiPolygon[],
  nx: number,
  ny: number,
  width: number,
  height: number,
): Array<{ value: number; path: string }> {
  return bands.map((band) => ({ value: band.value, path: contourPath(band, nx, ny, width, height) }));
}

/**
 * Everything the page needs to draw a grid's contours, computed where the grid
 * is (the worker), so contouring never blocks the page. Paths are in grid
 * units — x from 0 to nx − 1, y from 0 (the grid's top row) to ny − 1 — and
 * the plot scales them to its pixel size, so one set serves any plot size.
 */
export interface ContourSet {
  nx: number;
  ny: number;
  /** Ascending contour levels; band k is where f ≥ levels[k]. */
  levels: number[];
  spacing: ThresholdSpacing;
  /** Finite range of the sampled values. */
  extent: [number, number];
  /** One SVG path per level, lowest first, in grid units. */
  bands: string[];
  /**
   * Where f is undefined (sampled as NaN: a custom f outside its domain), in
   * grid units; absent when f is defined at every sample. The bands count
   * those samples as above every level, so this is painted over them.
   */
  undefinedRegion?: string;
}

/** Levels chosen for the values, bands filled for those levels. Pure: the worker calls it, tests too. */
export function createContourSet(values: ArrayLike<number>, nx: number, ny: number, levelCount = 20): ContourSet {
  const steps = contourSetSteps(values, nx, ny, levelCount);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * createContourSet one band at a time: it pauses before each band (1–3 ms on
 * a plot-sized grid), so the worker can drop a grid a zoom has already left
 * behind instead of finishing it (20–50 ms).
 */
export function* contourSetSteps(
  values: ArrayLike<number>, nx: number, ny: number, levelCount = 20, keep?: ThresholdChoice,
): Generator<void, ContourSet, void> {
  // A gesture's grids keep the levels it started with (keepThresholds).
  const choice = keep ? keepThresholds(values, keep, levelCount) : describeThresholds(values, levelCount);
  const banding = prepareBands(values, nx, ny, choice.levels);
  const bands: string[] = [];
  for (const level of banding.levels) {
    yield;
    bands.push(contourPath(banding.band(level), nx, ny, nx - 1, ny - 1));
  }
  const set: ContourSet = { nx, ny, levels: choice.levels, spacing: choice.spacing, extent: choice.extent, bands };
  if (nx >= 2 && ny >= 2 && values.length >= nx * ny && hasNaN(values, nx * ny)) {
    yield;
    set.undefinedRegion = banding.levels.length > 0
      ? undefinedPath(values, nx, ny)
      // Nothing defined to band (a view zoomed into where f is undefined): all of it is the region.
      : `M0,0L${nx - 1},0L${nx - 1},${ny - 1}L0,${ny - 1}Z`;
  }
  return set;
}

function hasNaN(values: ArrayLike<number>, count: number): boolean {
  for (let k = 0; k < count; k++) if (Number.isNaN(values[k])) return true;
  return false;
}

/** The region of NaN samples, traced like a band: 1 where NaN, 0 elsewhere, at level ½. */
function undefinedPath(values: ArrayLike<number>, nx: number, ny: number): string {
  const mask = new Float64Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) mask[k] = Number.isNaN(values[k]) ? 1 : 0;
  return contourPath(gridContourer(mask, nx, ny)(0.5), nx, ny, nx - 1, ny - 1);
}
