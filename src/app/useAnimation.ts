/**
 * The playback clock: a requestAnimationFrame loop that moves the displayed
 * step on. It runs only while playback plays, so an idle page schedules no
 * frames at all.
 */
import { useEffect } from 'react';
import { appStore, useAppStore } from '../state/store';

export function useAnimation() {
  const playing = useAppStore((s) => s.playback.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      // The first frame's time may precede `last` by up to a frame.
      appStore.getState().advance(Math.max(0, now - last) / 1000);
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
