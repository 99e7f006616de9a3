/**
 * η over steps, one line per visible run, with a marker at the step on
 * screen. Shown when some visible run's learning rate changes over time (a
 * decay or a warm-up); the constant runs are drawn too, as flat lines, so
 * the decaying one can be compared against them. A few hundred points per
 * line at most: plain SVG, rebuilt only when the runs or the size change.
 */
import { useId, useMemo } from 'react';
import type { RunSpec } from '../state/scene';
import { formatValue } from '../plot/format';
import { useT } from '../i18n';
import {
  isConstantSchedule, rateAtStep, scheduleLayout, schedulePath, scheduleSeries, scheduleTicks, usesLearningRate,
  type ScheduleRun,
} from './scheduleSeries';
import './teach.css';

export interface SchedulePlotProps {
  runs: readonly ScheduleRun[];
  /** The step budget: the x axis runs 1 … steps. */
  steps: number;
  /** Data surfaces count epochs for `per: 'epoch'` schedules. */
  isData: boolean;
  /** The step on screen; Infinity or NaN: no marker. */
  step?: number;
  width?: number;
  height?: number;
  /** Draw even when every schedule is constant (flat lines only). */
  showConstant?: boolean;
}

/** Whether the plot has something to show: a visible run whose η varies. */
export function hasVaryingSchedule(runs: readonly Pick<RunSpec, 'hidden' | 'optimizer' | 'schedule'>[]): boolean {
  return runs.some((run) => !run.hidden && usesLearningRate(run) && !isConstantSchedule(run.schedule));
}

export function SchedulePlot({
  runs, steps, isData, step = NaN, width = 280, height = 160, showConstant = false,
}: SchedulePlotProps) {
  const t = useT();
  const clipId = `schedule-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const maxSamples = Math.max(2, Math.round(2 * width));
  // Nothing to show while every schedule is constant: then a learning-rate drag computes no series (2–3 ms each).
  const shown = showConstant || hasVaryingSchedule(runs);
  const series = useMemo(() => (shown ? scheduleSeries(runs, steps, isData, maxSamples) : []), [shown, runs, steps, isData, maxSamples]);
  const layout = useMemo(() => scheduleLayout(series, width, height, steps), [series, width, height, steps]);
  const paths = useMemo(() => series.map((s) => ({ key: s.key, color: s.color, d: schedulePath(s, layout) })), [series, layout]);
  if (series.length === 0) return null;

  const { x, y } = layout;
  const [left, right] = x.range();
  const [bottom, top] = y.range();
  const xTicks = x.ticks(Math.max(2, Math.floor((right - left) / 60))).filter(Number.isInteger);
  const yTicks = scheduleTicks(layout, Math.max(2, Math.floor((bottom - top) / 28)));
  const marker = Number.isFinite(step) ? Math.min(Math.max(1, Math.floor(step)), Math.max(1, steps)) : null;
  const visibleRuns = runs.filter((run) => !run.hidden && usesLearningRate(run));
  return (
    <figure className="teach-schedule" data-testid="schedule-plot" style={{ width: `${width}px` }}>
      <figcaption className="teach-inset-title">
        {t('teach.schedule.title')}
        {layout.kind === 'log' ? <span className="teach-inset-step"> {t('teach.schedule.logScale')}</span> : null}
      </figcaption>
      <svg width={width} height={height} role="img" aria-label={t('teach.schedule.describe', { count: series.length })}>
        <defs>
          <clipPath id={clipId}>
            <rect x={left} y={top} width={right - left} height={bottom - top} />
          </clipPath>
        </defs>
        <g className="teach-axis">
          <path d={`M${left},${top}V${bottom}H${right}`} fill="none" />
          {xTicks.map((v) => (
            <text key={`x${v}`} x={x(v)} y={bottom + 4} textAnchor="middle" dominantBaseline="hanging">{formatValue(v, 3)}</text>
          ))}
          {yTicks.map((v) => (
            <text key={`y${v}`} x={left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle">{formatValue(v, 2)}</text>
          ))}
          <text x={right} y={height - 1} textAnchor="end">{t('teach.schedule.step')}</text>
          <text x={2} y={top - 1} dominantBaseline="hanging">η</text>
        </g>
        <g clipPath={`url(#${clipId})`}>
          {paths.map((p) => (
            <path key={p.key} d={p.d} fill="none" stroke={p.color} strokeWidth={1.75} data-testid="schedule-line" />
          ))}
        </g>
        {marker !== null ? (
          <g className="teach-schedule-marker" data-testid="schedule-marker">
            <line x1={x(marker)} x2={x(marker)} y1={top} y2={bottom} />
            {visibleRuns.map((run, k) => {
              const rate = rateAtStep(run, marker, isData);
              const py = y(rate);
              if (!Number.isFinite(py) || py < top - 1 || py > bottom + 1) return null;
              return <circle key={run.key} cx={x(marker)} cy={py} r={3} fill={paths[k]?.color} />;
            })}
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
