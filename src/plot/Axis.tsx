/**
 * An axis: d3's ticks for the scale, drawn as d3-axis draws them (a domain
 * line, a 6 px tick and its label 3 px beyond), but by React, keyed by the
 * tick's value. A zoom or pan step then only moves the ticks it keeps and
 * writes text for those that enter: d3-axis rewrote every label on every
 * call, and the SVG text layout that followed was ~1.3 ms of each wheel's
 * frame on these machines.
 */
import { memo, useMemo } from 'react';
import { tickStep, type ScaleLinear } from 'd3';
import { formatTicks, offsetTicks, offsetTitle } from './format';
import { useScreenPixelRatio } from './canvasSize';
import { plotMargins } from './scales';

export interface AxisProps {
  orient: 'bottom' | 'left';
  scale: ScaleLinear<number, number>;
  /** Offset of the axis line, in the parent's pixels. */
  x?: number;
  y?: number;
  /** Length of the axis in pixels; sets the tick count (one tick per ~70 px). */
  length: number;
  label?: string;
}

/**
 * d3's ticks over a domain widened by a billionth of its span: a view zoomed
 * in and back out ends at −1.9999999999999991 rather than −2, and d3 would
 * drop the end tick that the view showed before.
 */
export function ticksWithEnds(scale: ScaleLinear<number, number>, count: number): number[] {
  return scale.copy().domain(widenedDomain(scale)).ticks(count);
}

/** The (positive) step between the ticks of ticksWithEnds. */
function tickStepWithEnds(scale: ScaleLinear<number, number>, count: number): number {
  const [d0, d1] = widenedDomain(scale);
  return Math.abs(tickStep(d0, d1, count));
}

function widenedDomain(scale: ScaleLinear<number, number>): [number, number] {
  const [d0, d1] = scale.domain();
  const pad = Math.abs(d1 - d0) * 1e-9;
  return d0 <= d1 ? [d0 - pad, d1 + pad] : [d0 + pad, d1 - pad];
}

/** Tick length and the gap to its label, in pixels (d3-axis's defaults). */
const tickSize = 6;
const tickPadding = 3;

/** Font size of the tick labels, in pixels (plot.css). */
const labelFontSize = 10;

/**
 * Advance widths, in em, of the characters of a tick label in DejaVu Sans:
 * what system-ui often comes to on Linux, and wider than Segoe UI, Roboto or
 * Arial (digits ~0.56 em), so a label measured with these fits on all of them.
 */
const glyphWidths: Record<string, number> = { '.': 0.32, '−': 0.84, '+': 0.84 };
const digitWidth = 0.64;

/** The width of a tick label in pixels, an upper bound over the usual faces: SVG text has no layout to ask before it is drawn. */
function labelWidth(text: string): number {
  let ems = 0;
  for (const c of text) ems += glyphWidths[c] ?? digitWidth;
  return ems * labelFontSize;
}

/**
 * Room for a left label, in pixels: it ends at the tick's padding and must
 * start inside the plot's left margin, where the SVG's box (and the page's
 * view of it) begins.
 */
const leftLabelRoom = plotMargins.left - tickSize - tickPadding;

/** Least gap between neighbouring bottom labels, in pixels, so that they read as two numbers. */
const labelGap = 6;

export interface TickLabels {
  labels: string[];
  /** The axis name for offset labels ("(y + 0.009) × 10⁵"); undefined for plain ones. */
  title?: string;
}

/**
 * Labels for ticks `step` apart: their values, with the digits the step
 * needs, when every one fits in `room` pixels; otherwise small whole numbers
 * over a shared offset and power of ten that the axis name states (deep in a
 * zoom, where −0.00888 is wider than the left margin).
 */
function tickLabels(ticks: readonly number[], step: number, room: number, name: string): TickLabels {
  const plain = formatTicks(ticks, step);
  // A view of no width (a single tick, no step) has nothing to offset.
  if (!(step > 0) || plain.every((text) => readable(text, room))) return { labels: plain };
  const shifted = offsetTicks(ticks, step);
  return { labels: shifted.labels, title: offsetTitle(name, shifted) };
}

export interface AxisTicks extends TickLabels {
  ticks: number[];
}

/**
 * An axis's ticks, about `count` of them, and their labels. Where a bottom
 * axis's values are wider than the space between its ticks, half as many
 * ticks come first (their step needs fewer digits and they have twice the
 * room): a value reads better than an offset count. A left axis's room is
 * the margin, which fewer ticks do not widen.
 */
export function axisTicks(scale: ScaleLinear<number, number>, orient: AxisProps['orient'], count: number, name: string): AxisTicks {
  const labelled = (n: number): AxisTicks => {
    const ticks = ticksWithEnds(scale, n);
    const step = tickStepWithEnds(scale, n);
    return { ticks, ...tickLabels(ticks, step, labelRoom(orient, scale, step), name) };
  };
  const all = labelled(count);
  if (!all.title || orient === 'left' || count <= 2) return all;
  const half = labelled(Math.max(2, Math.floor(count / 2)));
  return half.title ? all : half;
}

/**
 * Whether a label can stand as it is: it fits its room, and an exponent has
 * at most the three significant digits the axes always gave it. The zoom's
 * 1.0000000002e+6 would fit under a wide plot, but its zeros are for counting.
 */
function readable(text: string, room: number): boolean {
  return labelWidth(text) <= room && !/\.\d{3,}e/.test(text);
}

/** Room for one label, in pixels: a left label has the margin, a bottom one the space between ticks. */
function labelRoom(orient: AxisProps['orient'], scale: ScaleLinear<number, number>, step: number): number {
  if (orient === 'left') return leftLabelRoom;
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  return Math.abs((step * (r1 - r0)) / (d1 - d0)) - labelGap;
}

/** Memoised: a new grid (its bands, legend and markers) leaves the axes as they are; only a new view moves them. */
export const Axis = memo(function Axis({ orient, scale, x = 0, y = 0, length, label }: AxisProps) {
  const count = Math.max(2, Math.round(length / (orient === 'bottom' ? 70 : 50)));
  const bottom = orient === 'bottom';
  const { ticks, labels, title } = useMemo(
    () => axisTicks(scale, orient, count, label ?? (bottom ? 'x' : 'y')),
    [scale, orient, count, bottom, label],
  );
  const [r0, r1] = scale.range();
  // Crisp 1 px lines on a 1× screen, as d3-axis offsets them.
  const offset = useScreenPixelRatio() > 1 ? 0 : 0.5;
  const name = title ?? label;
  return (
    <g className={`plot-axis plot-axis-${orient}`} transform={`translate(${x},${y})`}>
      <g fill="none" textAnchor={bottom ? 'middle' : 'end'}>
        <path className="domain" stroke="currentColor" d={bottom ? `M${r0 + offset},${offset}H${r1 + offset}` : `M${offset},${r0 + offset}V${r1 + offset}`} />
        {ticks.map((value, i) => {
          const at = scale(value) + offset;
          return (
            <g key={value} className="tick" transform={bottom ? `translate(${at},0)` : `translate(0,${at})`}>
              {bottom ? <line stroke="currentColor" y2={tickSize} /> : <line stroke="currentColor" x2={-tickSize} />}
              {bottom
                ? <text fill="currentColor" y={tickSize + tickPadding} dy="0.71em">{labels[i]}</text>
                : <text fill="currentColor" x={-(tickSize + tickPadding)} dy="0.32em">{labels[i]}</text>}
            </g>
          );
        })}
      </g>
      {name ? (
        bottom
          ? <text className="plot-axis-label" x={length} y={32} textAnchor="end">{name}</text>
          // The long name of offset labels starts at the axis and runs right, above the plot, not out past the margin.
          : <text className="plot-axis-label" x={title ? -tickSize : 0} y={-9} textAnchor={title ? 'start' : 'middle'}>{name}</text>
      ) : null}
    </g>
  );
});
