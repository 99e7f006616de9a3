/**
 * The critical-point markers' outlines as SVG paths centred on (0, 0), with
 * area `size` in square pixels: d3-shape's triangle, diamond and "times"
 * symbols, written out (a test checks them against d3-shape) so the page's
 * first download carries three formulas instead of d3-shape.
 */

/** Three decimals, as d3-path writes a symbol. */
const r3 = (value: number) => Math.round(value * 1000) / 1000;
const point = (x: number, y: number) => `${r3(x)},${r3(y)}`;

/** Equilateral triangle pointing up; rotate by 180° for a downward one. */
export function trianglePath(size: number): string {
  const y = -Math.sqrt(size / (Math.sqrt(3) * 3));
  const x = Math.sqrt(3) * y;
  return `M${point(0, y * 2)}L${point(-x, -y)}L${point(x, -y)}Z`;
}

/** A rhombus taller than wide, the shape d3 calls symbolDiamond. */
export function diamondPath(size: number): string {
  const tan30 = Math.sqrt(1 / 3);
  const y = Math.sqrt(size / (tan30 * 2));
  const x = y * tan30;
  return `M${point(0, -y)}L${point(x, 0)}L${point(0, y)}L${point(-x, 0)}Z`;
}

/** A diagonal cross (two strokes); d3's symbolTimes / symbolX. */
export function crossPath(size: number): string {
  const r = Math.sqrt(size - Math.min(size / 6, 1.7)) * 0.6189;
  return `M${point(-r, -r)}L${point(r, r)}M${point(-r, r)}L${point(r, -r)}`;
}
