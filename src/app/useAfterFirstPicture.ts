/**
 * False until the plot's first picture (contours and finished paths) is
 * drawn, then true for good. Panels below the plot (loss chart, schedule,
 * data inset, inspector) render only then: on a cold open they cost ~100 ms
 * of main-thread work that would otherwise delay the picture itself.
 * A picture that never comes (a failed grid, a run that errs) must not hide
 * them, so they also appear after `fallbackMs`.
 */
import { useEffect, useState } from 'react';
import { firstPictureDrawn, onFirstPicture } from '../plot/latency';

const fallbackMs = 1500;

export function useAfterFirstPicture(): boolean {
  const [ready, setReady] = useState(firstPictureDrawn);
  useEffect(() => {
    if (ready) return;
    // One frame after the picture, so the browser paints it before the panels are built.
    let frame = 0;
    const show = () => {
      frame = requestAnimationFrame(() => setReady(true));
    };
    const cancel = onFirstPicture(show);
    const timer = setTimeout(show, fallbackMs);
    return () => {
      cancel();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [ready]);
  return ready;
}
