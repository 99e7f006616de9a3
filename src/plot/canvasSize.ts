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
  let stopped = false;
  const arm = () => {
    query?.removeEventListener('change', changed);
    query = window.matchMedia(`(resolution: ${screenPixelRatio()}dppx)`);
    query.addEventListener('change', changed);
  };
  function changed() {
    arm();
    onChange();
    // Chromium may fire the query's change before devicePixelRatio reads the new value
    // (seen in a browser test switching the scale factor over CDP): the query would then be
    // armed for the old ratio, which no longer changes. Look again a frame later.
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => {
        if (stopped) return;
        arm();
        onChange();
      });
    }
  }
  arm();
  return () => {
    stopped = true;
    query?.removeEventListener('change', changed);
  };
}

/** The screen's pixel ratio, re-rendering when it changes: canvases repaint for it, pictures are asked at it. */
export function useScreenPixelRatio(): number {
  return useSyncExternalStore(watchPixelRatio, screenPixelRatio, () => 1);
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
