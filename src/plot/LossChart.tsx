/**
 * f against step for every visible run, on a canvas fed by the trajectory
 * store like TrajectoryCanvas. Moving the pointer over it reports the step
 * under the pointer (onHover), which the parent passes back as hoverStep to
 * both this chart and the trajectory canvas.
 */
import { useCallback, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { trajectories as defaultStore, type TrajectoryStore } from '../state/trajectories';
import { paintLossChart, type LossLayout, type LossSmoothing } from './paintLossChart';
import { collectRuns, type RunStyle } from './TrajectoryCanvas';
import { useCanvasPaint } from './useCanvasPaint';
import './plot.css';

export interface LossChartProps {
  /** CSS pixels; omitted, the chart fills its container's width. */
  width?: number;
  /** CSS pixels; defaults to 180. */
  height?: number;
  runs: readonly RunStyle[];
  upTo: number;
  hoverStep?: number | null;
  onHover?: (step: number | null) => void;
  /** The step budget, so the x axis does not grow while runs stream in. */
  steps?: number;
  /** Accessible description of the chart. */
  ariaLabel?: string;
  /** Title of the step axis, in the page's language; defaults to "step". */
  stepTitle?: string;
  /** Draw each curve's exponentially weighted average over the faint raw curve; null: raw only. */
  smoothing?: LossSmoothing | null;
  store?: TrajectoryStore;
}

export function LossChart({
  width: fixedWidth, height = 180, runs, upTo, hoverStep = null, onHover, steps, ariaLabel, stepTitle, smoothing = null,
  store = defaultStore,
}: LossChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const measured = useContainerWidth(boxRef, fixedWidth === undefined);
  const width = fixedWidth ?? measured;
  const layout = useRef<LossLayout | null>(null);
  // Primitives, not the object: a caller writing smoothing={{ … }} inline must not repaint every render.
  const smoothingOn = !!smoothing && smoothing.beta > 0;
  const smoothingBeta = smoothing?.beta ?? 0;
  const smoothingCorrected = smoothing?.biasCorrection ?? false;
  const painter = useCallback(
    (ctx: CanvasRenderingContext2D, source: TrajectoryStore) => {
      layout.current = paintLossChart(ctx, {
        runs: collectRuns(source, runs), width, height, upTo, hoverStep, steps,
        ink: canvasRef.current ? getComputedStyle(canvasRef.current).color : undefined,
        smoothing: smoothingOn ? { beta: smoothingBeta, biasCorrection: smoothingCorrected } : null,
        stepTitle,
      });
    },
    [runs, width, height, upTo, hoverStep, steps, smoothingOn, smoothingBeta, smoothingCorrected, stepTitle],
  );
  useCanvasPaint(canvasRef, store, width, height, painter);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!onHover) return;
    const current = layout.current;
    const box = event.currentTarget.getBoundingClientRect();
    onHover(current ? stepAt(current, (event.clientX - box.left) * (box.width > 0 ? width / box.width : 1), width) : null);
  };

  const visible = runs.filter((run) => !run.hidden).length;
  return (
    <div
      ref={boxRef}
      className="plot-loss"
      style={{ width: fixedWidth === undefined ? '100%' : `${width}px`, height: `${height}px` }}
      role="img"
      aria-label={ariaLabel ?? `Loss f against step for ${visible} run${visible === 1 ? '' : 's'}`}
    >
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        data-testid="loss-canvas"
        style={{ width: `${width}px`, height: `${height}px` }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => onHover?.(null)}
      />
    </div>
  );
}

/** The step under pixel x of the chart, or null outside the plotting area. */
export function stepAt(layout: LossLayout, px: number, width: number): number | null {
  const x = px - layout.margin.left;
  if (x < 0 || x > width - layout.margin.left - layout.margin.right) return null;
  const step = Math.round(layout.x.invert(x));
  return Math.min(layout.lastStep, Math.max(0, step));
}

/** The width of an element, followed as it resizes (only when `active`). */
function useContainerWidth(ref: RefObject<HTMLElement | null>, active: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, active]);
  return width;
}
