// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentSearch, playbackAt, readPlaybackAt, startPlaybackSync, withPlaybackAt, withoutSceneView } from '../../src/state/urlPlayback';
import { startUrlSync } from '../../src/state/urlSync';
import { createAppStore, type AppStore } from '../../src/state/store';
import { initialPlayback } from '../../src/state/playbackSlice';

let store: AppStore;
const stops: Array<() => void> = [];
/** Deferred writes, run by the test when it says the page is idle. */
let idle: Array<() => void> = [];
const defer = (task: () => void) => {
  idle.push(task);
  return () => { idle = idle.filter((t) => t !== task); };
};
const runIdle = () => {
  const tasks = idle;
  idle = [];
  for (const task of tasks) task();
};

/** Open the page at `url` the way main.tsx does: the scene first, then the replay's step. */
function open(url: string, notices: string[] = []) {
  window.history.replaceState(null, '', url);
  stops.push(startUrlSync(store, { window, defer: (task) => { task(); return () => {}; } }));
  stops.push(startPlaybackSync(store, { window, defer, onNotice: (text) => notices.push(text) }));
  return notices;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  store = createAppStore();
  idle = [];
});

afterEach(() => {
  while (stops.length > 0) stops.pop()!();
});

describe('the replay step in the link', () => {
  it('is written only for a paused replay short of the end, or for every run whole', () => {
    expect(playbackAt(initialPlayback, 60)).toBeNull();
    expect(playbackAt({ ...initialPlayback, playing: false, step: 12 }, 60)).toBe(12);
    expect(playbackAt({ ...initialPlayback, playing: false, step: 0 }, 60)).toBe(0);
    // A replay that reached its end shows what the default replay ends on.
    expect(playbackAt({ ...initialPlayback, playing: false, step: 60 }, 60)).toBeNull();
    expect(playbackAt({ ...initialPlayback, playing: false, showAll: true }, 60)).toBe('all');
  });

  it('reads steps and `all`, and says why it ignores anything else', () => {
    expect(readPlaybackAt('?lang=ko&at=12')).toEqual({ at: 12, notices: [] });
    expect(readPlaybackAt('?at=all')).toEqual({ at: 'all', notices: [] });
    expect(readPlaybackAt('')).toEqual({ at: null, notices: [] });
    for (const bad of ['-3', '1.5', 'abc', '', '1e999', '%3Cb%3E']) {
      const { at, notices } = readPlaybackAt(`?at=${bad}`);
      expect(at, bad).toBeNull();
      expect(notices, bad).toHaveLength(1);
      expect(notices[0]).toMatch(/^Ignored replay step '.*': not a whole number of steps; replaying from the start\.$/);
    }
  });

  it('keeps the other parameters when writing', () => {
    expect(withPlaybackAt('?lang=ko&layout=side', 7)).toBe('?lang=ko&layout=side&at=7');
    expect(withPlaybackAt('?lang=ko&at=7', null)).toBe('?lang=ko');
    expect(withPlaybackAt('?at=7', null)).toBe('');
  });

  it('opens a link paused at its step, with the scene the hash describes', () => {
    const notices = open('/?at=12#v=1&s=bowl&n=30&run=gd(lr=0.1)');
    expect(notices).toEqual([]);
    expect(store.getState().scene.steps).toBe(30);
    expect(store.getState().playback).toMatchObject({ playing: false, showAll: false, step: 12 });
    expect(window.location.search).toBe('?at=12');
  });

  it('opens `at=all` with every run whole', () => {
    open('/?at=all#v=1&s=bowl');
    expect(store.getState().playback).toMatchObject({ playing: false, showAll: true });
  });

  it('clamps a step past the budget to the end, says so, and writes the link back without it', () => {
    const notices = open('/?lang=en&at=500#v=1&s=bowl&n=30');
    expect(notices).toEqual(['Replay step 500 is past the last step; showing step 30.']);
    expect(store.getState().playback).toMatchObject({ playing: false, step: 30 });
    expect(window.location.search).toBe('?lang=en');
  });

  it('replays from the start when the step cannot be read', () => {
    const notices = open('/?at=soon#v=1&s=bowl');
    expect(notices).toHaveLength(1);
    expect(store.getState().playback).toMatchObject({ playing: true, step: 0 });
  });

  it('follows pause, scrubbing and play in idle time, keeping the hash', () => {
    open('/?lang=en#v=1&s=bowl&n=30');
    const hash = window.location.hash;
    store.getState().pause();
    store.getState().setStep(5);
    store.getState().setStep(9);
    expect(window.location.search).toBe('?lang=en'); // not yet: the page is busy
    expect(idle).toHaveLength(1); // one write for the settled value, not one per step
    runIdle();
    expect(window.location.search).toBe('?lang=en&at=9');
    expect(window.location.hash).toBe(hash);
    store.getState().showAll();
    runIdle();
    expect(window.location.search).toBe('?lang=en&at=all');
    store.getState().play();
    runIdle();
    expect(window.location.search).toBe('?lang=en');
  });

  it('gives the share link the step before the address bar has it', () => {
    open('/#v=1&s=bowl&n=30');
    store.getState().pause();
    store.getState().setStep(4);
    expect(window.location.search).toBe('');
    expect(currentSearch(store, window.location.search)).toBe('?at=4');
  });

  it('drops the step when fewer steps end the replay there', () => {
    open('/?at=12#v=1&s=bowl&n=30');
    store.getState().setSteps(10);
    expect(store.getState().playback).toMatchObject({ playing: false, step: 10 });
    runIdle();
    expect(window.location.search).toBe('');
  });

  it('leaves this scene\'s step and inspector out of links to other scenes', () => {
    expect(withoutSceneView('?lang=ko&at=12&insp=2&layout=side')).toBe('?lang=ko&layout=side');
    expect(withoutSceneView('?at=all')).toBe('');
  });

  it('on Back, loads the entry\'s scene and then its step', () => {
    open('/?at=3#v=1&s=bowl&n=30');
    store.getState().setSteps(40);
    // Back to a link whose step is 20: the scene is replayed from 0 by its load, then paused at 20.
    window.history.replaceState(null, '', '/?at=20#v=1&s=bowl&n=30');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().scene.steps).toBe(30);
    expect(store.getState().playback).toMatchObject({ playing: false, step: 20 });
    runIdle();
    expect(window.location.search).toBe('?at=20');
  });

  it('on Back to an entry without a step, says `all` in the address bar while every run is still shown whole', () => {
    open('/#v=1&s=bowl&n=30');
    store.getState().showAll();
    runIdle();
    expect(window.location.search).toBe('?at=all');
    // "Show all" outlives loading another scene: the entry's link must say so once it is shown.
    window.history.replaceState(null, '', '/#v=1&s=bowl&n=40');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().scene.steps).toBe(40);
    expect(store.getState().playback.showAll).toBe(true);
    expect(window.location.search).toBe('?at=all');
  });
});
