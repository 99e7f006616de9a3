/**
 * An axis drawn by d3-axis. d3 owns the DOM inside this one <g> (ticks come
 * and go as the view moves); React owns everything around it.
 */
import { useLayoutEffect, useRef } from 'react';
import { axisBottom, axisLeft, select, type ScaleLinear } from 'd3';
import { formatValue } from './format';

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

export function Axis({ orient, scale, x = 0, y = 0, length, label }: AxisProps) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const count = Math.max(2, Math.round(length / (orient === 'bottom' ? 70 : 50)));
    const axis = (orient === 'bottom' ? axisBottom(scale) : axisLeft(scale))
      .ticks(count)
      .tickSizeOuter(0)
      .tickFormat((v) => formatValue(+v, 3));
    select(ref.current).call(axis);
  }, [orient, scale, length]);
  return (
    <g className={`plot-axis plot-axis-${orient}`} transform={`translate(${x},${y})`}>
      <g ref={ref} />
      {label ? (
        orient === 'bottom'
          ? <text className="plot-axis-label" x={length} y={32} textAnchor="end">{label}</text>
          : <text className="plot-axis-label" x={0} y={-9} textAnchor="middle">{label}</text>
      ) : null}
    </g>
  );
}
