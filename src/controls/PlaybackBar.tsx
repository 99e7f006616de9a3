/** Play, pause, single step, reset, speed, "show all", and a timeline to scrub: the replay's row, live. */
import { memo } from 'react';
import { appStore, useAppStore } from '../state/store';
import { PlaybackRow, rowState } from './PlaybackRow';

/** Memoised: it reads the store itself, so the plot column's re-renders (every zoom step) pass it by. */
export const PlaybackBar = memo(function PlaybackBar() {
  const playback = useAppStore((s) => s.playback);
  const steps = useAppStore((s) => s.scene.steps);
  return <PlaybackRow {...rowState(playback, steps)} actions={appStore.getState()} />;
});
