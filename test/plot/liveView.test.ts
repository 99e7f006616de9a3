import { describe, expect, it, vi } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { createLiveView, pathsHeld } from '../../src/plot/liveView';

const before: ViewBox = { x: [-2, 2], y: [-1, 3] };
const zoomed: ViewBox = { x: [-1, 1], y: [0, 2] };

describe('the live view of a gesture', () => {
  it('tells its subscribers of every new state, and of none that is the same', () => {
    const live = createLiveView();
    const listener = vi.fn();
    const unsubscribe = live.subscribe(listener);
    const state = { view: zoomed, pathsMade: null };
    live.set(state);
    live.set(state);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(live.get()).toBe(state);
    live.set(null);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    live.set(state);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('holds the paths mid-gesture until they are made for the view on screen', () => {
    expect(pathsHeld(null)).toBe(false);
    expect(pathsHeld({ view: zoomed, pathsMade: null })).toBe(true);
    expect(pathsHeld({ view: zoomed, pathsMade: before })).toBe(true);
    expect(pathsHeld({ view: zoomed, pathsMade: { x: [-1, 1], y: [0, 2] } })).toBe(false);
  });
});
