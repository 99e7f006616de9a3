// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screenPixelRatio, watchPixelRatio } from '../../src/plot/canvasSize';
import { fakeScreen } from './fakeScreen';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** requestAnimationFrame by hand: `flush` runs the frames asked for so far. */
function manualFrames() {
  let frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  return {
    flush() {
      const due = frames;
      frames = [];
      due.forEach((callback) => callback(0));
    },
  };
}

describe('watchPixelRatio', () => {
  it('says when the ratio changes and watches the new one, to see a move back', () => {
    const screen = fakeScreen(1);
    const frames = manualFrames();
    const seen: number[] = [];
    const stop = watchPixelRatio(() => seen.push(screenPixelRatio()));
    screen.moveTo(2);
    frames.flush();
    expect(seen.at(-1)).toBe(2);
    expect(screen.watching(2)).toBe(true);
    screen.moveTo(1);
    frames.flush();
    expect(seen.at(-1)).toBe(1);
    stop();
    expect(screen.watching(1)).toBe(false);
  });

  it('still catches the new ratio when the query fires before devicePixelRatio has changed', () => {
    const screen = fakeScreen(1);
    const frames = manualFrames();
    const seen: number[] = [];
    const stop = watchPixelRatio(() => seen.push(screenPixelRatio()));
    screen.moveTo(2, { late: true });
    // At the event the ratio still read 1: nothing is said until it reads 2, a frame later, and 2 is
    // watched from then on.
    expect(seen).toEqual([]);
    frames.flush();
    expect(seen).toEqual([2]);
    expect(screen.watching(2)).toBe(true);
    screen.moveTo(1);
    expect(seen.at(-1)).toBe(1);
    stop();
  });

  it('waits for devicePixelRatio frame after frame when it lags for more than one (a busy machine)', () => {
    const screen = fakeScreen(1);
    const frames = manualFrames();
    const seen: number[] = [];
    const stop = watchPixelRatio(() => seen.push(screenPixelRatio()));
    screen.moveTo(2, { late: 'stays' });
    for (let i = 0; i < 5; i++) frames.flush();
    // Armed again for 1 here, it would never have heard of 2: the canvases stayed at 1×.
    expect(seen).toEqual([]);
    screen.catchUp();
    frames.flush();
    expect(seen).toEqual([2]);
    expect(screen.watching(2)).toBe(true);
    expect(screen.watching(1)).toBe(false);
    stop();
  });

  it('finds a new ratio within a second even when no query fires', () => {
    vi.useFakeTimers();
    try {
      const screen = fakeScreen(1);
      const seen: number[] = [];
      const stop = watchPixelRatio(() => seen.push(screenPixelRatio()));
      screen.moveTo(2, { silent: true });
      vi.advanceTimersByTime(999);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual([2]);
      expect(screen.watching(2)).toBe(true);
      vi.advanceTimersByTime(5000);
      expect(seen).toEqual([2]);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing more once stopped, even for a frame it had asked for', () => {
    const screen = fakeScreen(1);
    const frames = manualFrames();
    const onChange = vi.fn();
    const stop = watchPixelRatio(onChange);
    screen.moveTo(2, { late: true });
    stop();
    frames.flush();
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.watching(2)).toBe(false);
  });
});
