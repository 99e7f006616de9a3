/**
 * The loss surface as filled contour bands with axes, critical-point markers
 * and a colour legend, in one SVG. Children (the TrajectoryCanvas) are laid
 * over the plotting area, sized plotInnerSize(width, height).
 *
 * Bands are drawn for the grid's own view (`view`) and only moved by a CSS
 * transform while the display view changes under a zoom gesture, so a
 * gesture's frames cost no contouring; the parent asks for a new grid when
 * one is due (onPictureDue) and when the gesture ends.
 * Pointer: click sets the start, drag pans, wheel or pinch zooms (see
 * usePlotZoom for how a click is told from a pan); the start ring can be dragged.
 */
import { useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import type { CriticalPoint, Vec2, ViewBox } from '../core/types';
import { Axis } from './Axis';
import { ContourBands } from './ContourBands';
import { bandColors } from './colors';
import type { ContourSet } from './contours';
import { CriticalMarkers, defaultCriticalLabels, type CriticalMarkerLabels } from './CriticalMarkers';
import { formatValue } from './format';
import { Legend } from './Legend';
import { createPlotScales, pixelToSurface, plotInnerSize, plotMargins, type PlotScales } from './scales';
import { useDisplayView, type LiveView } from './liveView';
import { StartHandle } from './StartHandle';
import type { ThresholdChoice } from './thresholds';
import type { BandPicture } from '../worker/protocol';
import { usePlotZoom, useWheelForwarding, type ViewChange } from './usePlotZoom';
import { sameNumbers, useSameValue } from './useSameValue';
import './plot.css';

export interface ContourPlotLabels {
  /** Start of the SVG's accessible description; the ranges are appended. */
  surface: string;
  resetView: string;
  zoomIn: string;
  zoomOut: string;
  startHandle: string;
  critical: CriticalMarkerLabels;
  /** "x from −2 to 2" (also used for f), in the description. */
  range: (parts: { axis: string; from: string; to: string }) => string;
  /** Appended to the f range when the contour levels are log-spaced. */
  logLevels: string;
  /** "Minimum at (1, 1)", in the description. */
  pointAt: (parts: { kind: string; x: string; y: string }) => string;
  /** The legend's key for the hatched region where f has no value (under the legend's "f"). */
  undefinedKey: string;
  /** The description's sentence for that region. */
  undefinedRegion: string;
}

export const defaultContourPlotLabels: ContourPlotLabels = {
  surface: 'Contour plot of the loss surface',
  resetView: 'Reset view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  startHandle: 'Start point; drag it or use the arrow keys',
  critical: defaultCriticalLabels,
  range: ({ axis, from, to }) => `${axis} from ${from} to ${to}`,
  logLevels: 'log-spaced levels',
  pointAt: ({ kind, x, y }) => `${kind} at (${x}, ${y})`,
  // Not the word "undefined": on a page it reads like a leaked JavaScript value (the browser tests look for it).
  undefinedKey: 'no value',
  undefinedRegion: 'f has no value in the hatched region',
};

export interface ContourPlotProps {
  /** The grid's contour levels and bands (createContourSet, computed in the worker); null while it is computed. */
  contours: ContourSet | null;
  /** The contours are the worker's coarse preview; the full grid follows (shown as data-grid="preview"). */
  preview?: boolean;
  /** The bands as the worker painted them for `view` (see ContourBands); the page paints them without it. */
  picture?: BandPicture | null;
  /** The picture is the plot's alone (a gesture's grid, not kept to be shown again): the canvas may use it up. */
  takePicture?: boolean;
  /** A zoom or pan gesture is under way (from its first step to d3-zoom's 'end'): see ContourBands. */
  moving?: boolean;
  /** The view the grid was sampled on. */
  view: ViewBox;
  /**
   * The view shown now (outside a gesture, with `live`); differs from `view`
   * during a zoom gesture, until the grid is re-sampled.
   */
  displayView: ViewBox;
  /**
   * A gesture's view, when the parent keeps it outside React (liveView.ts):
   * the layers that move with it follow it, and `displayView` is the view
   * outside gestures.
   */
  live?: LiveView;
  /** Size of the whole component (axes and legend included), CSS pixels. */
  width: number;
  height: number;
  criticalPoints: readonly CriticalPoint[];
  /** A click (not a drag) on the plot, or a move of the start handle, in surface coordinates. */
  onPick?: (x: number, y: number) => void;
  /**
   * Every zoom or pan step (`gesture`: part of a wheel, drag or pinch). While a gesture runs,
   * put the view in `live`, or hand it back as `displayView` unchanged (no rounding).
   */
  onViewChange?: ViewChange;
  /** Mid-gesture: time to make the pictures for this view anew, the paths too when `paths` (see gesturePacing); until then they are moved. */
  onPictureDue?: (view: ViewBox, paths: boolean) => void;
  /** A zoom or pan gesture ended (d3-zoom's 'end': 150 ms after a wheel's last notch, or the pointer released). */
  onGestureEnd?: () => void;
  onResetView?: () => void;
  /** Whether to show the zoom and reset buttons (default true; side by side, only the first panel does). */
  zoomButtons?: boolean;
  /** When given, a draggable, keyboard-operable handle marks the start. */
  start?: Vec2;
  /** Axis names: ['x', 'y'], or ['w', 'b'] on the data surfaces. */
  axisLabels?: [string, string];
  /** Overrides the generated accessible description of the SVG. */
  ariaLabel?: string;
  labels?: Partial<ContourPlotLabels>;
  children?: ReactNode;
}

const zoomStep = 1.5;
/**
 * Below this plotting width (CSS px: a phone's plot, a side-by-side panel)
 * the zoom buttons stand in a column at the right edge, Reset view as a house (as in matplotlib's and
 * plotly's toolbars): in a row with its words they covered the top half of a
 * 230 px plot's width.
 */
const compactButtonsBelow = 420;
const noBands: string[] = [];
const noLevels: number[] = [];

export function ContourPlot(props: ContourPlotProps) {
  const { contours, view, displayView, width, height, criticalPoints, onPick, onViewChange, onResetView } = props;
  const labels = { ...defaultContourPlotLabels, ...props.labels };
  const [xLabel, yLabel] = props.axisLabels ?? ['x', 'y'];
  const inner = plotInnerSize(width, height);
  const zoomArea = useRef<SVGGElement>(null);
  const hitArea = useRef<SVGRectElement>(null);
  const { zoomBy } = usePlotZoom(zoomArea, displayView, inner.width, inner.height, {
    onViewChange, onPictureDue: props.onPictureDue, onGestureEnd: props.onGestureEnd, live: props.live,
  });
  // The start handle and the zoom buttons lie over the plot: a wheel over them zooms it too.
  const overlay = useRef<HTMLDivElement>(null);
  const buttons = useRef<HTMLDivElement>(null);
  useWheelForwarding(props.zoomButtons === false ? [overlay] : [overlay, buttons], zoomArea);

  const usable = contours && contours.nx >= 2 && contours.ny >= 2 && contours.bands.length === contours.levels.length ? contours : null;
  const choice: (ThresholdChoice & { undefinedRegion?: string }) | null = usable;
  const bands = usable?.bands ?? noBands;
  // A gesture's grids keep their levels: the same array then, and the legend is not drawn again.
  const levels = useSameValue(choice?.levels ?? noLevels, sameNumbers);
  const colors = useMemo(() => bandColors(levels.length), [levels.length]);
  const { live } = props;

  const onClick = (event: MouseEvent<SVGGElement>) => {
    const box = hitArea.current?.getBoundingClientRect();
    if (!onPick || !box) return;
    const sx = box.width > 0 ? inner.width / box.width : 1;
    const sy = box.height > 0 ? inner.height / box.height : 1;
    // A click within a wheel gesture's last 150 ms lands on the gesture's view.
    const shown = live?.get()?.view ?? displayView;
    onPick(...pixelToSurface(shown, inner.width, inner.height, (event.clientX - box.left) * sx, (event.clientY - box.top) * sy));
  };

  const description = props.ariaLabel ?? describePlot(labels, displayView, choice, criticalPoints);

  return (
    <div className="plot-contour" style={{ width: `${width}px`, height: `${height}px` }}>
      <div
        className="plot-bands-box"
        style={{ left: `${plotMargins.left}px`, top: `${plotMargins.top}px`, width: `${inner.width}px`, height: `${inner.height}px` }}
      >
        <ContourBands
          bands={bands}
          undefinedRegion={usable?.undefinedRegion}
          levels={usable?.levels ?? noLevels}
          colors={colors}
          nx={usable?.nx ?? 0}
          ny={usable?.ny ?? 0}
          picture={usable ? props.picture : null}
          takePicture={props.takePicture}
          moving={props.moving}
          view={view}
          displayView={displayView}
          live={live}
          width={inner.width}
          height={inner.height}
        />
      </div>
      <svg
        className="plot-svg"
        data-testid="contour-plot"
        data-grid={usable ? (props.preview ? 'preview' : 'full') : 'none'}
        width={width} height={height} role="img" aria-label={description}>
        <g transform={`translate(${plotMargins.left},${plotMargins.top})`}>
          <g ref={zoomArea} className="plot-zoom-area" onClick={onClick}>
            <rect ref={hitArea} className="plot-hit" width={inner.width} height={inner.height} />
            <ViewLayer live={live} view={displayView} width={inner.width} height={inner.height}>
              {(scales) => (
                <CriticalMarkers points={criticalPoints} scales={scales} width={inner.width} height={inner.height} labels={labels.critical} />
              )}
            </ViewLayer>
          </g>
          <ViewLayer live={live} view={displayView} width={inner.width} height={inner.height}>
            {(scales) => (
              <>
                <Axis orient="bottom" scale={scales.x} y={inner.height} length={inner.width} label={xLabel} />
                <Axis orient="left" scale={scales.y} length={inner.height} label={yLabel} />
              </>
            )}
          </ViewLayer>
          {choice ? (
            <Legend
              levels={levels}
              colors={colors}
              max={choice.extent[1]}
              spacing={choice.spacing}
              undefinedLabel={choice.undefinedRegion ? labels.undefinedKey : undefined}
              x={inner.width + 14}
              y={18}
              height={Math.max(0, inner.height - 18)}
            />
          ) : null}
        </g>
      </svg>
      <div
        ref={overlay}
        className="plot-overlay"
        style={{ left: `${plotMargins.left}px`, top: `${plotMargins.top}px`, width: `${inner.width}px`, height: `${inner.height}px` }}
      >
        {props.children}
        {props.start && onPick ? (
          <StartHandle
            start={props.start}
            view={displayView}
            live={live}
            width={inner.width}
            height={inner.height}
            onMove={onPick}
            label={labels.startHandle}
          />
        ) : null}
      </div>
      {props.zoomButtons === false ? null : <div
        ref={buttons}
        className={`plot-buttons${inner.width < compactButtonsBelow ? ' is-compact' : ''}`}
        style={{ top: `${plotMargins.top + 4}px`, right: `${plotMargins.right + 4}px` }}>
        <button type="button" className="plot-button" aria-label={labels.zoomIn} title={labels.zoomIn} onClick={() => zoomBy(zoomStep)}>+</button>
        <button type="button" className="plot-button" aria-label={labels.zoomOut} title={labels.zoomOut} onClick={() => zoomBy(1 / zoomStep)}>−</button>
        {onResetView ? (
          <button type="button" className="plot-button plot-button-text" aria-label={labels.resetView} title={labels.resetView} onClick={onResetView}>
            <span className="plot-button-words">{labels.resetView}</span>
            <span className="plot-button-icon" aria-hidden="true">⌂</span>
          </button>
        ) : null}
      </div>}
    </div>
  );
}

/**
 * What moves with the view, drawn with the scales of the view on screen: a
 * gesture's step re-renders only this, not the plot around it (liveView.ts).
 */
function ViewLayer({ live, view, width, height, children }: {
  live?: LiveView;
  view: ViewBox;
  width: number;
  height: number;
  children: (scales: PlotScales) => ReactNode;
}) {
  const shown = useDisplayView(live, view);
  const scales = useMemo(() => createPlotScales(shown, width, height), [shown, width, height]);
  return children(scales);
}

/** "Contour plot …: x from −2 to 2, y from −1 to 3; f from 0 to 2500, log-spaced levels; Minimum at (1, 1)." */
export function describePlot(
  labels: Pick<ContourPlotLabels, 'surface' | 'critical'> & Partial<Pick<ContourPlotLabels, 'range' | 'logLevels' | 'pointAt' | 'undefinedRegion'>>,
  view: ViewBox,
  choice: (ThresholdChoice & { undefinedRegion?: string }) | null,
  criticalPoints: readonly CriticalPoint[],
): string {
  const f = (v: number) => formatValue(v, 3);
  const { range, logLevels, pointAt, undefinedRegion } = { ...defaultContourPlotLabels, ...labels };
  const parts = [`${labels.surface}: ${range({ axis: 'x', from: f(view.x[0]), to: f(view.x[1]) })}, ${range({ axis: 'y', from: f(view.y[0]), to: f(view.y[1]) })}`];
  if (choice && choice.levels.length > 0) {
    const spacing = choice.spacing === 'linear' ? '' : `, ${logLevels}`;
    parts.push(`${range({ axis: 'f', from: f(choice.extent[0]), to: f(choice.extent[1]) })}${spacing}`);
  }
  if (choice?.undefinedRegion) parts.push(undefinedRegion);
  const shown = criticalPoints.slice(0, 6).map((p) => pointAt({ kind: labels.critical.kinds[p.kind], x: f(p.x), y: f(p.y) }));
  if (shown.length > 0) parts.push(shown.join(', '));
  return `${parts.join('; ')}.`;
}
