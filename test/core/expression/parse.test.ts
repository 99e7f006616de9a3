import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpression, formatTree, maxExpressionLength, maxNestingDepth, parseExpression } from '../../../src/core/expression';
import { expressionTree, toText } from './arbitraries';

function tree(text: string): string {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message} at ${parsed.column}`);
  return formatTree(parsed.tree);
}

function valueOf(text: string, x = 0, y = 0): number {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.evaluator.value(x, y);
}

describe('parseExpression builds the tree the precedence rules say', () => {
  it.each([
    ['1', '1'],
    ['2.5', '2.5'],
    ['.5', '0.5'],
    ['3.', '3'],
    ['1e-3', '0.001'],
    ['2E+4', '20000'],
    ['x', 'x'],
    ['y', 'y'],
    ['pi', 'pi'],
    ['e', 'e'],
    ['x + y', '(+ x y)'],
    ['x - y - 1', '(- (- x y) 1)'],
    ['x * y / 2', '(/ (* x y) 2)'],
    ['x / y / 2', '(/ (/ x y) 2)'],
    ['x + y * 2', '(+ x (* y 2))'],
    ['(x + y) * 2', '(* (+ x y) 2)'],
    ['2^3^2', '(^ 2 (^ 3 2))'],
    ['2 ^ 3 * 4', '(* (^ 2 3) 4)'],
    ['-x^2', '(neg (^ x 2))'],
    ['-x*y', '(* (neg x) y)'],
    ['2*-x', '(* 2 (neg x))'],
    ['--x', '(neg (neg x))'],
    ['+x', 'x'],
    ['2^-x', '(^ 2 (neg x))'],
    ['2^-x*3', '(* (^ 2 (neg x)) 3)'],
    ['((x))', 'x'],
    ['x^2/20 + y^2', '(+ (/ (^ x 2) 20) (^ y 2))'],
    ['sin(x)*cos(y)', '(* (sin x) (cos y))'],
    ['max(x, y^2)', '(max x (^ y 2))'],
    ['min(max(x, 0), 1)', '(min (max x 0) 1)'],
    ['pow(x, 3)', '(pow x 3)'],
    ['sigmoid(x*y)', '(sigmoid (* x y))'],
    ['exp(-(x^2 + y^2))', '(exp (neg (+ (^ x 2) (^ y 2))))'],
    ['e^x', '(^ e x)'],
    [' x\t+\n y ', '(+ x y)'],
    ['x² + y³', '(+ (^ x 2) (^ y 3))'],
    ['x − y', '(- x y)'],
    ['2·x × y ÷ 3', '(/ (* (* 2 x) y) 3)'],
    ['π*x', '(* pi x)'],
    [
      'abs(x)+sqrt(y)+log(x)+tanh(y)+sinh(x)+cosh(y)+asin(x)+acos(y)+atan(x)+tan(y)',
      '(+ (+ (+ (+ (+ (+ (+ (+ (+ (abs x) (sqrt y)) (log x)) (tanh y)) (sinh x)) (cosh y)) (asin x)) (acos y)) (atan x)) (tan y))',
    ],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });
});

describe('parsed expressions have the values of ordinary arithmetic', () => {
  it.each([
    ['2^3^2', 512],
    ['-2^2', -4],
    ['(-2)^2', 4],
    ['(-2)^3', -8],
    ['2*3 + 4', 10],
    ['2*(3 + 4)', 14],
    ['1e-3 * 1000', 1],
    ['8 / 4 / 2', 1],
    ['10 - 4 - 3', 3],
    ['pi', Math.PI],
    ['e', Math.E],
    ['max(2, 3) - min(2, 3)', 1],
    ['pow(2, 10)', 1024],
  ])('%s = %d', (text, expected) => {
    expect(valueOf(text)).toBe(expected);
  });

  it('reads x and y where they are', () => {
    expect(valueOf('x - 2*y', 5, 1)).toBe(3);
    expect(valueOf('x^y', 2, 3)).toBe(8);
  });
});

describe('parseExpression reports what is wrong and where', () => {
  it.each([
    ['', 'empty expression', 1, 0],
    ['   ', 'empty expression', 1, 0],
    ['2x', "expected an operator between '2' and 'x'", 2, 1],
    ['2 3', "expected an operator between '2' and '3'", 3, 1],
    ['x(2)', "expected an operator between 'x' and '('", 2, 1],
    ['(x)(y)', "expected an operator between ')' and '('", 4, 1],
    ['pi x', "expected an operator between 'pi' and 'x'", 4, 1],
    ['-cos(x', "expected ')' after 'cos(x'", 7, 0],
    ['cos(x', "expected ')' after 'cos(x'", 6, 0],
    ['(x + 1', "expected ')' after '(x + 1'", 7, 0],
    ['max(x, y   ', "expected ')' after 'max(x, y'", 9, 0],
    ['sinn(x)', "unknown function 'sinn'", 1, 4],
    ['ln(x)', "unknown function 'ln' (log is the natural logarithm)", 1, 2],
    ['z + 1', "unknown name 'z' (use x and y)", 1, 1],
    ['x + X', "unknown name 'X' (use x and y)", 5, 1],
    ['max(x)', "'max' takes 2 arguments", 1, 6],
    ['sin(x, y)', "'sin' takes 1 argument", 1, 9],
    ['sin()', "'sin' takes 1 argument", 1, 5],
    [')', "unexpected ')'", 1, 1],
    ['x)', "unexpected ')'", 2, 1],
    ['max(x, )', "unexpected ')'", 8, 1],
    ['x +', "expected a value after '+'", 4, 0],
    ['x ^  ', "expected a value after '^'", 4, 0],
    ['* x', "unexpected '*'", 1, 1],
    ['x * / y', "unexpected '/'", 5, 1],
    ['sin x', "expected '(' after 'sin'", 1, 3],
    ['()', 'empty parentheses', 1, 2],
    ['(x, y)', "unexpected ','", 3, 1],
    ['x, y', "unexpected ','", 2, 1],
    ['1.2.3', "malformed number '1.2.3'", 1, 5],
    ['x.y', "malformed number '.'", 2, 1],
    ['1e999', "the number '1e999' is too large", 1, 5],
    ['x $ y', "unexpected character '$'", 3, 1],
    ['x + 😀', "unexpected character '😀'", 5, 2],
    ['x\u202e + y', "unexpected character 'U+202E'", 2, 1],
    ['x\u00a0+ y', "unexpected character 'U+00A0'", 2, 1],
  ])('%j: %s at column %d', (text, message, column, length) => {
    expect(parseExpression(text)).toEqual({ ok: false, message, column, length });
  });

  it('refuses text longer than the limit and points past the limit', () => {
    const text = 'x+'.repeat(300) + 'x';
    expect(parseExpression(text)).toEqual({
      ok: false,
      message: `the expression is longer than ${maxExpressionLength} characters`,
      column: maxExpressionLength + 1,
      length: text.length - maxExpressionLength,
    });
    expect(parseExpression('x+'.repeat(249) + 'x').ok).toBe(true);
  });

  it(`accepts ${maxNestingDepth} nested parentheses and refuses one more, without a stack overflow`, () => {
    const nested = (n: number) => '('.repeat(n) + 'x' + ')'.repeat(n);
    expect(parseExpression(nested(maxNestingDepth)).ok).toBe(true);
    expect(parseExpression(nested(maxNestingDepth + 1))).toEqual({
      ok: false,
      message: `the expression is nested too deeply (more than ${maxNestingDepth} levels)`,
      column: maxNestingDepth + 1,
      length: 1,
    });
    expect(parseExpression('('.repeat(499) + 'x')).toMatchObject({ ok: false, column: maxNestingDepth + 1 });
  });

  it('limits chains of signs, powers and calls the same way', () => {
    for (const text of ['-'.repeat(100) + 'x', 'x^'.repeat(100) + 'x', 'sin('.repeat(80) + 'x' + ')'.repeat(80)]) {
      expect(parseExpression(text)).toMatchObject({ ok: false, message: expect.stringContaining('nested too deeply') });
    }
  });

  it('answers a value that is not text with a message', () => {
    expect(parseExpression(42 as unknown as string)).toEqual({ ok: false, message: 'the expression is not text', column: 1, length: 0 });
  });
});

describe('parseExpression on any input', () => {
  const alphabet = fc.constantFrom(
    'x', 'y', '1', '2.5', '.', 'e', 'E', '(', ')', ',', '+', '-', '*', '/', '^', ' ', 'sin', 'max', 'pi', 'q', '²', '−', '#',
  );

  it('never throws and always points inside the text (or just past it)', () => {
    const check = (text: string) => {
      const result = parseExpression(text);
      if (result.ok) return true;
      return result.message.length > 0 && result.column >= 1 && result.length >= 0
        && result.column - 1 + result.length <= text.length;
    };
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), check), { numRuns: 800 });
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'binary' }), check), { numRuns: 400 });
  });

  it('reads back what a printer writes: the same tree', () => {
    fc.assert(
      fc.property(expressionTree(), (node) => {
        const parsed = parseExpression(toText(node));
        return parsed.ok && formatTree(parsed.tree) === formatTree(node);
      }),
      { numRuns: 500 },
    );
  });
});
