import { describe, expect, it } from 'vitest';
import { chooseThresholds } from '../../src/plot/thresholds';
import { computeContours, contourPath, contourPaths, createContourSet } from '../../src/plot/contours';

/** Row-major grid, row 0 at the bottom, f sampled at x_i, y_j over [−1, 1]². */
function sample(nx: number, ny: number, f: (x: number, y: number) => number): Float64Array {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(-1 + (2 * i) / (nx - 1), -1 + (2 * j) / (ny - 1));
  }
  return values;
}

/** Every coordinate pair of an SVG path made of M, L and Z commands. */
function coordinates(path: string): Array<[number, number]> {
  const numbers = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
  const out: Array<[number, number]> = [];
  for (let k = 0; k + 1 < numbers.length; k += 2) out.push([Number(numbers[k]), Number(numbers[k + 1])]);
  return out;
}

const width = 300;
const height = 200;

describe('computeContours and contourPath', () => {
  it('draws a non-empty bowl whose every point lies inside the pixel box', () => {
    const nx = 41;
    const ny = 31;
    const values = sample(nx, ny, (x, y) => x * x + y * y);
    const levels = chooseThresholds(values, 10);
    const bands = computeContours(values, nx, ny, levels);
    expect(bands.map((b) => b.value)).toEqual(levels);
    const paths = contourPaths(bands, nx, ny, width, height);
    for (const { path } of paths) {
      expect(path.length).toBeGreaterThan(0);
      for (const [px, py] of coordinates(path)) {
        expect(px).toBeGreaterThanOrEqual(0);
        expect(px).toBeLessThanOrEqual(width);
        expect(py).toBeGreaterThanOrEqual(0);
        expect(py).toBeLessThanOrEqual(height);
      }
    }
    // The lowest level is the minimum: its band is the whole box, edge to edge.
    const floor = coordinates(paths[0].path);
    expect(Math.min(...floor.map((p) => p[0]))).toBe(0);
    expect(Math.max(...floor.map((p) => p[0]))).toBe(width);
    expect(Math.min(...floor.map((p) => p[1]))).toBe(0);
    expect(Math.max(...floor.map((p) => p[1]))).toBe(height);
  });

  it('puts the bottom row of the grid at the bottom of the picture', () => {
    const nx = 11;
    const ny = 11;
    // f = y: the region f ≥ 0.5 is the upper quarter of the surface, so the top of the screen.
    const values = sample(nx, ny, (_, y) => y);
    const [band] = computeContours(values, nx, ny, [0.5]);
    const ys = coordinates(contourPath(band, nx, ny, width, height)).map((p) => p[1]);
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBeCloseTo(height / 4, 6);
  });

  it('maps sample i to x = i / (nx − 1) of the width, as sampleGrid places it', () => {
    const nx = 5;
    const ny = 5;
    // f = x: the isoline f = 0 (the middle column of samples) lands in the middle of the box.
    const values = sample(nx, ny, (x) => x);
    const [band] = computeContours(values, nx, ny, [0]);
    const xs = coordinates(contourPath(band, nx, ny, width, height)).map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(width / 2, 6);
    expect(Math.max(...xs)).toBe(width);
  });

  it('survives NaN and infinities, counting NaN and +∞ as higher than every level', () => {
    const nx = 21;
    const ny = 21;
    const values = sample(nx, ny, (x, y) => x * x + y * y);
    values[10 * nx + 10] = NaN; // the centre, where the bowl is lowest
    values[0] = Infinity;
    values[nx - 1] = -Infinity;
    const levels = chooseThresholds(values, 8);
    const bands = computeContours(values, nx, ny, levels);
    expect(bands).toHaveLength(levels.length);
    const top = bands[bands.length - 1];
    // The NaN cell at the centre sits inside the top band, though every finite neighbour is low.
    const covers = top.coordinates.some((polygon) => {
      const ring = polygon[0];
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      return Math.min(...xs) <= 10.5 && Math.max(...xs) >= 10.5 && Math.min(...ys) <= 10.5 && Math.max(...ys) >= 10.5;
    });
    expect(covers).toBe(true);
    for (const { path } of contourPaths(bands, nx, ny, width, height)) {
      expect(path).not.toMatch(/NaN|Infinity/);
    }
  });

  it('returns nothing for an empty threshold list or a degenerate grid', () => {
    const values = sample(4, 4, (x) => x);
    expect(computeContours(values, 4, 4, [])).toEqual([]);
    expect(computeContours(values, 1, 16, [0])).toEqual([]);
    expect(computeContours(new Float64Array(3), 4, 4, [0])).toEqual([]);
  });
});

describe('createContourSet', () => {
  it('chooses the levels and draws every band in grid units, lowest level first', () => {
    const nx = 41;
    const ny = 31;
    const values = sample(nx, ny, (x, y) => x * x + 10 * y * y);
    const set = createContourSet(values, nx, ny, 8);
    expect(set).toMatchObject({ nx, ny, spacing: 'linear' });
    expect(set.levels).toEqual(chooseThresholds(values, 8));
    expect(set.extent).toEqual([0, 11]);
    expect(set.bands).toHaveLength(set.levels.length);
    const floor = coordinates(set.bands[0]);
    expect(Math.min(...floor.map((p) => p[0]))).toBe(0);
    expect(Math.max(...floor.map((p) => p[0]))).toBe(nx - 1);
    expect(Math.max(...floor.map((p) => p[1]))).toBe(ny - 1);
    for (const band of set.bands) {
      for (const [gx, gy] of coordinates(band)) {
        expect(gx).toBeGreaterThanOrEqual(0);
        expect(gx).toBeLessThanOrEqual(nx - 1);
        expect(gy).toBeGreaterThanOrEqual(0);
        expect(gy).toBeLessThanOrEqual(ny - 1);
      }
    }
  });
});

describe('contourPath, written out', () => {
  it("gives exactly d3-geo's geoPath string, digit for digit", async () => {
    const { geoPath, geoTransform } = await import('d3');
    const nx = 37;
    const ny = 23;
    const values = sample(nx, ny, (x, y) => Math.sin(3 * x) * Math.cos(2 * y) + 0.3 * x * y);
    const levels = chooseThresholds(values, 15);
    for (const band of computeContours(values, nx, ny, levels)) {
      const projection = geoTransform({
        point(gx: number, gy: number) {
          this.stream.point(Math.min(nx - 1, Math.max(0, gx - 0.5)) * (width / (nx - 1)), height - Math.min(ny - 1, Math.max(0, gy - 0.5)) * (height / (ny - 1)));
        },
      });
      expect(contourPath(band, nx, ny, width, height)).toBe(geoPath(projection).digits(2)(band) ?? '');
    }
  });
});

describe('the undefined region', () => {
  it('traces where f is NaN, apart from the bands, which count it as above every level', () => {
    // log(x) + y² over [−1, 1]²: undefined on the left half.
    const nx = 21;
    const ny = 11;
    const values = sample(nx, ny, (x, y) => Math.log(x) + y * y);
    const set = createContourSet(values, nx, ny, 8);
    expect(set.undefinedRegion).toBeDefined();
    const xs = coordinates(set.undefinedRegion!).map(([x]) => x);
    // Grid units: x = 10 is the sample at 0, where log(0) = −∞ (defined, the lowest); the region ends half a cell before it.
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBeCloseTo(9.5, 9);
    expect(set.bands).toHaveLength(set.levels.length);
  });

  it('covers the whole grid when nothing in view is defined (no bands to draw)', () => {
    const set = createContourSet(new Float64Array(25).fill(NaN), 5, 5, 6);
    expect(set.bands).toEqual([]);
    expect(set.undefinedRegion).toBe('M0,0L4,0L4,4L0,4Z');
  });

  it('is absent where f is defined everywhere, an overflow (+∞) included', () => {
    expect(createContourSet(sample(9, 9, (x, y) => x * x + y * y), 9, 9, 6).undefinedRegion).toBeUndefined();
    expect(createContourSet(sample(9, 9, (x, y) => (x > 0.5 ? Infinity : x + y)), 9, 9, 6).undefinedRegion).toBeUndefined();
  });
});
