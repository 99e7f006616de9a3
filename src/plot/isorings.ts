/**
 * Marching squares: the region f ≥ level of a sampled grid as polygons with
 * holes. The same output as d3-contour 4's `contours().size([nx, ny])
 * .contour(values, level)` — the same rings, points, order and smoothing (a
 * test compares them on many grids) — about three times faster: d3's
 * fragment tables are arrays it `delete`s from, which V8 turns into slow
 * dictionaries, and it walks cases with a closure per segment. On a zoom the
 * worker contours ~20 levels of a 245 × 172 grid, and this is most of it.
 *
 * Algorithm and case table from d3-contour (ISC, © Mike Bostock), itself
 * after topojson-client's stitch; written out here for one grid, many levels.
 */

export type Point = [number, number];
export type Ring = Point[];

/** One level's region, as d3-contour returns it: each polygon is an outer ring and its holes. */
export interface LevelPolygons {
  type: 'MultiPolygon';
  value: number;
  coordinates: Ring[][];
}

/** Per case (4 bits: corners ≥ level), its segments as x₀, y₀, x₁, y₁ offsets from the cell. */
const cases: readonly (readonly number[])[] = [
  [],
  [1.0, 1.5, 0.5, 1.0],
  [1.5, 1.0, 1.0, 1.5],
  [1.5, 1.0, 0.5, 1.0],
  [1.0, 0.5, 1.5, 1.0],
  [1.0, 1.5, 0.5, 1.0, 1.0, 0.5, 1.5, 1.0],
  [1.0, 0.5, 1.0, 1.5],
  [1.0, 0.5, 0.5, 1.0],
  [0.5, 1.0, 1.0, 0.5],
  [1.0, 1.5, 1.0, 0.5],
  [0.5, 1.0, 1.0, 0.5, 1.5, 1.0, 1.0, 1.5],
  [1.5, 1.0, 1.0, 0.5],
  [0.5, 1.0, 1.5, 1.0],
  [1.0, 1.5, 1.5, 1.0],
  [0.5, 1.0, 1.0, 1.5],
  [],
];

interface Fragment {
  start: number;
  end: number;
  ring: Ring;
}

/**
 * The two index tables, shared by every contourer of this size: a zoom asks
 * for grid after grid of one size, and two fresh 0.7 MB tables per grid were
 * garbage. Only one level is ever traced at a time, and a traced level leaves
 * them empty; they are cleared when handed out all the same.
 */
let tables: { byStart: Int32Array; byEnd: Int32Array } | null = null;
function indexTables(size: number): { byStart: Int32Array; byEnd: Int32Array } {
  if (tables && tables.byStart.length === size) {
    tables.byStart.fill(0);
    tables.byEnd.fill(0);
  } else {
    tables = { byStart: new Int32Array(size), byEnd: new Int32Array(size) };
  }
  return tables;
}

/**
 * A contourer for one grid (row-major, `values[j * nx + i]`), called once per
 * level. Values must be numbers (contours.ts passes a Float64Array); NaN counts
 * as below every level, as in d3 (which also counts null so; here null is 0).
 */
export function gridContourer(values: ArrayLike<number>, nx: number, ny: number): (level: number) => LevelPolygons {
  const dx = nx;
  const dy = ny;
  // Fragment ends by point index, as fragment number + 1 (0: none). Every
  // ring closes, so both tables are empty again after each level.
  const { byStart, byEnd } = indexTables(4 * (dx + 1) * (dy + 1));
  const rowStride = (dx + 1) * 4;
  let fragments: Fragment[] = [];
  let closed: Ring[] = [];

  const index = (x: number, y: number) => x * 2 + y * rowStride;
  const fragmentAt = (slot: number) => (slot === 0 ? null : fragments[slot - 1]);
  function add(fragment: Fragment): number {
    fragments.push(fragment);
    return fragments.length;
  }

  function stitch(x0: number, y0: number, x1: number, y1: number) {
    const startIndex = index(x0, y0);
    const endIndex = index(x1, y1);
    let f = fragmentAt(byEnd[startIndex]);
    let g: Fragment | null;
    if (f) {
      if ((g = fragmentAt(byStart[endIndex]))) {
        byEnd[f.end] = 0;
        byStart[g.start] = 0;
        if (f === g) {
          f.ring.push([x1, y1]);
          closed.push(f.ring);
        } else {
          const joined = add({ start: f.start, end: g.end, ring: f.ring.concat(g.ring) });
          byStart[f.start] = joined;
          byEnd[g.end] = joined;
        }
      } else {
        const slot = byEnd[startIndex];
        byEnd[f.end] = 0;
        f.ring.push([x1, y1]);
        byEnd[(f.end = endIndex)] = slot;
      }
    } else if ((f = fragmentAt(byStart[endIndex]))) {
      if ((g = fragmentAt(byEnd[startIndex]))) {
        byStart[f.start] = 0;
        byEnd[g.end] = 0;
        if (f === g) {
          f.ring.push([x1, y1]);
          closed.push(f.ring);
        } else {
          const joined = add({ start: g.start, end: f.end, ring: g.ring.concat(f.ring) });
          byStart[g.start] = joined;
          byEnd[f.end] = joined;
        }
      } else {
        const slot = byStart[endIndex];
        byStart[f.start] = 0;
        f.ring.unshift([x0, y0]);
        byStart[(f.start = startIndex)] = slot;
      }
    } else {
      const fresh = add({ start: startIndex, end: endIndex, ring: [[x0, y0], [x1, y1]] });
      byStart[startIndex] = fresh;
      byEnd[endIndex] = fresh;
    }
  }

  function emit(kind: number, x: number, y: number) {
    const segments = cases[kind];
    for (let s = 0; s < segments.length; s += 4) stitch(segments[s] + x, segments[s + 1] + y, segments[s + 2] + x, segments[s + 3] + y);
  }

  /** The rings of f ≥ level, each closed (last point = first), in the order they close. */
  function isorings(level: number): Ring[] {
    closed = [];
    fragments = [];
    const at = (k: number) => (values[k] >= level ? 1 : 0);
    let x = -1;
    let y = -1;
    let t0: number;
    let t1: number;
    let t2: number;
    let t3: number;
    // The first row (y = −1, t2 = t3 = 0).
    t1 = at(0);
    emit(t1 << 1, x, y);
    while (++x < dx - 1) {
      t0 = t1;
      t1 = at(x + 1);
      emit(t0 | (t1 << 1), x, y);
    }
    emit(t1, x, y);
    // The rows between.
    while (++y < dy - 1) {
      x = -1;
      const row = y * dx;
      t1 = at(row + dx);
      t2 = at(row);
      emit((t1 << 1) | (t2 << 2), x, y);
      while (++x < dx - 1) {
        t0 = t1;
        t1 = at(row + dx + x + 1);
        t3 = t2;
        t2 = at(row + x + 1);
        const kind = t0 | (t1 << 1) | (t2 << 2) | (t3 << 3);
        if (kind !== 0 && kind !== 15) emit(kind, x, y);
      }
      emit(t1 | (t2 << 3), x, y);
    }
    // The last row (y = dy − 1, t0 = t1 = 0).
    x = -1;
    const row = y * dx;
    t2 = at(row);
    emit(t2 << 2, x, y);
    while (++x < dx - 1) {
      t3 = t2;
      t2 = at(row + x + 1);
      emit((t2 << 2) | (t3 << 3), x, y);
    }
    emit(t2 << 3, x, y);
    return closed;
  }

  /** Edge points move to where the linear interpolation between the two samples crosses the level. */
  function smooth(ring: Ring, level: number) {
    for (const point of ring) {
      const px = point[0];
      const py = point[1];
      const xt = px | 0;
      const yt = py | 0;
      const v1 = valid(values[yt * dx + xt]);
      if (px > 0 && px < dx && xt === px) point[0] = smooth1(px, valid(values[yt * dx + xt - 1]), v1, level);
      if (py > 0 && py < dy && yt === py) point[1] = smooth1(py, valid(values[(yt - 1) * dx + xt]), v1, level);
    }
  }

  return (level: number) => {
    const polygons: Ring[][] = [];
    const holes: Ring[] = [];
    for (const ring of isorings(level)) {
      smooth(ring, level);
      if (area(ring) > 0) polygons.push([ring]);
      else holes.push(ring);
    }
    for (const hole of holes) {
      for (const polygon of polygons) {
        if (contains(polygon[0], hole) !== -1) {
          polygon.push(hole);
          break;
        }
      }
    }
    return { type: 'MultiPolygon', value: level, coordinates: polygons };
  };
}

/** Invalid values count as −∞ when smoothing. */
function valid(v: number | undefined): number {
  return v == null || Number.isNaN(v) ? -Infinity : v;
}

function smooth1(x: number, v0: number, v1: number, level: number): number {
  const a = level - v0;
  const b = v1 - v0;
  const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return Number.isNaN(d) ? x : x + d - 0.5;
}

/** Twice the signed area; positive for an outer ring as the tracer orients them. */
function area(ring: Ring): number {
  const n = ring.length;
  let sum = ring[n - 1][1] * ring[0][0] - ring[n - 1][0] * ring[0][1];
  for (let i = 1; i < n; i++) sum += ring[i - 1][1] * ring[i][0] - ring[i - 1][0] * ring[i][1];
  return sum;
}

/** 1 if the hole lies inside the ring, −1 outside, 0 when its first decisive point is on the ring. */
function contains(ring: Ring, hole: Ring): number {
  for (const point of hole) {
    const c = ringContains(ring, point);
    if (c) return c;
  }
  return 0;
}

function ringContains(ring: Ring, point: Point): number {
  const [x, y] = point;
  let inside = -1;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const pi = ring[i];
    const pj = ring[j];
    const xi = pi[0];
    const yi = pi[1];
    const xj = pj[0];
    const yj = pj[1];
    if (segmentContains(pi, pj, point)) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = -inside;
  }
  return inside;
}

function segmentContains(a: Point, b: Point, c: Point): boolean {
  const i = a[0] === b[0] ? 1 : 0;
  return collinear(a, b, c) && within(a[i], c[i], b[i]);
}

function collinear(a: Point, b: Point, c: Point): boolean {
  return (b[0] - a[0]) * (c[1] - a[1]) === (c[0] - a[0]) * (b[1] - a[1]);
}

function within(p: number, q: number, r: number): boolean {
  return (p <= q && q <= r) || (r <= q && q <= p);
}
