/**
 * The user's own f(x, y): parse, compile, differentiate exactly (forward-mode
 * AD to second order), build a Surface. No eval, no new Function.
 */
export { parseExpression, maxExpressionLength, maxNestingDepth, type ParseResult } from './parse';
export { formatTree, functionArity, type ExpressionNode, type FunctionName } from './tree';
export { compileTree, type Program } from './compile';
export { createEvaluator, type Evaluator } from './evaluate';
export {
  createCustomSurface, cachedCustomSurface, prepareCustomSurface, type CustomSurfaceOptions, type CustomSurfaceResult,
  type PreparedCustomSurface,
} from './customSurface';

import { parseExpression } from './parse';
import { compileTree } from './compile';
import { createEvaluator, type Evaluator } from './evaluate';

/** Parse and compile in one call: an evaluator, or the parse error. */
export function compileExpression(
  text: string,
): { ok: true; evaluator: Evaluator } | { ok: false; message: string; column: number; length: number } {
  const parsed = parseExpression(text);
  return parsed.ok ? { ok: true, evaluator: createEvaluator(compileTree(parsed.tree)) } : parsed;
}
