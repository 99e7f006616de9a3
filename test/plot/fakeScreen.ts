import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A screen whose pixel ratio a test can change: window.devicePixelRatio and
 * the `(resolution: Ndppx)` media queries watchPixelRatio arms (stubbed
 * globals; undo with vi.unstubAllGlobals and vi.restoreAllMocks).
 */
export function fakeScreen(initial = 1) {
  const queries: Array<{ media: string; listeners: Set<() => void> }> = [];
  vi.stubGlobal('matchMedia', (media: string) => {
    const query = { media, listeners: new Set<() => void>() };
    queries.push(query);
    return {
      media,
      addEventListener: (_type: string, listener: () => void) => query.listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => query.listeners.delete(listener),
    };
  });
  let ratio = initial;
  vi.spyOn(window, 'devicePixelRatio', 'get').mockImplementation(() => ratio);
  return {
    /** Whether a query for this ratio is being listened to. */
    watching: (dppx: number) => queries.some((q) => q.media === `(resolution: ${dppx}dppx)` && q.listeners.size > 0),
    /**
     * The window lands on a screen of `next` dppx: the query armed for the old
     * ratio fires. `late`: it fires while devicePixelRatio still reads the old
     * ratio, which changes only after (as Chromium did once in a browser test).
     */
    moveTo(next: number, { late = false } = {}) {
      const armed = queries.filter((q) => q.media === `(resolution: ${ratio}dppx)` && q.listeners.size > 0);
      if (!late) ratio = next;
      act(() => armed.forEach((q) => [...q.listeners].forEach((listener) => listener())));
      ratio = next;
      return armed.length;
    },
  };
}
