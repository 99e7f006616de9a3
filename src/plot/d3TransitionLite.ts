/**
 * What d3-zoom needs of d3-transition, for a page that runs no transitions.
 * d3-zoom imports d3-transition only to interrupt transitions on the element
 * it zooms (and, for an animated double-click zoom, which usePlotZoom turns
 * off). The real module brings d3-timer and d3-ease with it, ≈ 6 KB gzipped
 * of the first download; vite.config.ts resolves 'd3-transition' here instead.
 * Nothing in the app may call .transition(): there is none to call.
 */
import { selection } from 'd3-selection';

/** No transition ever runs on the page, so there is nothing to interrupt. */
export function interrupt(): void {}

// d3-zoom's zoom.transform calls selection.interrupt() before setting a transform.
(selection.prototype as unknown as { interrupt(): unknown }).interrupt = function interruptNothing(this: unknown) {
  return this;
};
