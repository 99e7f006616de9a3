/**
 * The formula engine — parsing, checking and evaluating a typed f(x, y) —
 * is a chunk of its own on the page (formulaEngineChunk.ts), ~6.6 KB
 * gzipped: the page's first download leaves it out, as only a typed
 * surface needs it. Whatever builds or reads a typed surface loads it first:
 *
 * - the page, before it reads a link with `s=custom` (main.tsx), or moves
 *   to one by Back, Forward or a typed address (urlSync.ts);
 * - the chunks that let a reader make one (the settings column, the
 *   presets), by importing formulaEngineChunk.ts;
 * - the unit tests, in their setup.
 *
 * normalize.ts reads the engine from here synchronously, and says so loudly
 * if a path was missed.
 */
import type { CustomSurfaceOptions, PreparedCustomSurface } from '../core/expression/customSurface';

export type PrepareCustomSurface = (options: CustomSurfaceOptions) => PreparedCustomSurface;

let prepare: PrepareCustomSurface | null = null;
let loading: Promise<void> | null = null;

/** Called by formulaEngineChunk.ts when it is evaluated. */
export function provideFormulaEngine(engine: PrepareCustomSurface): void {
  prepare = engine;
}

/** The engine, or null while its chunk has not come. */
export function formulaEngine(): PrepareCustomSurface | null {
  return prepare;
}

/** Fetch the engine's chunk (once); resolves when the engine is there. */
export function loadFormulaEngine(): Promise<void> {
  if (prepare) return Promise.resolve();
  loading ??= import('./formulaEngineChunk').then(() => undefined, (error: unknown) => {
    loading = null; // a later call may try again
    throw error;
  });
  return loading;
}

/**
 * Whether a link's hash names a typed surface (`s=custom`): the engine must
 * be there before it is read. A false "yes" only fetches the chunk early.
 */
export function linkNeedsFormulaEngine(hash: string): boolean {
  return /(?:^#?|&)s=custom(?:&|$)/.test(hash);
}
