/**
 * Keeps location.hash a projection of the store's scene, and the way back in.
 *
 * History: the first change after a quiet spell pushes a new entry; further
 * changes within `quietMs` of each other (a slider being dragged, a zoom)
 * are written into that same entry once the gesture goes quiet, so one
 * gesture is one Back press and the previous entry keeps the scene as it
 * was. Two writes per gesture at most: browsers throttle history calls
 * (Safari throws after ~100 in 30 s) and each costs the page several ms.
 *
 * Writes happen when the page is idle (requestIdleCallback, at most
 * `idleTimeoutMs` later), not inside the input event that changed the scene:
 * a history write costs a few ms, and a slider's new paths must not wait
 * for the address bar.
 *
 * Loops are impossible by construction: pushState/replaceState fire no
 * events, navigation events whose hash equals the one we last saw are
 * ignored, and store changes made while loading from the URL are not written
 * back except as an in-place canonicalisation (replaceState).
 */
import type { AppStore } from './store';
import { decodeScene, encodeScene } from './urlCodec';
import { formulaEngine, linkNeedsFormulaEngine, whenLinkReadable } from './formulaEngine';

export interface UrlSyncOptions {
  /** Defaults to the global window. */
  window?: Window;
  /** A change followed by none for this long ends the gesture (ms). */
  quietMs?: number;
  /**
   * Runs a history write later; returns a cancel function. Defaults to the
   * window's requestIdleCallback (with a timeout), or to writing at once
   * where there is none.
   */
  defer?: (task: () => void) => () => void;
}

const idleTimeoutMs = 150;

function idleDefer(win: Window): (task: () => void) => () => void {
  if (typeof win.requestIdleCallback !== 'function') {
    return (task) => {
      task();
      return () => {};
    };
  }
  return (task) => {
    const handle = win.requestIdleCallback(task, { timeout: idleTimeoutMs });
    return () => win.cancelIdleCallback(handle);
  };
}

/** Start syncing; returns a function that stops it (and writes any pending change). */
export function startUrlSync(store: AppStore, options: UrlSyncOptions = {}): () => void {
  const win = options.window ?? window;
  const quietMs = options.quietMs ?? 400;

  const readHash = () => win.location.hash.replace(/^#/, '');
  /** What the address bar holds, as the browser reports it. */
  let urlHash = readHash();
  /** The encoding of the scene the address bar reflects. */
  let sceneHash = '';
  let applying = false;
  let gestureOpen = false;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const defer = options.defer ?? idleDefer(win);
  /** A write waiting for the page to be idle; a push stays a push when a newer hash replaces its value. */
  let queued: { hash: string; mode: 'push' | 'replace'; cancel: () => void } | null = null;

  const writeNow = (hash: string, mode: 'push' | 'replace') => {
    const url = `${win.location.pathname}${win.location.search}#${hash}`;
    try {
      if (mode === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(win.history.state, '', url);
    } catch {
      // Throttled by the browser: the scene is still right; the next write catches up.
    }
    urlHash = readHash();
  };

  const flush = () => {
    if (!queued) return;
    const { hash, mode, cancel } = queued;
    queued = null;
    cancel();
    writeNow(hash, mode);
  };

  const write = (hash: string, mode: 'push' | 'replace') => {
    pending = null;
    if (queued) {
      queued.hash = hash;
      return;
    }
    const entry = { hash, mode, cancel: () => {} };
    queued = entry;
    entry.cancel = defer(() => {
      if (queued === entry) flush();
    });
  };

  const dropQueued = () => {
    queued?.cancel();
    queued = null;
  };

  const endGesture = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending !== null) write(pending, 'replace');
    gestureOpen = false;
  };

  const loadFromUrl = () => {
    const hash = readHash();
    const { scene, notices } = decodeScene(hash);
    applying = true;
    try {
      store.getState().loadScene(scene, notices);
    } finally {
      applying = false;
    }
    urlHash = hash;
    sceneHash = encodeScene(store.getState().scene);
    // Rewrite a hand-made or outdated link into the canonical form, in place; but not a typed
    // surface read without its engine (it could not be fetched): its f would be lost from the link.
    const refused = linkNeedsFormulaEngine(hash) && !formulaEngine();
    if (hash !== '' && hash !== sceneHash && !refused) writeNow(sceneHash, 'replace');
  };

  if (urlHash !== '') loadFromUrl();
  else sceneHash = encodeScene(store.getState().scene);

  /** Back or Forward moved to a link that waits for the formula engine: nothing is written meanwhile. */
  let awaiting = false;

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || awaiting || state.scene === previous.scene) return;
    const hash = encodeScene(state.scene);
    if (hash === sceneHash) return;
    sceneHash = hash;
    if (queued) {
      // Nothing written yet: the waiting write takes the newer scene.
      write(hash, queued.mode);
    } else if (!gestureOpen) {
      gestureOpen = true;
      write(hash, 'push');
    } else {
      // Within a gesture the address bar waits for the end (a history write
      // costs several ms, and a zoom or a drag changes the scene every frame).
      pending = hash;
    }
    clearTimeout(timer);
    timer = setTimeout(endGesture, quietMs);
  });

  const onNavigate = () => {
    if (readHash() === urlHash) {
      awaiting = false; // back where the scene is, before a waited-for link was read
      return; // our own write, or popstate and hashchange for the same move
    }
    // Back or Forward wins over a write still waiting for idle time, at once: written now, it
    // would replace the entry moved to, or push one after it and lose the way forward.
    dropQueued();
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    gestureOpen = false;
    // A typed surface needs the formula engine (a chunk of its own, state/formulaEngine.ts): the
    // link is read once it is there (or could not be had: then reading it says so), if the
    // address has not moved on meanwhile; the scene shown until then is not written.
    awaiting = true;
    const hash = readHash();
    whenLinkReadable(win, () => {
      // Moved on meanwhile (that move reads its own link), or read already by the same move's other event.
      if (stopped || readHash() !== hash || hash === urlHash) return;
      awaiting = false;
      loadFromUrl();
    });
  };
  let stopped = false;
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);

  return () => {
    stopped = true;
    unsubscribe();
    win.removeEventListener('popstate', onNavigate);
    win.removeEventListener('hashchange', onNavigate);
    endGesture();
    flush();
  };
}
