// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectorRun, readInspectorRun, startInspectorSync, withInspectorRun } from '../../src/inspector/urlInspector';
import { useInspector } from '../../src/inspector/inspectorStore';
import { startUrlSync } from '../../src/state/urlSync';
import { createAppStore, type AppStore } from '../../src/state/store';

let store: AppStore;
const stops: Array<() => void> = [];
const scene = 'v=1&s=bowl&n=30&run=gd(lr=0.1)&run=momentum(lr=0.1)&run=adam(lr=0.1)';

function open(url: string, notices: string[] = []) {
  window.history.replaceState(null, '', url);
  stops.push(startUrlSync(store, { window, defer: (task) => { task(); return () => {}; } }));
  stops.push(startInspectorSync(store, { window, onNotice: (text) => notices.push(text) }));
  return notices;
}

const keyOf = (index: number) => store.getState().scene.runs[index].key;
/** After the current task: where a change of runs is written (see startInspectorSync). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  store = createAppStore();
  useInspector.getState().setOpen(false);
  useInspector.getState().select(null);
});

afterEach(() => {
  while (stops.length > 0) stops.pop()!();
});

describe('the inspector in the link', () => {
  it('reads a run number, and says why it falls back to the first run', () => {
    expect(readInspectorRun('?lang=en&insp=2')).toEqual({ run: 2, notices: [] });
    expect(readInspectorRun('')).toEqual({ run: null, notices: [] });
    for (const bad of ['0', '-1', '1.5', 'x', '']) {
      const { run, notices } = readInspectorRun(`?insp=${bad}`);
      expect(run, bad).toBe(1);
      expect(notices[0]).toMatch(/^Ignored inspector run '.*': not a run number; inspecting the first run\.$/);
    }
    expect(withInspectorRun('?at=3', 2)).toBe('?at=3&insp=2');
    expect(withInspectorRun('?at=3&insp=2', null)).toBe('?at=3');
  });

  it('opens the inspector on the linked run', () => {
    const notices = open(`/?at=12&insp=2#${scene}`);
    expect(notices).toEqual([]);
    expect(useInspector.getState()).toMatchObject({ open: true, selected: keyOf(1) });
    expect(window.location.search).toBe('?at=12&insp=2');
  });

  it('falls back to the first run past the last one, says so and writes the link anew', () => {
    const notices = open(`/?insp=9#${scene}`);
    expect(notices).toEqual(['Inspector run 9 is past the last run (3); inspecting the first run.']);
    expect(useInspector.getState()).toMatchObject({ open: true, selected: null });
    expect(window.location.search).toBe('?insp=1');
  });

  it('follows opening, picking a run, reordering runs and closing', async () => {
    open(`/?lang=en#${scene}`);
    expect(window.location.search).toBe('?lang=en');
    useInspector.getState().setOpen(true);
    expect(window.location.search).toBe('?lang=en&insp=1');
    useInspector.getState().select(keyOf(2));
    expect(window.location.search).toBe('?lang=en&insp=3');
    // The first run removed: the inspected run is now the second.
    store.getState().removeRun(keyOf(0));
    expect(inspectorRun(store)).toBe(2);
    await nextTask();
    expect(window.location.search).toBe('?lang=en&insp=2');
    useInspector.getState().setOpen(false);
    expect(window.location.search).toBe('?lang=en');
  });

  it('on Back, loads the entry\'s scene, then opens or closes the inspector as the entry says', async () => {
    open(`/#${scene}`);
    const first = keyOf(0);
    // Back to an entry of another scene (urlSync loads it: new runs) with the inspector on its third run.
    const other = 'v=1&s=bowl&n=30&run=gd&run=nesterov&run=adam';
    window.history.replaceState(null, '', `/?insp=3#${other}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(keyOf(0)).not.toBe(first);
    expect(useInspector.getState()).toMatchObject({ open: true, selected: keyOf(2) });
    await nextTask();
    expect(window.location.search).toBe('?insp=3');
    window.history.replaceState(null, '', `/#${scene}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(useInspector.getState().open).toBe(false);
  });
});
