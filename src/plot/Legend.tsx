/**
 * The colour legend of the contour bands, drawn inside the plot's SVG: one
 * equal-height swatch per band (the levels are not evenly spaced in f, so a
 * continuous ramp would lie), each boundary labelled with its level.
 */
import { memo, useId } from 'react';
import { formatLevels } from './format';
import type { ThresholdSpacing } from './thresholds';

export interface LegendProps {
  /** Ascending contour levels; band k is f ≥ levels[k] (and below levels[k + 1]). */
  levels: readonly number[];
  colors: readonly string[];
  /** The largest finite value, the top edge of the last band. */
  max: number;
  spacing: ThresholdSpacing;
  /** Top-left corner and height of the bar, in the SVG's pixels. */
  x: number;
  y: number;
  height: number;
  /** Caption above the bar. */
  title?: string;
  /** When f is undefined somewhere: the text of a hatched key under the bar (the bar makes room for it). */
  undefinedLabel?: string;
}

const barWidth = 12;
/**
 * Labels closer than this (px) collide; keep every k-th. The labels are 10 px
 * text (plot.css): at 12 px the top two nearly touched on a phone's plot.
 */
const labelSpacing = 14;
/** Room the undefined-region key takes under the bar. */
const keyRoom = 22;
/**
 * The key's hatch tile: its lines 5 px apart across them, as the plot's are
 * (paintBands: 7 px apart along the x axis at 45°, 7/√2 ≈ 5 across).
 */
const hatchTile = 5;

/**
 * Memoised: a zoom step re-renders the plot on every frame, and the legend
 * only changes with a grid that chose new levels (a gesture's grids keep theirs). Its swatches are keyed by position, so a new
 * grid's levels repaint twenty fills instead of replacing twenty elements.
 */
export const Legend = memo(function Legend({ levels, colors, max, spacing, x, y, height: space, title = 'f', undefinedLabel }: LegendProps) {
  const hatchId = useId();
  const height = undefinedLabel ? space - keyRoom : space;
  const bar = levels.length > 0 && height > 0;
  if (!bar && !undefinedLabel) return null;
  const n = levels.length;
  const band = height / n;
  const edges = [...levels, max];
  const labels = bar ? formatLevels(edges) : [];
  const every = Math.max(1, Math.ceil(labelSpacing / band));
  const caption = spacing === 'linear' ? title : `${title} (log)`;
  return (
    <g className="plot-legend" transform={`translate(${x},${y})`} aria-hidden="true">
      <text className="plot-legend-title" x={0} y={-10}>{caption}</text>
      {bar && levels.map((_, k) => (
        <rect
          key={k}
          x={0}
          y={height - (k + 1) * band}
          width={barWidth}
          height={band + 0.5 /* overlap hides hairline seams */}
          fill={colors[k]}
        />
      ))}
      {bar && <rect className="plot-legend-frame" x={0} y={0} width={barWidth} height={height} />}
      {undefinedLabel ? (
        // Under the bar; alone at the top when nothing in view is defined.
        <g className="plot-legend-undefined" transform={`translate(0,${bar ? height + keyRoom - barWidth : 0})`}>
          {/* The look of the plot's undefined region (paintBands): a pale wash, hatched "/". */}
          <pattern id={hatchId} width={hatchTile} height={hatchTile} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={hatchTile} height={hatchTile} className="plot-legend-undefined-wash" />
            <line x1={hatchTile / 2} y1={0} x2={hatchTile / 2} y2={hatchTile} className="plot-legend-hatch" />
          </pattern>
          <rect width={barWidth} height={barWidth} fill={`url(#${hatchId})`} />
          <rect width={barWidth} height={barWidth} className="plot-legend-frame" />
          <text className="plot-legend-label" x={barWidth + 5} y={barWidth / 2} dy="0.32em">{undefinedLabel}</text>
        </g>
      ) : null}
      {bar && edges.map((_, k) => {
        // The top label (the maximum) always shows; the others thin out from the bottom.
        if (k !== n && (k % every !== 0 || n - k < every)) return null;
        const ty = height - k * band;
        return (
          <g key={k} transform={`translate(${barWidth},${ty})`}>
            <line className="plot-legend-tick" x1={0} x2={3} />
            <text className="plot-legend-label" x={5} dy="0.32em">{labels[k]}</text>
          </g>
        );
      })}
    </g>
  );
});
