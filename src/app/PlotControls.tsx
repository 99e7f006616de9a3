/**
 * The controls right under the plot: the replay's bar, the runs' colour key,
 * (in one column) the view's note, and the single / side-by-side toggle.
 *
 * They are built a frame after the plot's first picture, like the panels
 * below them: left out of React's first commit, the first contours came
 * ~40 ms and the first paths ~60 ms sooner (4 alternated rounds of 9 cold
 * opens). Their code is a chunk of its own (plotControlsChunk.ts), fetched
 * then too, so the first paint's JavaScript does without it. The playback
 * row keeps its place meanwhile (one row's height); the key and the toggle
 * appear with it. The note, part of the first screen, is there from the start.
 */
import { lazy, memo, Suspense } from 'react';
import type { RunSpec } from '../state/scene';
import { PresetNote } from '../teach/PresetNote';
import { ChunkBoundary } from './ChunkBoundary';

const chunk = () => import('./plotControlsChunk');
const PlaybackBar = lazy(() => chunk().then((module) => ({ default: module.PlaybackBar })));
const RunLegend = lazy(() => chunk().then((module) => ({ default: module.RunLegend })));
const LayoutToggle = lazy(() => chunk().then((module) => ({ default: module.LayoutToggle })));

/** Holds the playback row's place until it arrives, so nothing below moves. */
const playbackPlaceholder = <div className="playback-placeholder" aria-hidden="true" />;

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
  // One boundary for the chunk: if it cannot be had, one notice, and the note stays.
  // The note keeps its place among the children, so it is not mounted again when the controls arrive.
  return (
    <ChunkBoundary fallback={<>{playbackPlaceholder}{narrow && <PresetNote />}</>}>
      {ready ? <Suspense fallback={playbackPlaceholder}><PlaybackBar /></Suspense> : playbackPlaceholder}
      {ready && <Suspense fallback={null}><RunLegend runs={runs} isData={isData} /></Suspense>}
      {narrow && <PresetNote />}
      {ready && <Suspense fallback={null}><LayoutToggle /></Suspense>}
    </ChunkBoundary>
  );
});
