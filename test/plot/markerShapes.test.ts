import { describe, expect, it } from 'vitest';
import { symbol, symbolDiamond, symbolTriangle, symbolX } from 'd3';
import { crossPath, diamondPath, trianglePath } from '../../src/plot/markerShapes';

describe('marker shapes', () => {
  it.each([16, 70, 200])("match d3-shape's symbols at size %d", (size) => {
    expect(trianglePath(size)).toBe(symbol(symbolTriangle, size)());
    expect(diamondPath(size)).toBe(symbol(symbolDiamond, size)());
    expect(crossPath(size)).toBe(symbol(symbolX, size)());
  });
});
