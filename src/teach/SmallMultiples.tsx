/**
 * One small contour plot per visible run, each with only its own path: runs
 * whose paths would overlap on one plot (Saito's SGD, Momentum, AdaGrad and
 * Adam on the ellipse) are read apart. The panels share everything else:
 * the one grid the worker sampled (no extra sampling), the view (zooming one
 * zooms all), the start (clicking one moves it for every run) and the step
 * of the timeline.
 */
import { memo, useMemo } from 'react';
import type { CriticalPoint, Vec2, ViewBox } from '../core/types';
import { ContourPlot, type ContourPlotLabels } from '../plot/ContourPlot';
import type { ContourSet } from '../plot/contours';
import { TrajectoryCanvas } from '../plot/TrajectoryCanvas';
import type { ViewChange } from '../plot/usePlotZoom';
import type { LiveView } from '../plot/liveView';
import { runColor } from '../plot/colors';
import { plotInnerSize } from '../plot/scales';
import type { RunSpec } from '../state/scene';
import type { TrajectoryStore } from '../state/trajectories';
import { useT } from '../i18n';
import { multiplesLayout } from './multiplesLayout';
import './teach.css';

export interface SmallMultiplesProps {
  /** Width of the whole grid, CSS pixels. */
  width: number;
  /** Every run of the scene; hidden runs get no panel. */
  runs: readonly RunSpec[];
  /** The worker's contours of the grid, null while they are computed; shared by every panel. */
  contours: ContourSet | null;
  /** The contours are a coarse preview (see ContourPlot). */
  preview?: boolean;
  /** The view the grid was sampled on. */
  view: ViewBox;
  /** The view shown now, outside a gesture's live view (see ContourPlot). */
  displayView: ViewBox;
  criticalPoints: readonly CriticalPoint[];
  upTo: number;
  hoverStep?: number | null;
  onPick?: (x: number, y: number) => void;
  onViewChange?: ViewChange;
  onPictureDue?: (view: ViewBox, paths: boolean) => void;
  onGestureEnd?: () => void;
  onResetView?: () => void;
  /** A gesture's view kept outside React, shared by every panel (see ContourPlot). */
  live?: LiveView;
  start?: Vec2;
  axisLabels?: [string, string];
  /** The page's (translated) plot words; each panel's description starts with its run's label. */
  labels?: Partial<ContourPlotLabels>;
  /** Defaults to the page's trajectory store; tests pass their own. */
  store?: TrajectoryStore;
}

export function SmallMultiples(props: SmallMultiplesProps) {
  const t = useT();
  const visible = useMemo(() => props.runs.filter((run) => !run.hidden), [props.runs]);
  const layout = multiplesLayout(visible.length, props.width);
  if (visible.length === 0) {
    return <p className="teach-multiples-empty" data-testid="small-multiples-empty">{t('teach.multiples.empty')}</p>;
  }
  return (
    <div
      className="teach-multiples"
      role="group"
      aria-label={t('teach.multiples.group')}
      data-testid="small-multiples"
      data-columns={layout.columns}
      style={{
        gridTemplateColumns: `repeat(${layout.columns}, ${layout.panelWidth}px)`,
        gap: `${layout.gap}px`,
      }}
    >
      {visible.map((run, index) => (
        <Panel
          key={run.key}
          {...props}
          run={run}
          // The panels share one view: the zoom buttons once, on the first (the wheel zooms every panel).
          zoomButtons={index === 0}
          width={layout.panelWidth}
          height={layout.panelHeight}
          surfaceLabel={
            props.labels?.surface
              ? `${run.label}: ${props.labels.surface}`
              : t('teach.multiples.panel', { label: run.label })
          }
        />
      ))}
    </div>
  );
}

type PanelProps = Omit<SmallMultiplesProps, 'runs'> & { run: RunSpec; height: number; surfaceLabel: string; zoomButtons: boolean };

const Panel = memo(function Panel({
  run, width, height, surfaceLabel, zoomButtons, contours, preview, view, displayView, criticalPoints, upTo, hoverStep = null,
  onPick, onViewChange, onPictureDue, onGestureEnd, onResetView, live, start, axisLabels, labels: pageLabels, store,
}: PanelProps) {
  const inner = plotInnerSize(width, height);
  // One run per canvas; a stable array, so the canvas repaints on new data or props, not on every render.
  const single = useMemo(() => [run], [run]);
  const labels = useMemo(() => ({ ...pageLabels, surface: surfaceLabel }), [pageLabels, surfaceLabel]);
  return (
    <figure className="teach-multiple" data-testid="small-multiple">
      <figcaption className="teach-multiple-label">
        <span className="teach-swatch" style={{ background: runColor(run.color) }} aria-hidden="true" />
        {run.label}
      </figcaption>
      <ContourPlot
        contours={contours}
        preview={preview}
        view={view}
        displayView={displayView}
        live={live}
        width={width}
        height={height}
        criticalPoints={criticalPoints}
        onPick={onPick}
        onViewChange={onViewChange}
        onPictureDue={onPictureDue}
        onGestureEnd={onGestureEnd}
        onResetView={onResetView}
        zoomButtons={zoomButtons}
        start={start}
        axisLabels={axisLabels}
        labels={labels}
      >
        <TrajectoryCanvas
          width={inner.width}
          height={inner.height}
          view={displayView}
          live={live}
          runs={single}
          upTo={upTo}
          hoverStep={hoverStep}
          store={store}
        />
      </ContourPlot>
    </figure>
  );
});
