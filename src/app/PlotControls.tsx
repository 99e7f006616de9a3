/**
 * The controls right under the plot: the replay's bar, the runs' colour key,
 * (in one column) the view's note, and the single / side-by-side toggle.
 *
 * They are built a frame after the plot's first picture, like the panels
 * below them: left out of React's first commit, the first contours came
 * ~40 ms and the first paths ~60 ms sooner (4 alternated rounds of 9 cold
 * opens). Their code is a chunk of its own (plotControlsChunk.ts, fetched
 * then with useChunk, not React.lazy: the replay starts with the first
 * picture, and its per-frame renders would starve a lazy component's retry),
 * so the first paint's JavaScript does without it. The playback row and the
 * key keep their places meanwhile (the row itself, hidden; the key's names,
 * with room for how each run ended), and the toggle appears with the chunk. The
 * note, part of the first screen, is there from the start and stays where it
 * is, whether the chunk comes or not: on a phone it sits under the key, and
 * the key's arrival moved it 160 px down ~400 ms after the page opened.
 */
import { memo } from 'react';
import type { RunSpec } from '../state/scene';
import { PresetNote } from '../teach/PresetNote';
import { ChunkBoundary } from './ChunkBoundary';
import { useChunk } from './useChunk';
import { runColor } from '../plot/colors';
import { useT } from '../i18n';
import { PlaybackRow, rowState } from '../controls/PlaybackRow';
import { appStore } from '../state/store';

const loadControls = () => import('./plotControlsChunk');

/**
 * Holds the playback row's place until it arrives, so nothing below moves:
 * the row itself, hidden and inert, so it wraps as the live one will with
 * any fonts (fixed heights per width were right only for the fonts they were
 * measured with: without a Korean font the Korean row was 36 px shorter).
 * It reads the store when the controls render, not on every replay frame.
 */
function PlaybackPlaceholder() {
  const { playback, scene } = appStore.getState();
  return <PlaybackRow {...rowState(playback, scene.steps)} />;
}

/**
 * The key's place until its chunk comes (or if it fails): the same list and
 * classes (so the same wrapping), each run's name and a hidden stand-in for
 * its ending. The regression surfaces' batch sizes are left out: their
 * default runs wrap the same without them (checked on a 375 px phone).
 */
function LegendPlaceholder({ runs }: { runs: readonly RunSpec[] }) {
  const t = useT();
  if (runs.length === 0) return null;
  return (
    <ul className="run-legend" aria-hidden="true">
      {runs.map((run) => (
        <li key={run.key} className={run.hidden ? 'is-hidden' : undefined}>
          <span className="swatch" style={{ background: runColor(run.color) }} />
          <span className="legend-label">{run.label}</span>
          <span className="legend-status is-untold">{t(run.hidden ? 'legend.hidden' : 'status.budget')}</span>
        </li>
      ))}
    </ul>
  );
}

export interface PlotControlsProps {
  /** False until the plot's first picture (useAfterFirstPicture): only the places are kept. */
  ready: boolean;
  runs: RunSpec[];
  isData: boolean;
  /** One column: the view's note comes here, under the runs' key, not at the top of the settings (App). */
  narrow: boolean;
}

/** Memoised: the plot column re-renders on every zoom step, which changes nothing here. */
export const PlotControls = memo(function PlotControls({ ready, runs, isData, narrow }: PlotControlsProps) {
  const { module: controls } = useChunk(loadControls, ready);
  // Each in its own boundary (a render error takes only that part), each keeping its place in
  // the list, so the note is never mounted again around them.
  return (
    <>
      {controls ? <ChunkBoundary fallback={<PlaybackPlaceholder />}><controls.PlaybackBar /></ChunkBoundary> : <PlaybackPlaceholder />}
      {controls
        ? <ChunkBoundary fallback={<LegendPlaceholder runs={runs} />}><controls.RunLegend runs={runs} isData={isData} /></ChunkBoundary>
        : <LegendPlaceholder runs={runs} />}
      {narrow && <PresetNote />}
      {controls && <ChunkBoundary><controls.LayoutToggle /></ChunkBoundary>}
    </>
  );
});
