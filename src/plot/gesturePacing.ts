/**
 * When a zoom or pan gesture's pictures are made anew.
 *
 * During a gesture the plot moves its last pictures (the contour bands, the
 * paths) by a CSS transform in every frame, which costs the page almost
 * nothing. Making them anew (a grid from the worker, a repaint of every
 * path) is paced:
 * - a step after a pause — a frame without steps and pauseMs — (a mouse
 *   wheel's notch, the first step of any gesture) makes the grid at once,
 *   and the paths unless they were made less than refreshMs before;
 * - steps in consecutive frames (a trackpad, a drag) make them when the
 *   view then holds still for a frame, and every refreshMs while it never
 *   does, so the edges a pan uncovers fill in a few times a second.
 * A pause needs a frame without a step, not only time: on a busy machine
 * whose frames come late, a step in every frame is still a continuous
 * gesture.
 * The paths are repainted with the grid at most every refreshMs: a notch
 * 50 ms after the last gets its grid (the bands change most and are asked
 * for within 50 ms of a wheel) and keeps the moved paths, a line stretched
 * a few percent, until the next repaint or the gesture's end. A view that
 * holds still gets its paths at once: a drag held down has no end yet.
 *
 * Measured with a wheel event in every frame for a second (two cores):
 * making the pictures on every step painted 20–47 grids a second and
 * missed 23 and 30 frames in twelve such gestures (two comparisons);
 * paced, 2–5 grids a second and 2 and 5 frames.
 *
 * Twenty mouse-wheel gestures of six notches 50 ms apart, alternated with
 * the build that repainted the paths at every notch (4 rounds, two cores):
 * the page's thread ran 3.68 s a round against 4.00 s (Chromium's
 * ThreadTime).
 *
 * Wheel events reach the page at the start of a frame, before its
 * animation-frame callbacks. A check two callbacks after a step therefore
 * runs in the next frame, after that frame's step if it had one.
 */
import type { ViewBox } from '../core/types';

/** Longest a gesture moving every frame goes without new pictures (ms). */
export const refreshMs = 150;
/**
 * A pause is also at least this long (ms): on a 120 Hz screen a 60 Hz
 * trackpad leaves every other frame without a step, which is no pause.
 */
export const pauseMs = 25;

export interface GesturePacer {
  /** A gesture's step moved the view here. */
  moved(view: ViewBox): void;
  /** The view was set from elsewhere mid-gesture (reset, a link): its pictures are due at once. */
  jumped(view: ViewBox): void;
  /** The gesture ended (or was taken away): nothing more is due for it. */
  end(): void;
}

export interface PacingClock {
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  now(): number;
}

const browserClock: PacingClock = {
  frame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/**
 * Calls `due` with the view whenever the gesture's pictures should be made
 * for it (see above); `paths` says whether the paths are repainted too.
 */
export function createGesturePacer(due: (view: ViewBox, paths: boolean) => void, clock: PacingClock = browserClock): GesturePacer {
  let latest: ViewBox | null = null;
  /** Whether `latest` has been handed to `due`. */
  let madeLatest = false;
  let lastMade = -Infinity;
  let lastPaths = -Infinity;
  let lastStep = -Infinity;
  /** The watch for a frame without steps and pauseMs; 0 when the last step is that far behind (a pause). */
  let watching = 0;

  const make = (forcePaths = false) => {
    if (!latest || madeLatest) return;
    madeLatest = true;
    lastMade = clock.now();
    const paths = forcePaths || lastMade - lastPaths >= refreshMs;
    if (paths) lastPaths = lastMade;
    due(latest, paths);
  };
  const stopWatching = () => {
    if (watching !== 0) clock.cancelFrame(watching);
    watching = 0;
  };
  const check = () => {
    if (clock.now() - lastStep < pauseMs) {
      watching = clock.frame(check);
      return;
    }
    watching = 0;
    // Held still: the paths too, however recently they were made (a drag held down has no end yet).
    make(true);
  };

  return {
    moved(view) {
      const afterPause = watching === 0;
      lastStep = clock.now();
      latest = view;
      madeLatest = false;
      if (afterPause || lastStep - lastMade >= refreshMs) make();
      // This frame's callback, then the next frame's: the view held still if no step came between.
      stopWatching();
      watching = clock.frame(() => {
        watching = clock.frame(check);
      });
    },
    jumped(view) {
      latest = view;
      madeLatest = false;
      make(true);
    },
    end() {
      stopWatching();
      latest = null;
      madeLatest = false;
      lastMade = -Infinity;
      lastPaths = -Infinity;
      lastStep = -Infinity;
    },
  };
}
