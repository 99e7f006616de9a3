/**
 * d3-zoom, in a chunk of its own (with d3-selection, d3-drag, d3-dispatch
 * and the zoom interpolator it pulls in, ~8 KB gzipped): usePlotZoom loads
 * it while the page opens, so the first picture does not wait for code only
 * a gesture needs.
 */
export { select, zoom, zoomIdentity } from 'd3';
