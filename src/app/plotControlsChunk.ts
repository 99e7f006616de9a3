/**
 * The controls under the plot, as one chunk (PlotControls.tsx loads it after
 * the plot's first picture): the replay's bar, the runs' colour key and the
 * single / side-by-side toggle.
 */
export { PlaybackBar } from '../controls/PlaybackBar';
export { RunLegend } from '../controls/RunLegend';
export { LayoutToggle } from '../teach/LayoutToggle';
