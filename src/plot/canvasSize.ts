import { useSyncExternalStore } from 'react';

/** Device pixels per CSS pixel (1 where there is no window). */
export function screenPixelRatio(): number {
  return (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
}

/**
 * Calls `onChange` whenever the screen's pixel ratio changes (the window
 * moved to another screen, the page was zoomed); returns how to stop. A
 * media query matches the current ratio only, so it is re-armed on each change.
 */
export function watchPixelRatio(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  let query: MediaQueryList | null = null;
  /** The ratio the query was made for. */
  let armedFor = 0;
  let stopped = false;
  let waiting = false;
  const arm = () => {
    query?.removeEventListener('change', changed);
    armedFor = screenPixelRatio();
    query = window.matchMedia(`(resolution: ${armedFor}dppx)`);
    query.addEventListener('change', changed);
  };
  // Chromium may fire the query's change before devicePixelRatio reads the new value (seen in
  // browser tests switching the scale factor over CDP, for one frame on a quiet machine and for
  // more on a busy one): armed then, the query would be for the old ratio, which no longer
  // changes, and the canvases stayed at it. So the new ratio is awaited, a frame at a time, for
  // up to two seconds, while the query says the screen left the ratio it was made for.
  const settle = (frames: number) => {
    if (stopped) return;
    const stale = query !== null && !query.matches && screenPixelRatio() === armedFor;
    if (stale && frames < 120 && typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => settle(frames + 1));
      return;
    }
    waiting = false;
    arm();
    onChange();
  };
  function changed() {
    if (waiting) return;
    waiting = true;
    settle(0);
  }
  arm();
  // And a look once a second, as a net: under a busy machine's load a browser test switching the
  // scale factor over CDP saw no event at all in some runs, and the canvases stayed at 1×.
  const net = setInterval(() => {
    if (!waiting && screenPixelRatio() !== armedFor) {
      arm();
      onChange();
    }
  }, 1000);
  return () => {
    stopped = true;
    clearInterval(net);
    query?.removeEventListener('change', changed);
  };
}

/** Who follows the ratio through useScreenPixelRatio: one watcher (one query, one timer) serves them all. */
const followers = new Set<() => void>();
let stopWatching: (() => void) | null = null;

function followPixelRatio(onChange: () => void): () => void {
  followers.add(onChange);
  stopWatching ??= watchPixelRatio(() => [...followers].forEach((follower) => follower()));
  return () => {
    followers.delete(onChange);
    if (followers.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
}

/** The screen's pixel ratio, re-rendering when it changes: canvases repaint for it, pictures are asked at it. */
export function useScreenPixelRatio(): number {
  return useSyncExternalStore(followPixelRatio, screenPixelRatio, () => 1);
}

/**
 * Sizes a canvas's backing store for a CSS size at the screen's pixel ratio
 * and returns its 2D context (null where there is none, as in tests without
 * a canvas). Assigning a size clears the canvas even when it is unchanged, so
 * the size is assigned only when it changes; the caller repaints everything.
 */
export function sizedContext(canvas: HTMLCanvasElement, width: number, height: number, ratio: number): CanvasRenderingContext2D | null {
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  return canvas.getContext('2d');
}
