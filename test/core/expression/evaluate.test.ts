import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileExpression, compileTree, createEvaluator, parseExpression, type Evaluator, type ExpressionNode,
} from '../../../src/core/expression';
import { createPointCache } from '../../../src/core/expression/pointCache';
import { expressionTree, smoothTree, toText } from './arbitraries';

function evaluator(text: string): Evaluator {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.message}`);
  return compiled.evaluator;
}
const fromTree = (node: ExpressionNode) => createEvaluator(compileTree(node));

function parseTree(text: string): ExpressionNode {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.tree;
}

/** Fourth-order central difference: error O(h⁴), so h = 1e-3 leaves ~1e-12 truncation and ~1e-13·|f| rounding. */
function derivative(g: (t: number) => number, t: number, h = 1e-3): number {
  return (-g(t + 2 * h) + 8 * g(t + h) - 8 * g(t - h) + g(t - 2 * h)) / (12 * h);
}

const point = fc.tuple(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }));

describe('forward-mode AD on random expressions', () => {
  it('the gradient matches central differences of f', () => {
    fc.assert(
      fc.property(smoothTree(), point, (node, [x, y]) => {
        const e = fromTree(node);
        const g = new Float64Array(2);
        const f = e.gradient(x, y, g);
        const nx = derivative((t) => e.value(t, y), x);
        const ny = derivative((t) => e.value(x, t), y);
        const scale = Math.max(1, Math.abs(f), Math.abs(g[0]), Math.abs(g[1]));
        if (Math.abs(g[0] - nx) > 1e-6 * scale || Math.abs(g[1] - ny) > 1e-6 * scale) {
          throw new Error(`${toText(node)} at (${x}, ${y}): AD ${g[0]}, ${g[1]}; differences ${nx}, ${ny}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the Hessian matches central differences of the gradient, and is symmetric by construction', () => {
    fc.assert(
      fc.property(smoothTree(), point, (node, [x, y]) => {
        const e = fromTree(node);
        const out = new Float64Array(6);
        const g = new Float64Array(2);
        e.evaluate(x, y, out);
        const gx = (u: number, v: number) => (e.gradient(u, v, g), g[0]);
        const gy = (u: number, v: number) => (e.gradient(u, v, g), g[1]);
        const fxx = derivative((t) => gx(t, y), x);
        const fxy = derivative((t) => gx(x, t), y);
        const fyx = derivative((t) => gy(t, y), x);
        const fyy = derivative((t) => gy(x, t), y);
        const scale = Math.max(1, ...Array.from(out).map(Math.abs));
        const wrong = [[out[3], fxx], [out[4], fxy], [out[4], fyx], [out[5], fyy]].some(([a, b]) => Math.abs(a - b) > 1e-5 * scale);
        if (wrong) throw new Error(`${toText(node)} at (${x}, ${y}): AD ${out.slice(3)}; differences ${[fxx, fxy, fyx, fyy]}`);
      }),
      { numRuns: 200 },
    );
  });

  it('value, gradient and full passes agree to the last bit (so a cache may serve any of them)', () => {
    const anyPoint = fc.tuple(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }));
    fc.assert(
      fc.property(expressionTree(), anyPoint, (node, [x, y]) => {
        const e = fromTree(node);
        const g = new Float64Array(2);
        const out = new Float64Array(6);
        const f = e.value(x, y);
        const fg = e.gradient(x, y, g);
        e.evaluate(x, y, out);
        return Object.is(f, fg) && Object.is(f, out[0]) && Object.is(g[0], out[1]) && Object.is(g[1], out[2]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('compiling', () => {
  it.each([
    ['sin(2) + x', 'sin(x) + 2', 2],
    ['exp(1.5)*x', 'exp(x)*1.5', 1.5],
    ['2^10 + x', 'x^10 + 2', 2],
    ['(-3)^2 + x', 'x^2 - 3', -3],
    ['3^-1 + x', 'x^-1 + 3', 3],
    ['sigmoid(0.3) - x', 'sigmoid(x) - 0.3', 0.3],
    ['max(2, 5) * x', 'max(x, 5) * 2', 2],
  ])('folds %s to the value the program computes for %s', (folded, varying, at) => {
    expect(evaluator(folded).value(at, 0)).toBe(evaluator(varying).value(at, 0));
  });

  it('computes a repeated subexpression once', () => {
    const instructions = (text: string) => compileTree(parseTree(text)).opcodes.length;
    // sin, square, add: the second sin(x) reuses the first.
    expect(instructions('sin(x)^2 + sin(x)')).toBe(3);
    expect(instructions('(x + y)*(x + y)')).toBe(2);
    expect(instructions('x/20 + y/20')).toBe(3);
  });

  it('gives 0^x the same flat slope in every pass, even where 0^x is infinite', () => {
    // fast-check's counterexample: the second-order pass once made ∞·0 = NaN here.
    const e = evaluator('sigmoid(0^x) + sin(-x)');
    const g = new Float64Array(2);
    const out = new Float64Array(6);
    e.gradient(-5e-324, 0, g);
    e.evaluate(-5e-324, 0, out);
    expect([out[1], out[2]]).toEqual([g[0], g[1]]);
    expect(Number.isNaN(out[1])).toBe(false);
  });

  it('turns a constant f into zero derivatives, and an undefined constant into +∞', () => {
    const g = new Float64Array(2);
    const out = new Float64Array(6);
    const e = evaluator('2*pi');
    expect(e.gradient(1, 2, g)).toBe(2 * Math.PI);
    expect(Array.from(g)).toEqual([0, 0]);
    e.evaluate(1, 2, out);
    expect(Array.from(out)).toEqual([2 * Math.PI, 0, 0, 0, 0, 0]);
    expect(evaluator('sqrt(-1)').value(0, 0)).toBe(Infinity);
  });
});

describe('outside the domain f is +∞ and every derivative NaN (the course\'s safe(f))', () => {
  it.each([
    ['log(x)', -1, 0],
    ['log(x)', 0, 0],
    ['sqrt(x)', -1, 0],
    ['x/y', 0, 0],
    ['x/y', 1, 0],
    ['asin(2*x)', 1, 0],
    ['acos(y)', 0, 1.5],
    ['x^0.5', -1, 0],
    ['x^y', -2, 2],
    ['(-2)^x', 2, 0],
    ['exp(x)', 1000, 0],
    ['0*log(x)', -1, 0],
    ['log(x)^0', -1, 0],
    ['max(log(x), 0)', -1, 0],
    ['pow(x, 0.5) + y', -4, 1],
  ])('%s at (%d, %d)', (text, x, y) => {
    const e = evaluator(text);
    const g = new Float64Array(2);
    const out = new Float64Array(6);
    expect(e.value(x, y)).toBe(Infinity);
    expect(e.gradient(x, y, g)).toBe(Infinity);
    expect(Array.from(g)).toEqual([NaN, NaN]);
    e.evaluate(x, y, out);
    expect(Array.from(out)).toEqual([Infinity, NaN, NaN, NaN, NaN, NaN]);
  });

  it('keeps integer powers of negative numbers, which are defined', () => {
    const g = new Float64Array(2);
    expect(evaluator('x^3').gradient(-2, 0, g)).toBe(-8);
    expect(g[0]).toBe(12);
    expect(evaluator('x^2').value(-3, 0)).toBe(9);
    expect(evaluator('pow(x, -2)').value(-2, 0)).toBe(0.25);
  });

  it('at the edge of a domain gives the finite value with an infinite slope', () => {
    const g = new Float64Array(2);
    expect(evaluator('sqrt(x)').gradient(0, 0, g)).toBe(0);
    expect(g[0]).toBe(Infinity);
    expect(evaluator('abs(x)').gradient(0, 0, g)).toBe(0);
    expect(Array.from(g)).toEqual([0, 0]);
  });
});

describe('the point cache', () => {
  it('answers any sequence of questions exactly as fresh passes would', () => {
    const pool: Array<[number, number]> = [[0.5, -1], [1.25, 0.75], [0, 0], [-0, 0], [2, 3]];
    const call = fc.tuple(fc.constantFrom('f', 'gradient', 'hessian'), fc.integer({ min: 0, max: pool.length - 1 }));
    fc.assert(
      fc.property(fc.constantFrom('x*exp(1/x) + y^2', 'sin(x)*cos(y)', 'log(x) + y'), fc.array(call, { maxLength: 30 }), (text, calls) => {
        const fresh = evaluator(text);
        const cached = createPointCache(evaluator(text));
        const a = new Float64Array(6);
        const b = new Float64Array(6);
        for (const [what, k] of calls) {
          const [x, y] = pool[k];
          fresh.evaluate(x, y, a);
          if (what === 'f') {
            if (!Object.is(cached.f(x, y), fresh.value(x, y))) return false;
          } else if (what === 'gradient') {
            cached.gradient(x, y, b);
            if (!Object.is(b[0], a[1]) || !Object.is(b[1], a[2])) return false;
          } else {
            cached.hessian(x, y, b);
            if (!Object.is(b[0], a[3]) || !Object.is(b[1], a[4]) || !Object.is(b[2], a[5])) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('tells 0 from −0, where exp(1/x) is +∞ on one side and 0 on the other', () => {
    const cached = createPointCache(evaluator('exp(1/x)'));
    expect(cached.f(0, 1)).toBe(Infinity);
    expect(cached.f(-0, 1)).toBe(0);
  });
});
