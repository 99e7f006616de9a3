/**
 * The runs' paths, on a canvas laid over the contour plot's plotting area.
 * It reads trajectories straight from the store on animation frames; React
 * re-renders it only when its props change, never per streamed chunk. A
 * zoom or pan step moves the last picture; it is repainted in the next
 * frame (see useCanvasPaint), or when the gesture's pacing says (liveView).
 */
import { memo, useCallback, useRef } from 'react';
import type { ViewBox } from '../core/types';
import type { RunSpec } from '../state/scene';
import { trajectories as defaultStore, type TrajectoryStore } from '../state/trajectories';
import { runColor } from './colors';
import { paintTrajectories, type PaintedRun } from './paintTrajectories';
import { PathLayer } from './pathLayer';
import { screenPixelRatio } from './canvasSize';
import { useCanvasPaint } from './useCanvasPaint';
import { notePaint } from './latency';
import { pathsHeld, useLiveState, type LiveView } from './liveView';

/** What a painter needs to know of a run: which trajectory, its palette index, whether it is shown. */
export type RunStyle = Pick<RunSpec, 'key' | 'color' | 'hidden'>;

export interface TrajectoryCanvasProps {
  /** Size of the plotting area in CSS pixels (plotInnerSize of the ContourPlot). */
  width: number;
  height: number;
  /** The view currently displayed (ContourPlot's displayView). */
  view: ViewBox;
  /**
   * A gesture's view kept outside React (liveView.ts): it then stands for
   * `view`, and until the paths are due for it (gesturePacing) a new view
   * only moves the last picture.
   */
  live?: LiveView;
  runs: readonly RunStyle[];
  /** Last step to draw (replay); Infinity draws every step received. */
  upTo: number;
  hoverStep?: number | null;
  /** Defaults to the page's trajectory store; tests pass their own. */
  store?: TrajectoryStore;
}

/** Memoised: a new grid (the bands under it) changes none of its props. */
export const TrajectoryCanvas = memo(function TrajectoryCanvas({
  width, height, live, runs, upTo, hoverStep = null, store = defaultStore, ...props
}: TrajectoryCanvasProps) {
  const gesture = useLiveState(live);
  const view = gesture?.view ?? props.view;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** Whether the last paint drew any run's points (for the first picture, see latency.ts). */
  const showedPoints = useRef(false);
  /** The paths kept between the paints of a stream (undefined: not made yet; null: no canvas for it). */
  const layer = useRef<PathLayer | null | undefined>(undefined);
  /** Whether the last paint showed points of runs still streaming in. */
  const streamedBefore = useRef(false);
  const painter = useCallback(
    (ctx: CanvasRenderingContext2D, source: TrajectoryStore, shown?: ViewBox) => {
      // useCanvasPaint hands over the view it paints for (it is given `view` below).
      if (!shown) return;
      const painted = collectRuns(source, runs);
      showedPoints.current = painted.length > 0;
      // From the second paint of a stream on, the paths are kept on the layer; the paint that
      // completes the runs draws every path anew. Not for the first: a slider step's runs
      // often arrive in two messages, and copying a fresh layer costs its whole raster at once
      // (drawImage flushes it: +2.5 ms a step), where strokes on the page's canvas are rastered
      // once, at the frame's commit.
      const streaming = !source.complete();
      const useLayer = streaming && streamedBefore.current;
      streamedBefore.current = streaming && painted.length > 0;
      if (useLayer && layer.current === undefined) layer.current = PathLayer.create();
      const paths = useLayer ? layer.current ?? null : null;
      if (!paths) layer.current?.forget();
      paintTrajectories(ctx, {
        runs: painted, view: shown, width, height, upTo, hoverStep,
        layer: paths ? { paths, ratio: screenPixelRatio() } : null,
      });
    },
    // Not the view: useCanvasPaint hands it over, and moves the last picture when only it changed.
    [runs, width, height, upTo, hoverStep],
  );
  const onPaint = useCallback((complete: boolean) => notePaint(complete, showedPoints.current), []);
  useCanvasPaint(canvasRef, store, width, height, painter, onPaint, view, pathsHeld(gesture));
  // The box clips the canvas while a zoom step's transform stretches it (useCanvasPaint).
  return (
    <div className="plot-paths-box" style={{ width: `${width}px`, height: `${height}px` }}>
      <canvas
        ref={canvasRef}
        className="plot-canvas plot-paths"
        data-testid="trajectory-canvas"
        aria-hidden="true"
        style={{ width: `${width}px`, height: `${height}px` }}
      />
    </div>
  );
});

/** Visible runs that have data, in the order given (later runs paint on top). */
export function collectRuns(store: TrajectoryStore, runs: readonly RunStyle[]): PaintedRun[] {
  const out: PaintedRun[] = [];
  for (const run of runs) {
    if (run.hidden) continue;
    const trajectory = store.get(run.key);
    if (!trajectory || trajectory.count === 0) continue;
    out.push({
      points: trajectory.points,
      count: trajectory.count,
      color: runColor(run.color),
      status: trajectory.status,
    });
  }
  return out;
}
