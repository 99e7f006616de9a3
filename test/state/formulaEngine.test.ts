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
  const { startPlaybackSync } = await import('../../src/state/urlPlayback');
  const { startInspectorSync } = await import('../../src/inspector/urlInspector');
  const { useInspector } = await import('../../src/inspector/inspectorStore');
  return { engine, decodeScene, startUrlSync, createAppStore, startPlaybackSync, startInspectorSync, useInspector };
}

afterEach(() => {
  vi.doUnmock('../../src/state/formulaEngineChunk');
  vi.resetModules();
  window.history.replaceState(null, '', '/');
});

describe('the formula engine, loaded only for a typed surface', () => {
  it('is asked for by every link the decoder reads as a typed surface, and not by the built-in ones', async () => {
    const { decodeScene } = await import('../../src/state/urlCodec');
    // Written as the decoder reads them: key in any case, key and name percent-encoded, a malformed escape elsewhere.
    const typed = [typedLink, `#v=1&${typedLink}`, 'v=1&s=custom', 'v=1&S=custom', 'v=1&s=%63ustom', 'v=1&%53=%63ustom', 'v=1&s=custom&run=gd(lr=%ZZ)'];
    for (const link of typed) {
      expect(decodeScene(link).scene.surface.id, link).toBe('custom');
      expect(linkNeedsFormulaEngine(link), link).toBe(true);
    }
    for (const link of ['v=1&s=ellipse&run=gd(lr=0.1)', 'v=1&s=bumpy', '']) {
      expect(linkNeedsFormulaEngine(link), link).toBe(false);
    }
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

  it('Back to a typed surface reads its paused step and inspected run against its own scene, not the one it leaves', async () => {
    const { startUrlSync, createAppStore, startPlaybackSync, startInspectorSync, useInspector } = await withoutEngine();
    const store = createAppStore();
    const atOnce = (task: () => void) => {
      task();
      return () => {};
    };
    // Opened on a built-in surface with one run, as main.tsx starts them: the scene first.
    window.history.replaceState(null, '', '/#v=1&s=bowl&run=gd(lr=0.1)');
    const stops = [startUrlSync(store, { window, defer: atOnce }), startPlaybackSync(store, { window, defer: atOnce }), startInspectorSync(store, { window })];
    try {
      const typedEntry = `/?at=7&insp=2#${typedLink}&n=20&run=gd(lr=0.1)&run=adam(lr=0.1)`;
      window.history.pushState(null, '', typedEntry);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.waitFor(() => expect(store.getState().scene.surface.expression).toBe('x^2+3*y^2'));
      expect(store.getState().playback).toMatchObject({ step: 7, playing: false });
      expect(useInspector.getState().selected).toBe(store.getState().scene.runs[1].key);
      // The entry keeps what it said.
      expect(window.location.search).toBe('?at=7&insp=2');
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('Back to a typed surface cancels a write still waiting at once, and writes nothing while the engine comes', async () => {
    const { startUrlSync, createAppStore } = await withoutEngine();
    const store = createAppStore();
    const waiting: Array<() => void> = [];
    const defer = (task: () => void) => {
      waiting.push(task);
      return () => waiting.splice(waiting.indexOf(task) >>> 0, waiting.includes(task) ? 1 : 0);
    };
    const stop = startUrlSync(store, { window, defer });
    try {
      store.getState().setSurface('saddle'); // a write waiting for idle time
      expect(waiting).toHaveLength(1);
      const length = window.history.length;
      window.history.pushState(null, '', `/#${typedLink}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(waiting).toHaveLength(0);
      // A change to the scene still shown while the engine comes is not written over the entry.
      store.getState().setSteps(77);
      waiting.splice(0).forEach((task) => task());
      expect(window.location.hash).toBe(`#${typedLink}`);
      expect(window.history.length).toBe(length + 1);
      await vi.waitFor(() => expect(store.getState().scene.surface.expression).toBe('x^2+3*y^2'));
      // And once it is read, changes are written again.
      store.getState().setSteps(33);
      waiting.splice(0).forEach((task) => task());
      expect(window.location.hash).toContain('n=33');
      expect(window.location.hash).toContain('s=custom');
    } finally {
      stop();
    }
  });

  it('a typed link read without its engine keeps its f in the address, for a reload to read', async () => {
    const { startUrlSync, createAppStore } = await withoutEngine({ chunkFails: true });
    const store = createAppStore();
    window.history.replaceState(null, '', `/#${typedLink}`);
    const stop = startUrlSync(store, { window });
    try {
      expect(store.getState().notices.join(' ')).toContain('the formula engine could not be loaded');
      expect(window.location.hash).toBe(`#${typedLink}`);
    } finally {
      stop();
    }
  });
});
