// @vitest-environment happy-dom
/**
 * The formula engine is a chunk the page loads only for a typed surface
 * (src/state/formulaEngine.ts). The test setup provides it; these tests take
 * fresh copies of the state modules, without it, to check that nothing
 * reads a typed surface before the engine is there, and that a link to one
 * waits for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkNeedsFormulaEngine } from '../../src/state/formulaEngine';

const typedLink = 's=custom&fx=x^2+3*y^2&box=-2,2,-1,1';

/** The state modules as a page has them before the engine's chunk came. */
async function withoutEngine(options: { chunkFails?: boolean } = {}) {
  vi.resetModules();
  if (options.chunkFails) {
    vi.doMock('../../src/state/formulaEngineChunk', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
  }
  const engine = await import('../../src/state/formulaEngine');
  const { decodeScene } = await import('../../src/state/urlCodec');
  const { startUrlSync } = await import('../../src/state/urlSync');
  const { createAppStore } = await import('../../src/state/store');
  return { engine, decodeScene, startUrlSync, createAppStore };
}

afterEach(() => {
  vi.doUnmock('../../src/state/formulaEngineChunk');
  vi.resetModules();
  window.history.replaceState(null, '', '/');
});

describe('the formula engine, loaded only for a typed surface', () => {
  it('is asked for by links that name a typed surface, and only those', () => {
    expect(linkNeedsFormulaEngine(typedLink)).toBe(true);
    expect(linkNeedsFormulaEngine(`#v=1&${typedLink}`)).toBe(true);
    expect(linkNeedsFormulaEngine('v=1&s=custom')).toBe(true);
    expect(linkNeedsFormulaEngine('v=1&s=ellipse&run=gd(lr=0.1)')).toBe(false);
    expect(linkNeedsFormulaEngine('v=1&s=customer')).toBe(false);
    expect(linkNeedsFormulaEngine('v=1&fs=custom')).toBe(false);
    expect(linkNeedsFormulaEngine('')).toBe(false);
  });

  it('once loaded, a typed link keeps its expression; missing, it is refused with a message, not a crash', async () => {
    const { engine, decodeScene } = await withoutEngine();
    expect(engine.formulaEngine()).toBeNull();
    const before = decodeScene(typedLink);
    expect(before.scene.surface.id).toBe('custom');
    expect(before.scene.surface.expression).not.toBe('x^2+3*y^2');
    expect(before.notices.join(' ')).toContain('the formula engine could not be loaded');

    await engine.loadFormulaEngine();
    expect(engine.formulaEngine()).not.toBeNull();
    // Nothing of the refusal was kept: the same link now reads as written.
    const after = decodeScene(typedLink);
    expect(after.scene.surface.expression).toBe('x^2+3*y^2');
    expect(after.notices).toEqual([]);
  });

  it('Back, Forward or a typed address to a typed surface waits for the engine, then reads the link', async () => {
    const { engine, startUrlSync, createAppStore } = await withoutEngine();
    const store = createAppStore();
    const stop = startUrlSync(store, { window });
    try {
      window.history.replaceState(null, '', `/#${typedLink}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      // Not read yet: the engine is on its way.
      expect(store.getState().scene.surface.id).not.toBe('custom');
      await vi.waitFor(() => expect(store.getState().scene.surface.expression).toBe('x^2+3*y^2'));
      expect(engine.formulaEngine()).not.toBeNull();
      expect(store.getState().notices).toEqual([]);
    } finally {
      stop();
    }
  });

  it('an engine that cannot be fetched still lets the link be read, saying why its f was not kept', async () => {
    const { engine, startUrlSync, createAppStore } = await withoutEngine({ chunkFails: true });
    const store = createAppStore();
    const stop = startUrlSync(store, { window });
    try {
      window.history.replaceState(null, '', `/#${typedLink}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.waitFor(() => expect(store.getState().notices.join(' ')).toContain('the formula engine could not be loaded'));
      expect(store.getState().scene.surface.id).toBe('custom');
      expect(engine.formulaEngine()).toBeNull();
    } finally {
      stop();
    }
  });
});
