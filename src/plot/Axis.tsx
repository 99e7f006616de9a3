/**
 * An axis: d3's ticks for the scale, drawn as d3-axis draws them (a domain
 * line, a 6 px tick and its label 3 px beyond), but by React, keyed by the
 * tick's value. A zoom or pan step then only moves the ticks it keeps and
 * writes text for those that enter: d3-axis rewrote every label on every
 * call, and the SVG text layout that followed was ~1.3 ms of each wheel's
 * frame on these machines.
 */
import { useMemo } from 'react';
import type { ScaleLinear } from 'd3';
import { formatValue } from './format';
import { useScreenPixelRatio } from './canvasSize';

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
  const [d0, d1] = scale.domain();
  const pad = Math.abs(d1 - d0) * 1e-9;
  const widened = d0 <= d1 ? [d0 - pad, d1 + pad] : [d0 + pad, d1 - pad];
  return scale.copy().domain(widened).ticks(count);
}

/** Tick length and the gap to its label, in pixels (d3-axis's defaults). */
const tickSize = 6;
const tickPadding = 3;

export function Axis({ orient, scale, x = 0, y = 0, length, label }: AxisProps) {
  const count = Math.max(2, Math.round(length / (orient === 'bottom' ? 70 : 50)));
  const ticks = useMemo(() => ticksWithEnds(scale, count), [scale, count]);
  const [r0, r1] = scale.range();
  // Crisp 1 px lines on a 1× screen, as d3-axis offsets them.
  const offset = useScreenPixelRatio() > 1 ? 0 : 0.5;
  const bottom = orient === 'bottom';
  return (
    <g className={`plot-axis plot-axis-${orient}`} transform={`translate(${x},${y})`}>
      <g fill="none" textAnchor={bottom ? 'middle' : 'end'}>
        <path className="domain" stroke="currentColor" d={bottom ? `M${r0 + offset},${offset}H${r1 + offset}` : `M${offset},${r0 + offset}V${r1 + offset}`} />
        {ticks.map((value) => {
          const at = scale(value) + offset;
          return (
            <g key={value} className="tick" transform={bottom ? `translate(${at},0)` : `translate(0,${at})`}>
              {bottom ? <line stroke="currentColor" y2={tickSize} /> : <line stroke="currentColor" x2={-tickSize} />}
              {bottom
                ? <text fill="currentColor" y={tickSize + tickPadding} dy="0.71em">{formatValue(value, 3)}</text>
                : <text fill="currentColor" x={-(tickSize + tickPadding)} dy="0.32em">{formatValue(value, 3)}</text>}
            </g>
          );
        })}
      </g>
      {label ? (
        bottom
          ? <text className="plot-axis-label" x={length} y={32} textAnchor="end">{label}</text>
          : <text className="plot-axis-label" x={0} y={-9} textAnchor="middle">{label}</text>
      ) : null}
    </g>
  );
}
