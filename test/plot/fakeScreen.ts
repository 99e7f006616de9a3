import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A screen whose pixel ratio a test can change: window.devicePixelRatio and
 * the `(resolution: Ndppx)` media queries watchPixelRatio arms (stubbed
 * globals; undo with vi.unstubAllGlobals and vi.restoreAllMocks). The media
 * queries see the screen at once; devicePixelRatio may lag behind it.
 */
export function fakeScreen(initial = 1) {
  const queries: Array<{ media: string; listeners: Set<() => void> }> = [];
  /** What media queries see. */
  let screen = initial;
  /** What devicePixelRatio reads. */
  let ratio = initial;
  vi.stubGlobal('matchMedia', (media: string) => {
    const query = { media, listeners: new Set<() => void>() };
    queries.push(query);
    return {
      media,
      get matches() {
        return media === `(resolution: ${screen}dppx)`;
      },
      addEventListener: (_type: string, listener: () => void) => query.listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => query.listeners.delete(listener),
    };
  });
  vi.spyOn(window, 'devicePixelRatio', 'get').mockImplementation(() => ratio);
  return {
    /** Whether a query for this ratio is being listened to. */
    watching: (dppx: number) => queries.some((q) => q.media === `(resolution: ${dppx}dppx)` && q.listeners.size > 0),
    /**
     * The window lands on a screen of `next` dppx: the query armed for the old
     * ratio fires. `late`: it fires while devicePixelRatio still reads the old
     * ratio (as Chromium does when the scale factor is switched over CDP),
     * which changes right after the event, or — 'stays' — only at catchUp().
     * `silent`: no query fires at all.
     */
    moveTo(next: number, { late = false as boolean | 'stays', silent = false } = {}) {
      const armed = queries.filter((q) => q.media === `(resolution: ${screen}dppx)` && q.listeners.size > 0);
      screen = next;
      if (!late) ratio = next;
      if (!silent) act(() => armed.forEach((q) => [...q.listeners].forEach((listener) => listener())));
      if (late === true) ratio = next;
      return armed.length;
    },
    /** devicePixelRatio reads the screen's ratio at last. */
    catchUp() {
      ratio = screen;
    },
  };
}
