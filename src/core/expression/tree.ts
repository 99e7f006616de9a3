/**
 * The syntax tree of a user's f(x, y) and the vocabulary it may use. Plain
 * data, so a tree can be printed, compared in tests and compiled.
 */

/** Functions a user may call, with how many arguments each takes. */
export const functionArity = {
  sin: 1, cos: 1, tan: 1, asin: 1, acos: 1, atan: 1, exp: 1, log: 1, sqrt: 1, abs: 1,
  tanh: 1, sigmoid: 1, sinh: 1, cosh: 1, min: 2, max: 2, pow: 2,
} as const;

export type FunctionName = keyof typeof functionArity;
export type UnaryFunctionName = { [K in FunctionName]: (typeof functionArity)[K] extends 1 ? K : never }[FunctionName];

/** Named constants. */
export const constants = { pi: Math.PI, e: Math.E } as const;
export type ConstantName = keyof typeof constants;

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: 'x' | 'y' }
  | { kind: 'constant'; name: ConstantName }
  | { kind: 'negate'; operand: ExpressionNode }
  | { kind: 'binary'; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'call'; name: FunctionName; args: ExpressionNode[] };

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(functionArity, name);
}

export function isConstantName(name: string): name is ConstantName {
  return Object.prototype.hasOwnProperty.call(constants, name);
}

/**
 * The tree as an S-expression, e.g. "(+ x (* 2 (^ y 2)))": unambiguous, so
 * tests can state the shape the parser must build.
 */
export function formatTree(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'variable':
    case 'constant':
      return node.name;
    case 'negate':
      return `(neg ${formatTree(node.operand)})`;
    case 'binary':
      return `(${node.operator} ${formatTree(node.left)} ${formatTree(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(formatTree).join(' ')})`;
  }
}
