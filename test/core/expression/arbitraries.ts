/** fast-check generators of expression trees, and a printer that writes them as text. */
import fc from 'fast-check';
import type { ExpressionNode, FunctionName } from '../../../src/core/expression';

const unaryNames: FunctionName[] = [
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'sinh', 'cosh',
];

const number = (value: number): ExpressionNode => ({ kind: 'number', value });
const variable = (name: 'x' | 'y'): ExpressionNode => ({ kind: 'variable', name });
const call = (name: FunctionName, ...args: ExpressionNode[]): ExpressionNode => ({ kind: 'call', name, args });
const binary = (operator: '+' | '-' | '*' | '/' | '^', left: ExpressionNode, right: ExpressionNode): ExpressionNode =>
  ({ kind: 'binary', operator, left, right });

/** Any tree the grammar allows: every operator and function, domain errors included. */
export function expressionTree(maxDepth = 5): fc.Arbitrary<ExpressionNode> {
  const leaf = fc.oneof(
    fc.constantFrom(0, 1, 2, 0.5, 3.25, 10, 1e-3).map(number),
    fc.constantFrom('x' as const, 'y' as const).map(variable),
    fc.constantFrom('pi' as const, 'e' as const).map((name): ExpressionNode => ({ kind: 'constant', name })),
  );
  const { node } = fc.letrec<{ node: ExpressionNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth, depthIdentifier: 'tree' },
      leaf,
      tie('node').map((operand): ExpressionNode => ({ kind: 'negate', operand })),
      fc.tuple(fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const, '^' as const), tie('node'), tie('node'))
        .map(([op, l, r]) => binary(op, l, r)),
      fc.tuple(fc.constantFrom(...unaryNames), tie('node')).map(([name, a]) => call(name, a)),
      fc.tuple(fc.constantFrom('min' as const, 'max' as const, 'pow' as const), tie('node'), tie('node'))
        .map(([name, a, b]) => call(name, a, b)),
    ),
  }));
  return node;
}

/**
 * Smooth, well-conditioned functions on [−1.5, 1.5]²: every operation keeps
 * values moderate and away from poles and domain edges, so a finite
 * difference is a fair referee.
 */
export function smoothTree(maxDepth = 4): fc.Arbitrary<ExpressionNode> {
  const leaf = fc.oneof(
    fc.constantFrom('x' as const, 'y' as const).map(variable),
    fc.constantFrom(0.5, 1, 2, 3).map(number),
  );
  const { node } = fc.letrec<{ node: ExpressionNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth, depthIdentifier: 'smooth' },
      leaf,
      fc.tuple(fc.constantFrom('+' as const, '-' as const, '*' as const), tie('node'), tie('node'))
        .map(([op, l, r]) => binary(op, l, r)),
      fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'sigmoid') as fc.Arbitrary<FunctionName>, tie('node'))
        .map(([name, a]) => call(name, a)),
      // Wrapped so the argument stays in the domain and the value stays moderate.
      tie('node').map((a) => call('sqrt', binary('+', number(1), binary('^', a, number(2))))),
      tie('node').map((a) => call('log', binary('+', number(1), binary('^', a, number(2))))),
      tie('node').map((a) => call('exp', call('sin', a))),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => binary('/', a, binary('+', number(2), call('cos', b)))),
      fc.tuple(tie('node'), fc.constantFrom(2, 3)).map(([a, n]) => binary('^', call('tanh', a), number(n))),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) =>
        call('pow', binary('+', number(1.5), call('sin', a)), call('cos', b))),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => binary('*', a, call('exp', binary('*', number(-0.5), binary('^', b, number(2)))))),
    ),
  }));
  return node;
}

/** Fully parenthesised text that parses back to the same tree. */
export function toText(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'variable':
    case 'constant':
      return node.name;
    case 'negate':
      return `(-${toText(node.operand)})`;
    case 'binary':
      return `(${toText(node.left)} ${node.operator} ${toText(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(toText).join(', ')})`;
  }
}
