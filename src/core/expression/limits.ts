/**
 * The formula engine's limits that the page needs without the engine (the
 * scene's field limits, src/state/scene.ts): a module of its own, so that
 * importing them does not bring in the parser.
 */

/** Longest expression accepted, in UTF-16 code units (what a text field counts). */
export const maxExpressionLength = 500;
