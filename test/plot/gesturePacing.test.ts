import { describe, expect, it, vi } from 'vitest';
import type { ViewBox } from '../../src/core/types';
import { createGesturePacer, pauseMs, refreshMs, type PacingClock } from '../../src/plot/gesturePacing';

/** A fake clock whose animation frames run when `frame()` is called, 16.7 ms apart. */
function fakeClock() {
  let now = 1000;
  let callbacks = new Map<number, () => void>();
  let next = 1;
  const clock: PacingClock = {
    frame: (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    cancelFrame: (handle) => void callbacks.delete(handle),
    now: () => now,
  };
  return {
    clock,
    /** One frame: time moves on, then the frame's callbacks run (input, if any, was handled before them). */
    frame(step?: () => void, ms = 16.7) {
      now += ms;
      step?.();
      const due = callbacks;
      callbacks = new Map();
      for (const callback of due.values()) callback();
    },
    wait(ms: number) {
      now += ms;
    },
  };
}

const view = (k: number): ViewBox => ({ x: [k, 10 + k], y: [0, 5] });

describe('gesture pacing', () => {
  it('makes the pictures at once for a step after a pause: each notch of a mouse wheel', () => {
    const { clock, frame, wait } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(1));
    expect(due).toHaveBeenCalledWith(view(1), true);
    // Notches 50 ms apart (three frames): every one is made when it comes, and once only.
    for (let k = 2; k <= 4; k++) {
      frame();
      frame();
      wait(50 - 2 * 16.7);
      pacer.moved(view(k));
      expect(due.mock.lastCall?.[0]).toEqual(view(k));
    }
    frame();
    frame();
    expect(due).toHaveBeenCalledTimes(4);
  });

  it('under a step in every frame, waits until the view holds still: a frame without a step, and pauseMs', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    for (let k = 1; k <= 5; k++) frame(() => pacer.moved(view(k)));
    // Only the first step (after a pause) so far: each later one came within a frame of the last.
    expect(due).toHaveBeenCalledTimes(1);
    // The frame after the last step brought none, but only 16.7 ms have passed; at the next, the last view is made.
    frame();
    expect(due).toHaveBeenCalledTimes(1);
    frame();
    expect(due).toHaveBeenCalledTimes(2);
    expect(due.mock.lastCall?.[0]).toEqual(view(5));
    frame();
    frame();
    expect(due).toHaveBeenCalledTimes(2);
  });

  it('makes them every refreshMs while the view never holds still', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    const frames = 60;
    for (let k = 0; k < frames; k++) frame(() => pacer.moved(view(k)));
    // One second of steps: the first, then one per refreshMs (a step lands on or after each).
    const expected = 1 + Math.floor(((frames - 1) * 16.7) / (Math.ceil(refreshMs / 16.7) * 16.7));
    expect(due).toHaveBeenCalledTimes(expected);
    expect(expected).toBeGreaterThanOrEqual(6);
  });

  it('needs a frame without a step, not only time: late frames with a step each are still one continuous gesture', () => {
    const { clock, frame, wait } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    // Frames 40 ms apart on a busy machine, a step in each.
    for (let k = 1; k <= 3; k++) frame(() => {
      wait(40 - 16.7);
      pacer.moved(view(k));
    });
    expect(due).toHaveBeenCalledTimes(1);
    // Frames pass without a step: the view is made, and the next step follows a pause.
    frame();
    frame();
    expect(due.mock.lastCall?.[0]).toEqual(view(3));
    frame();
    pacer.moved(view(4));
    expect(due).toHaveBeenCalledTimes(3);
    expect(due.mock.lastCall?.[0]).toEqual(view(4));
  });

  it('on a 120 Hz screen, a 60 Hz stream of steps is no pause: every other frame without one', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    for (let k = 1; k <= 8; k++) {
      frame(() => pacer.moved(view(k)), 8.3);
      frame(undefined, 8.3);
    }
    expect(due).toHaveBeenCalledTimes(1);
    // Then the steps stop: made once pauseMs have passed with no step.
    const frames = Math.ceil(pauseMs / 8.3);
    for (let f = 0; f < frames; f++) frame(undefined, 8.3);
    expect(due).toHaveBeenCalledTimes(2);
    expect(due.mock.lastCall?.[0]).toEqual(view(8));
  });

  it('makes a view set from elsewhere mid-gesture at once (a reset), and the steps after it as before', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    frame(() => pacer.moved(view(1)));
    pacer.jumped(view(9));
    expect(due.mock.lastCall?.[0]).toEqual(view(9));
    frame(() => pacer.moved(view(10)));
    expect(due).toHaveBeenCalledTimes(2);
    frame();
    frame();
    expect(due.mock.lastCall?.[0]).toEqual(view(10));
  });

  it('repaints the paths with a grid at most every refreshMs; a jump and a new gesture repaint them at once', () => {
    const { clock, frame, wait } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    // Notches 55 ms apart, each with a grid: the paths at the first, then once refreshMs have passed.
    for (let k = 0; k < 7; k++) {
      pacer.moved(view(k));
      frame();
      frame();
      wait(55 - 2 * 16.7);
    }
    expect(due.mock.calls.map(([, paths]) => paths)).toEqual([true, false, false, true, false, false, true]);
    pacer.jumped(view(20));
    expect(due).toHaveBeenLastCalledWith(view(20), true);
    pacer.moved(view(21));
    expect(due).toHaveBeenLastCalledWith(view(21), false);
    pacer.end();
    pacer.moved(view(22));
    expect(due).toHaveBeenLastCalledWith(view(22), true);
  });

  it('repaints the paths as soon as a view holds still, however recently they were made: a drag held down has no end', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    for (let k = 1; k <= 3; k++) frame(() => pacer.moved(view(k)));
    // 50 ms into the gesture the pointer stops: within a frame and pauseMs the grid is made, and the paths with it.
    frame();
    frame();
    expect(due.mock.calls).toEqual([[view(0), true], [view(3), true]]);
  });

  it('says nothing more once the gesture has ended, and starts the next one afresh', () => {
    const { clock, frame } = fakeClock();
    const due = vi.fn();
    const pacer = createGesturePacer(due, clock);
    pacer.moved(view(0));
    frame(() => pacer.moved(view(1)));
    pacer.end();
    frame();
    frame();
    expect(due).toHaveBeenCalledTimes(1);
    // The next gesture's first step, even within a frame of the last one: a new gesture, made at once.
    pacer.moved(view(2));
    expect(due).toHaveBeenCalledTimes(2);
  });
});
