/**
 * The playback clock: a requestAnimationFrame loop that moves the displayed
 * step on. It runs only while playback plays, so an idle page schedules no
 * frames at all.
 *
 * On opening, it starts once the plot's first picture is drawn: the replay
 * then begins at step 0 in front of the reader (it used to be a few steps on
 * by the time the paths appeared), and its per-step renders (10–20 ms each
 * on code not yet optimised) stay out of the frames that draw that picture.
 */
import { useEffect } from 'react';
import { appStore, useAppStore } from '../state/store';
import { useAfterFirstPicture } from './useAfterFirstPicture';

export function useAnimation() {
  const playing = useAppStore((s) => s.playback.playing);
  const pictured = useAfterFirstPicture();
  useEffect(() => {
    if (!playing || !pictured) return;
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
  }, [playing, pictured]);
}
