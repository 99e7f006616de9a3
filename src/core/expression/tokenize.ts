/**
 * Splitting an expression into tokens, each with its place in the text so
 * every error can point at a column. A few typographic characters that people
 * paste from formulas (− × · π ² ³) read as their ASCII meaning.
 */

export type SymbolText = '+' | '-' | '*' | '/' | '^' | '(' | ')' | ',';

export type Token =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'name'; name: string; start: number; end: number }
  | { kind: 'symbol'; symbol: SymbolText; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

/**
 * A failure anywhere in parsing: a sentence and the span it is about (0-based,
 * end exclusive). Thrown inside the parser only, and not an Error: collecting
 * a stack trace made every rejected keystroke ten times slower to parse.
 */
export class ExpressionError {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

const symbols: Record<string, SymbolText> = {
  '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '·': '*', '/': '/', '÷': '/', '^': '^',
  '(': '(', ')': ')', ',': ',',
};

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** A number: 12, 2.5, .5, 3., 1e-3, 2E+4 (an 'e' not followed by digits is not part of it). */
const numberPattern = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/** A token's text as the user typed it, for messages. */
export function tokenText(text: string, token: Token): string {
  return token.kind === 'end' ? '' : text.slice(token.start, token.end);
}

/** The tokens of `text`, ending with an `end` token; throws ExpressionError on a character it can't read. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      numberPattern.lastIndex = i;
      const match = numberPattern.exec(text)!;
      let end = i + match[0].length;
      // "1.2.3" or "1e5.2": one malformed number, not two numbers side by side.
      if (text[end] === '.') {
        while (end < text.length && (isDigit(text[end]) || text[end] === '.')) end++;
        throw new ExpressionError(`malformed number '${text.slice(i, end)}'`, i, end);
      }
      const value = Number(match[0]);
      if (!Number.isFinite(value)) throw new ExpressionError(`the number '${match[0]}' is too large`, i, end);
      tokens.push({ kind: 'number', value, start: i, end });
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < text.length && isNameChar(text[end])) end++;
      tokens.push({ kind: 'name', name: text.slice(i, end), start: i, end });
      i = end;
    } else if (c === 'π') {
      tokens.push({ kind: 'name', name: 'pi', start: i, end: i + 1 });
      i++;
    } else if (c === '²' || c === '³') {
      // x² is x ^ 2: both tokens point at the one character.
      tokens.push({ kind: 'symbol', symbol: '^', start: i, end: i + 1 });
      tokens.push({ kind: 'number', value: c === '²' ? 2 : 3, start: i, end: i + 1 });
      i++;
    } else if (symbols[c]) {
      tokens.push({ kind: 'symbol', symbol: symbols[c], start: i, end: i + 1 });
      i++;
    } else if (c === '.') {
      throw new ExpressionError(`malformed number '.'`, i, i + 1);
    } else {
      const code = text.codePointAt(i)!;
      const character = String.fromCodePoint(code);
      // An invisible or reordering character (a bidi override, a control) is named, not echoed into the message.
      const shown = /[\p{C}\p{Z}]/u.test(character) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : character;
      throw new ExpressionError(`unexpected character '${shown}'`, i, i + character.length);
    }
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return tokens;
}
