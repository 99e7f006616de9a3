/**
 * Parsing f(x, y) by precedence climbing (Pratt). Precedence, loosest first:
 * + − (left), * / (left), unary − and +, ^ (right; so −x^2 = −(x^2) and
 * 2^3^2 = 2^9). No implicit multiplication: "2x" is an error that says so,
 * because guessing hides typos like "sinx".
 *
 * Errors are values: the parser throws ExpressionError internally and
 * `parseExpression` turns it into { ok: false, message, column, length }.
 */
import { ExpressionError, tokenize, tokenText, type SymbolText, type Token } from './tokenize';
import { functionArity, isConstantName, isFunctionName, type ExpressionNode, type BinaryOperator } from './tree';
import { maxExpressionLength } from './limits';

export { maxExpressionLength };
/** Deepest nesting of parentheses, calls, unary signs and powers; keeps recursion far from the stack limit. */
export const maxNestingDepth = 64;

export type ParseResult =
  | { ok: true; tree: ExpressionNode }
  | {
      ok: false;
      message: string;
      /** 1-based column the message is about (one past the end when something is missing there). */
      column: number;
      /** How many characters from `column` the message covers; 0 marks a position between characters. */
      length: number;
    };

/** Binding power on the left and the right of each binary operator (right = left + 1: left-associative). */
const powers: Record<BinaryOperator, [number, number]> = {
  '+': [10, 11],
  '-': [10, 11],
  '*': [20, 21],
  '/': [20, 21],
  '^': [30, 30],
};
const unaryPower = 25;

const isBinary = (s: SymbolText): s is BinaryOperator => s in powers;
const startsOperand = (t: Token) => t.kind === 'number' || t.kind === 'name' || (t.kind === 'symbol' && t.symbol === '(');
const isSymbol = (t: Token, s: SymbolText) => t.kind === 'symbol' && t.symbol === s;

class Parser {
  private index = 0;
  private depth = -1;
  /** End of the last token consumed: where a missing ')' belongs. */
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): ExpressionNode {
    const tree = this.expression(0, this.tokens[0]);
    const rest = this.peek();
    if (rest.kind !== 'end') this.fail(`unexpected '${this.show(rest)}'`, rest);
    return tree;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (token.kind !== 'end') this.lastEnd = token.end;
    return token;
  }

  private show(token: Token): string {
    return tokenText(this.text, token);
  }

  private fail(message: string, from: Token, to: Token = from): never {
    throw new ExpressionError(message, from.start, to.end);
  }

  /** An expression whose operators all bind at least as tightly as `minPower`. */
  private expression(minPower: number, opener: Token): ExpressionNode {
    if (++this.depth > maxNestingDepth) {
      this.fail(`the expression is nested too deeply (more than ${maxNestingDepth} levels)`, opener);
    }
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'symbol' && isBinary(token.symbol)) {
        const [leftPower, rightPower] = powers[token.symbol];
        if (leftPower < minPower) break;
        this.next();
        const right = this.expression(rightPower, token);
        left = { kind: 'binary', operator: token.symbol, left, right };
      } else if (startsOperand(token)) {
        const previous = this.tokens[this.index - 1];
        this.fail(`expected an operator between '${this.show(previous)}' and '${this.show(token)}'`, token);
      } else {
        break;
      }
    }
    this.depth--;
    return left;
  }

  private prefix(): ExpressionNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'name':
        return this.name(token);
      case 'end': {
        const previous = this.tokens[this.index - 2];
        throw new ExpressionError(`expected a value after '${this.show(previous)}'`, this.lastEnd, this.lastEnd);
      }
      case 'symbol':
        if (token.symbol === '(') {
          if (isSymbol(this.peek(), ')')) this.fail('empty parentheses', token, this.peek());
          const inner = this.expression(0, token);
          this.close(token, false);
          return inner;
        }
        if (token.symbol === '-') return { kind: 'negate', operand: this.expression(unaryPower, token) };
        if (token.symbol === '+') return this.expression(unaryPower, token);
        return this.fail(`unexpected '${this.show(token)}'`, token);
    }
  }

  private name(token: Token & { kind: 'name' }): ExpressionNode {
    const name = token.name;
    if (name === 'x' || name === 'y') return { kind: 'variable', name };
    if (isConstantName(name)) return { kind: 'constant', name };
    if (!isFunctionName(name)) {
      if (!isSymbol(this.peek(), '(')) this.fail(`unknown name '${name}' (use x and y)`, token);
      this.fail(name === 'ln' ? `unknown function 'ln' (log is the natural logarithm)` : `unknown function '${name}'`, token);
    }
    if (!isSymbol(this.peek(), '(')) this.fail(`expected '(' after '${name}'`, token);
    this.next();
    const args: ExpressionNode[] = [];
    if (isSymbol(this.peek(), ')')) this.next();
    else {
      for (;;) {
        args.push(this.expression(0, token));
        if (isSymbol(this.peek(), ',')) this.next();
        else if (this.close(token, true)) break;
      }
    }
    const arity = functionArity[name];
    if (args.length !== arity) {
      throw new ExpressionError(`'${name}' takes ${arity} argument${arity === 1 ? '' : 's'}`, token.start, this.lastEnd);
    }
    return { kind: 'call', name, args };
  }

  /** Consume the ')' that closes the group opened at `opener`; returns true (throws when it is missing). */
  private close(opener: Token, inCall: boolean): true {
    const token = this.peek();
    if (isSymbol(token, ')')) {
      this.next();
      return true;
    }
    if (isSymbol(token, ',') && !inCall) this.fail(`unexpected ','`, token);
    const context = this.text.slice(opener.start, this.lastEnd);
    const shown = context.length > 24 ? `…${context.slice(-23)}` : context;
    throw new ExpressionError(`expected ')' after '${shown}'`, this.lastEnd, this.lastEnd);
  }
}

/** Parse f(x, y). Never throws: a problem comes back as a message and where it is. */
export function parseExpression(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, message: 'the expression is not text', column: 1, length: 0 };
  if (text.length > maxExpressionLength) {
    return {
      ok: false,
      message: `the expression is longer than ${maxExpressionLength} characters`,
      column: maxExpressionLength + 1,
      length: text.length - maxExpressionLength,
    };
  }
  if (text.trim() === '') return { ok: false, message: 'empty expression', column: 1, length: 0 };
  try {
    return { ok: true, tree: new Parser(text, tokenize(text)).parse() };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { ok: false, message: error.message, column: error.start + 1, length: error.end - error.start };
  }
}
