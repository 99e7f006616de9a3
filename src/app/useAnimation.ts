/** The playback clock: one requestAnimationFrame loop that moves the displayed step on. */
import { useEffect } from 'react';
import { appStore } from '../state/store';

export function useAnimation() {
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      appStore.getState().advance((now - last) / 1000);
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
}
