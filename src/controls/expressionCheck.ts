/**
 * What the expression field does with the text in it: trim it, check it with
 * the core (parse, box, finite somewhere; no critical-point search, that is
 * the worker's), and say where it went wrong in the user's own columns.
 */
import type { ViewBox } from '../core/types';
import { prepareCustomSurface } from '../core';

export type ExpressionCheck =
  | { ok: true; expression: string }
  | {
      ok: false;
      /** The core's English message (translated when shown). */
      message: string;
      /** 1-based column in the text as typed (leading spaces counted); 0 when the problem is not at a place in it. */
      column: number;
      /** Characters from `column` the message covers; 0 marks a place between characters. */
      length: number;
    };

export function checkExpression(text: string, box: ViewBox): ExpressionCheck {
  const expression = text.trim();
  const result = prepareCustomSurface({ expression, view: box });
  if (result.ok) return { ok: true, expression };
  const lead = text.length - text.trimStart().length;
  return { ok: false, message: result.message, column: result.column > 0 ? result.column + lead : 0, length: result.length };
}

/** The text around a problem, split so the problem itself can be marked: a few characters either side. */
export function problemContext(text: string, column: number, length: number, reach = 12): { before: string; marked: string; after: string } {
  const start = Math.min(Math.max(column - 1, 0), text.length);
  const end = Math.min(start + length, text.length);
  const from = Math.max(0, start - reach);
  const to = Math.min(text.length, end + reach);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    marked: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
