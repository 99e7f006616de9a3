/**
 * The replay's place in the link, in the query beside the language and the
 * teaching settings: `?at=12` opens paused at step 12, `?at=all` shows every
 * run whole. A link without it replays from step 0, and so does a replay
 * that plays or has reached its end (its last picture is the one `at` would
 * give). Like the teaching settings it changes pixels, not what is computed:
 * it stays out of the scene's hash and its history, and a change replaces the
 * current entry.
 *
 * The step changes every frame of a replay and every move of the scrubber,
 * so the address bar is written in idle time, once the value has settled.
 *
 * Order matters on Back and Forward: main.tsx starts this after urlSync, so
 * urlSync's popstate listener loads the entry's scene (which replays it)
 * first, and this one then reads the entry's `at`. The write that the scene's
 * load queues is asynchronous (idle time, or a timer where there is no
 * requestIdleCallback), so it cannot drop `at` before it is read; `load`
 * cancels it.
 */
import { formatNumber, quote } from './normalize';
import type { Playback } from './playbackSlice';
import type { AppStore } from './store';
import { replaceQuery, withParams } from './urlQuery';
import { whenLinkReadable } from './formulaEngine';

/** A step to open paused at, every run whole, or the default replay. */
export type PlaybackAt = number | 'all' | null;

/** What the link should say for this playback over `steps` steps. */
export function playbackAt(playback: Playback, steps: number): PlaybackAt {
  if (playback.showAll) return 'all';
  if (playback.playing || playback.step >= steps) return null;
  return playback.step;
}

/** What a query string asks for (unclamped), and a sentence when its value cannot be used. */
export function readPlaybackAt(search: string): { at: PlaybackAt; notices: string[] } {
  const raw = new URLSearchParams(search).get('at');
  if (raw === null) return { at: null, notices: [] };
  if (raw === 'all') return { at: 'all', notices: [] };
  const step = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(step) || step < 0) {
    return { at: null, notices: [`Ignored replay step ${quote(raw)}: not a whole number of steps; replaying from the start.`] };
  }
  return { at: step, notices: [] };
}

/** `search` with `at` written (or removed for the default), other parameters kept. */
export function withPlaybackAt(search: string, at: PlaybackAt): string {
  return withParams(search, { at: at === null ? null : String(at) });
}

/**
 * Query parameters that describe a view of the scene on screen (its replay's
 * step; the step inspector's run, inspector/urlInspector.ts): a link to
 * another scene from this page leaves them out.
 */
const sceneViewKeys = { at: null, insp: null };

/** `search` for a link to another scene: the language and the teaching settings kept, this scene's step and inspector left out. */
export function withoutSceneView(search: string): string {
  return withParams(search, sceneViewKeys);
}

/** The query a link to the page as it is now carries (the address bar may not be written yet). */
export function currentSearch(store: AppStore, search: string): string {
  const { playback, scene } = store.getState();
  return withPlaybackAt(search, playbackAt(playback, scene.steps));
}

/** Put the store's playback where `at` says, clamped to the scene's steps; returns a sentence when clamped. */
function applyAt(store: AppStore, at: PlaybackAt): string[] {
  const state = store.getState();
  if (at === 'all') {
    state.showAll();
    return [];
  }
  if (at === null) return [];
  const steps = state.scene.steps;
  state.pause();
  state.setStep(Math.min(at, steps));
  return at > steps ? [`Replay step ${formatNumber(at)} is past the last step; showing step ${formatNumber(steps)}.`] : [];
}

export interface PlaybackSyncOptions {
  window?: Window;
  onNotice?: (text: string) => void;
  /** Runs a write later; returns a cancel function. Defaults to idle time (at most 300 ms later). */
  defer?: (task: () => void) => () => void;
}

/**
 * Read `at` from the link (after the scene is loaded: the step is clamped to
 * its budget), then keep the link in step with the playback. Back and Forward
 * load the scene anew, which replays it, and then this entry's `at`.
 * Returns a stop function.
 */
export function startPlaybackSync(store: AppStore, options: PlaybackSyncOptions = {}): () => void {
  const win = options.window ?? window;
  // Asynchronous in every case (see the order above), unlike urlSync's writes.
  const defer = options.defer ?? ((task: () => void) => {
    if (typeof win.requestIdleCallback !== 'function') {
      const timer = win.setTimeout(task, 0);
      return () => win.clearTimeout(timer);
    }
    const handle = win.requestIdleCallback(task, { timeout: 300 });
    return () => win.cancelIdleCallback(handle);
  });
  let cancel: (() => void) | null = null;
  let written: PlaybackAt = null;

  const load = () => {
    cancel?.();
    cancel = null;
    const { at, notices } = readPlaybackAt(win.location.search);
    notices.push(...applyAt(store, at));
    written = playbackAt(store.getState().playback, store.getState().scene.steps);
    return notices;
  };
  for (const notice of load()) options.onNotice?.(notice);
  // A link asking for a step past the end is written back as the end (the default).
  const write = () => {
    cancel = null;
    replaceQuery(win, currentSearch(store, win.location.search));
  };
  if (currentSearch(store, win.location.search) !== win.location.search) write();

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playback === previous.playback && state.scene.steps === previous.scene.steps) return;
    const at = playbackAt(state.playback, state.scene.steps);
    if (at === written) return;
    written = at;
    cancel?.();
    cancel = defer(write);
  });
  // After urlSync has loaded the entry's scene, which may wait for the formula engine.
  const onNavigate = () => whenLinkReadable(win, () => {
    for (const notice of load()) options.onNotice?.(notice);
    // An entry without `at` whose page still shows every run whole ("Show all" outlives a scene's load).
    if (currentSearch(store, win.location.search) !== win.location.search) write();
  });
  win.addEventListener('popstate', onNavigate);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onNavigate);
    if (cancel) {
      cancel();
      write();
    }
  };
}
