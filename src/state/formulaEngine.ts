/**
 * The formula engine — parsing, checking and evaluating a typed f(x, y) —
 * is a chunk of its own on the page (formulaEngineChunk.ts), ~6.6 KB
 * gzipped: the page's first download leaves it out, as only a typed
 * surface needs it. Whatever builds or reads a typed surface loads it first:
 *
 * - the page, before it reads a link with `s=custom` (main.tsx), or moves
 *   to one by Back, Forward or a typed address (whenLinkReadable: urlSync,
 *   urlPlayback, urlInspector);
 * - the settings column, which lets a reader type one (App.tsx);
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
 * Whether a link's hash may name a typed surface (`s=custom`): the engine
 * must be there before it is read. Loose on purpose — any "custom", in any
 * case, percent-encoded or not, as the link's decoder reads keys and the
 * surface's name — since a false "yes" only fetches the chunk early and a
 * false "no" would read the link without it.
 */
export function linkNeedsFormulaEngine(hash: string): boolean {
  let text = hash;
  try {
    text = decodeURIComponent(hash);
  } catch {
    // A malformed escape: the decoder reads such a part as written.
  }
  return /custom/i.test(text);
}

/**
 * Runs `task`, which reads the address, now — or, when the address names a
 * typed surface and the engine has not come, once it has come or could not
 * be had. Every part that reads the link on Back, Forward or a typed address
 * goes through here, and the tasks run in the order they were given (the
 * scene first, urlSync.ts; then the replay's step and the inspected run), so
 * none reads the new entry against the old scene. A task decides itself
 * whether the address has moved on meanwhile: the scene's reader rewrites
 * the hash canonically, so the hash alone does not tell.
 */
export function whenLinkReadable(win: Window, task: () => void): void {
  if (prepare || !linkNeedsFormulaEngine(win.location.hash)) {
    task();
    return;
  }
  loadFormulaEngine().then(task, task);
}
