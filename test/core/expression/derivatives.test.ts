/**
 * The derivatives corpus: for each expression, its gradient and Hessian
 * derived by hand and written out here, checked against the forward-mode AD
 * at several points. H is [fxx, fxy, fyy].
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, type Evaluator } from '../../../src/core/expression';

type Fn = (x: number, y: number) => number[];
interface Case {
  text: string;
  gradient: Fn;
  hessian: Fn;
  /** Points inside the domain (default: a spread over [−2, 2]²). */
  at?: Array<[number, number]>;
}

const { sin, cos, tan, exp, log, sqrt, tanh, sinh, cosh, PI: pi } = Math;
const sigmoid = (u: number) => 1 / (1 + exp(-u));
const spread: Array<[number, number]> = [[0.3, -0.7], [1.2, 0.4], [-0.8, 1.5], [2.1, -1.3], [-1.7, -0.6]];
const positive: Array<[number, number]> = [[0.3, 0.7], [1.2, 0.4], [0.8, 1.5], [2.1, 1.3], [1.7, 0.6]];

const corpus: Case[] = [
  { text: 'x^2 + 10*y^2', gradient: (x, y) => [2 * x, 20 * y], hessian: () => [2, 0, 20] },
  {
    text: 'sin(x)*cos(y)',
    gradient: (x, y) => [cos(x) * cos(y), -sin(x) * sin(y)],
    hessian: (x, y) => [-sin(x) * cos(y), -cos(x) * sin(y), -sin(x) * cos(y)],
  },
  {
    text: 'sin(x)*cos(y) + 0.1*(x^2+y^2)',
    gradient: (x, y) => [cos(x) * cos(y) + 0.2 * x, -sin(x) * sin(y) + 0.2 * y],
    hessian: (x, y) => [-sin(x) * cos(y) + 0.2, -cos(x) * sin(y), -sin(x) * cos(y) + 0.2],
  },
  { text: 'x*y', gradient: (x, y) => [y, x], hessian: () => [0, 1, 0] },
  { text: 'x/y', gradient: (x, y) => [1 / y, -x / y ** 2], hessian: (x, y) => [0, -1 / y ** 2, (2 * x) / y ** 3] },
  {
    text: 'exp(x*y)',
    gradient: (x, y) => [y * exp(x * y), x * exp(x * y)],
    hessian: (x, y) => [y * y * exp(x * y), (1 + x * y) * exp(x * y), x * x * exp(x * y)],
  },
  {
    text: 'e^(x*y)',
    gradient: (x, y) => [y * exp(x * y), x * exp(x * y)],
    hessian: (x, y) => [y * y * exp(x * y), (1 + x * y) * exp(x * y), x * x * exp(x * y)],
  },
  {
    text: 'log(1 + x^2 + y^2)',
    gradient: (x, y) => { const q = 1 + x * x + y * y; return [(2 * x) / q, (2 * y) / q]; },
    hessian: (x, y) => {
      const q = 1 + x * x + y * y;
      return [(2 * q - 4 * x * x) / q ** 2, (-4 * x * y) / q ** 2, (2 * q - 4 * y * y) / q ** 2];
    },
  },
  {
    text: 'sqrt(x^2 + y^2 + 1)',
    gradient: (x, y) => { const r = sqrt(x * x + y * y + 1); return [x / r, y / r]; },
    hessian: (x, y) => { const r = sqrt(x * x + y * y + 1); return [(y * y + 1) / r ** 3, (-x * y) / r ** 3, (x * x + 1) / r ** 3]; },
  },
  {
    text: 'tanh(x + 2*y)',
    gradient: (x, y) => { const s = 1 - tanh(x + 2 * y) ** 2; return [s, 2 * s]; },
    hessian: (x, y) => {
      const t = tanh(x + 2 * y);
      const c = -2 * t * (1 - t * t);
      return [c, 2 * c, 4 * c];
    },
  },
  {
    text: 'sigmoid(x - y)',
    gradient: (x, y) => { const s = sigmoid(x - y); return [s * (1 - s), -s * (1 - s)]; },
    hessian: (x, y) => { const s = sigmoid(x - y); const c = s * (1 - s) * (1 - 2 * s); return [c, -c, c]; },
  },
  {
    text: 'atan(x*y)',
    gradient: (x, y) => { const d = 1 / (1 + (x * y) ** 2); return [y * d, x * d]; },
    hessian: (x, y) => {
      const u = x * y;
      const d = 1 / (1 + u * u);
      const g2 = -2 * u * d * d;
      return [y * y * g2, x * y * g2 + d, x * x * g2];
    },
  },
  {
    text: 'asin(x/2)',
    gradient: (x) => [0.5 / sqrt(1 - (x / 2) ** 2), 0],
    hessian: (x) => { const u = x / 2; return [(0.25 * u) / (1 - u * u) ** 1.5, 0, 0]; },
    at: [[0.3, 0], [-1.2, 1], [1.9, -2]],
  },
  {
    text: 'acos(y/3)',
    gradient: (_x, y) => [0, -(1 / 3) / sqrt(1 - (y / 3) ** 2)],
    hessian: (_x, y) => { const u = y / 3; return [0, 0, (-(1 / 9) * u) / (1 - u * u) ** 1.5]; },
  },
  {
    text: 'tan(x) + y',
    gradient: (x) => [1 / cos(x) ** 2, 1],
    hessian: (x) => [(2 * tan(x)) / cos(x) ** 2, 0, 0],
    at: [[0.3, 1], [-1.2, 0], [1.5, -2]],
  },
  {
    text: 'sinh(x)*cosh(y)',
    gradient: (x, y) => [cosh(x) * cosh(y), sinh(x) * sinh(y)],
    hessian: (x, y) => [sinh(x) * cosh(y), cosh(x) * sinh(y), sinh(x) * cosh(y)],
  },
  { text: 'abs(x - 1) + abs(y)', gradient: (x, y) => [Math.sign(x - 1), Math.sign(y)], hessian: () => [0, 0, 0] },
  {
    text: 'max(x^2, y)',
    gradient: (x, y) => (x * x >= y ? [2 * x, 0] : [0, 1]),
    hessian: (x, y) => (x * x >= y ? [2, 0, 0] : [0, 0, 0]),
  },
  {
    text: 'min(x*y, 1)',
    gradient: (x, y) => (x * y <= 1 ? [y, x] : [0, 0]),
    hessian: (x, y) => (x * y <= 1 ? [0, 1, 0] : [0, 0, 0]),
  },
  {
    text: 'pow(x, y)',
    gradient: (x, y) => [y * x ** (y - 1), x ** y * log(x)],
    hessian: (x, y) => [y * (y - 1) * x ** (y - 2), x ** (y - 1) * (1 + y * log(x)), x ** y * log(x) ** 2],
    at: positive,
  },
  {
    text: 'pow(x^2 + 1, y)',
    gradient: (x, y) => { const a = x * x + 1; return [y * a ** (y - 1) * 2 * x, a ** y * log(a)]; },
    hessian: (x, y) => {
      const a = x * x + 1;
      return [
        y * (y - 1) * a ** (y - 2) * 4 * x * x + y * a ** (y - 1) * 2,
        a ** (y - 1) * 2 * x * (1 + y * log(a)),
        a ** y * log(a) ** 2,
      ];
    },
  },
  {
    text: 'x^3 - 3*x*y^2',
    gradient: (x, y) => [3 * x * x - 3 * y * y, -6 * x * y],
    hessian: (x, y) => [6 * x, -6 * y, -6 * x],
  },
  {
    text: '(1 - x)^2 + 100*(y - x^2)^2',
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    hessian: (x, y) => [2 - 400 * y + 1200 * x * x, -400 * x, 200],
  },
  {
    text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    gradient: (x, y) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
    },
    hessian: (x, y) => [12 * x * x + 4 * y - 42, 4 * x + 4 * y, 4 * x + 12 * y * y - 26],
  },
  {
    text: 'x*cos(pi*x) + y*cos(pi*y)',
    gradient: (x, y) => [cos(pi * x) - pi * x * sin(pi * x), cos(pi * y) - pi * y * sin(pi * y)],
    hessian: (x, y) => [
      -2 * pi * sin(pi * x) - pi * pi * x * cos(pi * x), 0, -2 * pi * sin(pi * y) - pi * pi * y * cos(pi * y),
    ],
  },
  {
    text: '0.26*(x^2 + y^2) - 0.48*x*y',
    gradient: (x, y) => [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x],
    hessian: () => [0.52, -0.48, 0.52],
  },
  {
    text: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
    gradient: (x, y) => {
      const a = x + 2 * y - 7;
      const b = 2 * x + y - 5;
      return [2 * a + 4 * b, 4 * a + 2 * b];
    },
    hessian: () => [10, 8, 10],
  },
  {
    text: 'x^(-1) + y^0.5',
    gradient: (x, y) => [-1 / x ** 2, 0.5 / sqrt(y)],
    hessian: (x, y) => [2 / x ** 3, 0, -0.25 * y ** -1.5],
    at: positive,
  },
  {
    text: '2^x * 3^y',
    gradient: (x, y) => [log(2) * 2 ** x * 3 ** y, log(3) * 2 ** x * 3 ** y],
    hessian: (x, y) => { const f = 2 ** x * 3 ** y; return [log(2) ** 2 * f, log(2) * log(3) * f, log(3) ** 2 * f]; },
  },
  { text: 'x^4', gradient: (x) => [4 * x ** 3, 0], hessian: (x) => [12 * x * x, 0, 0] },
  {
    text: '(x - y)^3',
    gradient: (x, y) => [3 * (x - y) ** 2, -3 * (x - y) ** 2],
    hessian: (x, y) => { const u = x - y; return [6 * u, -6 * u, 6 * u]; },
  },
  { text: 'cos(x)^2 + sin(x)^2 + y', gradient: () => [0, 1], hessian: () => [0, 0, 0] },
  {
    text: '1/(1 + x^2 + y^2)',
    gradient: (x, y) => { const q = 1 + x * x + y * y; return [(-2 * x) / q ** 2, (-2 * y) / q ** 2]; },
    hessian: (x, y) => {
      const q = 1 + x * x + y * y;
      return [(-2 * q + 8 * x * x) / q ** 3, (8 * x * y) / q ** 3, (-2 * q + 8 * y * y) / q ** 3];
    },
  },
  {
    text: 'exp(-(x^2 + y^2)/2)',
    gradient: (x, y) => { const g = exp(-(x * x + y * y) / 2); return [-x * g, -y * g]; },
    hessian: (x, y) => { const g = exp(-(x * x + y * y) / 2); return [(x * x - 1) * g, x * y * g, (y * y - 1) * g]; },
  },
  { text: 'log(x) + log(y)', gradient: (x, y) => [1 / x, 1 / y], hessian: (x, y) => [-1 / x ** 2, 0, -1 / y ** 2], at: positive },
  {
    text: 'sqrt(x)*y',
    gradient: (x, y) => [y / (2 * sqrt(x)), sqrt(x)],
    hessian: (x, y) => [-y / (4 * x ** 1.5), 1 / (2 * sqrt(x)), 0],
    at: positive,
  },
  {
    text: 'x*exp(-x^2 - y^2)',
    gradient: (x, y) => { const g = exp(-x * x - y * y); return [(1 - 2 * x * x) * g, -2 * x * y * g]; },
    hessian: (x, y) => {
      const g = exp(-x * x - y * y);
      return [(4 * x ** 3 - 6 * x) * g, -2 * y * (1 - 2 * x * x) * g, (-2 * x + 4 * x * y * y) * g];
    },
  },
  {
    text: '(x^2 + y^2)/(1 + x^2)',
    gradient: (x, y) => { const p = 1 + x * x; return [(-(y * y - 1) * 2 * x) / p ** 2, (2 * y) / p]; },
    hessian: (x, y) => { const p = 1 + x * x; return [(-(y * y - 1) * (2 * p - 8 * x * x)) / p ** 3, (-4 * x * y) / p ** 2, 2 / p]; },
  },
  {
    text: 'sin(x + y)*exp(x - y)',
    gradient: (x, y) => {
      const s = sin(x + y), c = cos(x + y), E = exp(x - y);
      return [(c + s) * E, (c - s) * E];
    },
    hessian: (x, y) => {
      const s = sin(x + y), c = cos(x + y), E = exp(x - y);
      return [2 * c * E, -2 * s * E, -2 * c * E];
    },
  },
  {
    text: 'cosh(x) - sinh(y)*x',
    gradient: (x, y) => [sinh(x) - sinh(y), -x * cosh(y)],
    hessian: (x, y) => [cosh(x), -cosh(y), -x * sinh(y)],
  },
];

/** Equal up to rounding: hand formulas and AD take different but exact routes. */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-10 * Math.max(1, Math.abs(expected));
}

function evaluator(text: string): Evaluator {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.message}`);
  return compiled.evaluator;
}

describe('the derivatives corpus: AD against hand-derived formulas', () => {
  it('has at least 30 expressions', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const e = evaluator(c.text);
    const out = new Float64Array(6);
    const g = new Float64Array(2);
    for (const [x, y] of c.at ?? spread) {
      e.evaluate(x, y, out);
      const gradient = c.gradient(x, y);
      const hessian = c.hessian(x, y);
      const got = [...out.slice(1, 3), ...out.slice(3, 6)];
      const want = [...gradient, ...hessian];
      const wrong = want.map((w, k) => (close(got[k], w) ? null : `${['fx', 'fy', 'fxx', 'fxy', 'fyy'][k]}: ${got[k]} ≠ ${w}`));
      expect(wrong.filter(Boolean), `at (${x}, ${y})`).toEqual([]);
      // The first-order pass gives the same gradient.
      e.gradient(x, y, g);
      expect([g[0], g[1]]).toEqual([out[1], out[2]]);
    }
  });
});
