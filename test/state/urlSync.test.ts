// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUrlSync } from '../../src/state/urlSync';
import { createAppStore, type AppStore } from '../../src/state/store';
import { encodeScene } from '../../src/state/urlCodec';

let store: AppStore;
let stop: (() => void) | undefined;
const hash = () => window.location.hash.replace(/^#/, '');

function navigate(to: string) {
  // What the browser does on Back/Forward or a hand edit: the URL changes, then the events fire.
  window.history.replaceState(null, '', `/#${to}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/');
  store = createAppStore();
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('startUrlSync', () => {
  it('loads the link it opens with, shows its notices and rewrites it canonically in place', () => {
    window.history.replaceState(null, '', '/#s=bowl&n=1e9&run=gd(lr=10)&junk=1');
    const length = window.history.length;
    stop = startUrlSync(store, { window });
    expect(store.getState().scene.surface.id).toBe('bowl');
    expect(store.getState().scene.steps).toBe(100_000);
    expect(store.getState().notices).toEqual([
      "Ignored unknown setting 'junk'.",
      'Steps 1000000000 is out of range; used 100000.',
    ]);
    expect(hash()).toBe('v=1&s=bowl&n=100000&run=gd(lr=10)');
    expect(window.history.length).toBe(length);
  });

  it('leaves an empty hash and the default scene alone', () => {
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    stop = startUrlSync(store, { window });
    expect(hash()).toBe('');
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it('pushes one history entry for a discrete change, at once', () => {
    stop = startUrlSync(store, { window });
    const length = window.history.length;
    store.getState().setSurface('saddle');
    expect(window.history.length).toBe(length + 1);
    expect(hash()).toBe(encodeScene(store.getState().scene));
  });

  it('turns a slider drag into a single entry that ends at the final value', () => {
    stop = startUrlSync(store, { window });
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    for (let i = 1; i <= 60; i++) {
      store.getState().setSteps(60 + i);
      vi.advanceTimersByTime(16); // one frame
    }
    vi.advanceTimersByTime(400);
    expect(push).toHaveBeenCalledTimes(1);
    // Nothing written mid-drag: the final value replaces the entry once the drag goes quiet.
    expect(replace).toHaveBeenCalledTimes(1);
    expect(hash()).toBe(encodeScene(store.getState().scene));
    expect(hash()).toContain('n=120');
  });

  it('makes two entries for two changes more than 400 ms apart', () => {
    stop = startUrlSync(store, { window });
    const length = window.history.length;
    store.getState().setSteps(80);
    vi.advanceTimersByTime(500);
    store.getState().setSteps(90);
    vi.advanceTimersByTime(500);
    expect(window.history.length).toBe(length + 2);
  });

  it('makes one entry for two changes less than 400 ms apart', () => {
    stop = startUrlSync(store, { window });
    const length = window.history.length;
    store.getState().setSteps(80);
    vi.advanceTimersByTime(300);
    store.getState().setSeed(7);
    vi.advanceTimersByTime(500);
    expect(window.history.length).toBe(length + 1);
    expect(hash()).toContain('n=80');
    expect(hash()).toContain('seed=7');
  });

  it('does not write the URL for playback or hover changes', () => {
    stop = startUrlSync(store, { window });
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    store.getState().advance(1);
    store.getState().setHoverStep(4);
    store.getState().showAll();
    vi.advanceTimersByTime(1000);
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it('loads the scene of a Back/Forward navigation without writing history', () => {
    stop = startUrlSync(store, { window });
    const push = vi.spyOn(window.history, 'pushState');
    navigate('v=1&s=plateau&run=adam(lr=0.1)');
    expect(store.getState().scene.surface.id).toBe('plateau');
    expect(store.getState().scene.runs.map((r) => r.optimizer.learningRate)).toEqual([0.1]);
    vi.advanceTimersByTime(1000);
    expect(push).not.toHaveBeenCalled();
  });

  it('goes back to the scene before a change with the real history', async () => {
    vi.useRealTimers();
    stop = startUrlSync(store, { window, quietMs: 20 });
    store.getState().setSurface('saddle');
    await new Promise((resolve) => setTimeout(resolve, 60));
    store.getState().setSurface('bowl');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState().scene.surface.id).toBe('bowl');
    window.history.back();
    await vi.waitFor(() => expect(store.getState().scene.surface.id).toBe('saddle'));
    window.history.back();
    await vi.waitFor(() => expect(store.getState().scene.surface.id).toBe('ellipse'));
  });

  it('reports the problems of a link typed into the address bar', () => {
    stop = startUrlSync(store, { window });
    navigate('run=lion');
    expect(store.getState().notices).toEqual(["Ignored unknown optimizer 'lion'."]);
    expect(store.getState().scene.runs).toEqual([]);
  });

  it('stops listening and writing once stopped', () => {
    stop = startUrlSync(store, { window });
    stop();
    stop = undefined;
    const push = vi.spyOn(window.history, 'pushState');
    store.getState().setSteps(99);
    navigate('s=bowl');
    expect(push).not.toHaveBeenCalled();
    expect(store.getState().scene.surface.id).toBe('ellipse');
  });

  it('writes a pending change when stopped in the middle of a gesture', () => {
    stop = startUrlSync(store, { window });
    store.getState().setSteps(70);
    store.getState().setSteps(71);
    stop();
    stop = undefined;
    expect(hash()).toContain('n=71');
  });
});

describe('startUrlSync with writes deferred to idle time', () => {
  /** A stand-in for requestIdleCallback: tasks run when the test says the page is idle. */
  function idleQueue() {
    const tasks: Array<() => void> = [];
    return {
      defer: (task: () => void) => {
        tasks.push(task);
        return () => tasks.splice(tasks.indexOf(task) >>> 0, tasks.includes(task) ? 1 : 0);
      },
      idle: () => tasks.splice(0).forEach((task) => task()),
      get waiting() {
        return tasks.length;
      },
    };
  }

  it('leaves the address bar alone inside the change and writes the newest scene when idle, as one entry', () => {
    const queue = idleQueue();
    stop = startUrlSync(store, { window, defer: queue.defer });
    const length = window.history.length;
    store.getState().setSurface('saddle');
    store.getState().setSteps(77);
    expect(hash()).toBe('');
    expect(window.history.length).toBe(length);
    queue.idle();
    expect(window.history.length).toBe(length + 1);
    expect(hash()).toBe(encodeScene(store.getState().scene));
    expect(hash()).toContain('n=77');
  });

  it('drops a waiting write when the user goes Back or Forward first', () => {
    const queue = idleQueue();
    stop = startUrlSync(store, { window, defer: queue.defer });
    store.getState().setSurface('saddle');
    navigate('v=1&s=bowl');
    expect(queue.waiting).toBe(0);
    expect(store.getState().scene.surface.id).toBe('bowl');
    expect(hash()).toBe(encodeScene(store.getState().scene));
  });

  it('writes a waiting change when it stops', () => {
    const queue = idleQueue();
    stop = startUrlSync(store, { window, defer: queue.defer });
    store.getState().setSurface('saddle');
    stop();
    stop = undefined;
    expect(hash()).toBe(encodeScene(store.getState().scene));
  });
});
