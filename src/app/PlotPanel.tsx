/**
 * The plot column: contours with every run's path, the playback bar, the loss
 * chart. It sizes the plot to its box, asks the worker for a grid matching the
 * view and the size, and turns clicks into a new start point.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CriticalPoint, ViewBox } from '../core/types';
import { surfaceInfo } from '../core';
import { ContourPlot, type ContourPlotLabels } from '../plot/ContourPlot';
import { TrajectoryCanvas } from '../plot/TrajectoryCanvas';
import { plotInnerSize, sameView, tidyView } from '../plot/scales';
import { createLiveView } from '../plot/liveView';
import { normalizeView } from '../state/normalize';
import { screenPixelRatio, useScreenPixelRatio } from '../plot/canvasSize';
import { appStore, useAppStore } from '../state/store';
import { selectSurfaceSpec, selectView } from '../state/selectors';
import { useElementSize } from './useElementSize';
import { useAfterFirstPicture } from './useAfterFirstPicture';
import { useNarrowLayout } from './useNarrowLayout';
import { ChunkBoundary } from './ChunkBoundary';
import { useChunk } from './useChunk';
import { PlotControls } from './PlotControls';
import { gridKept, requestGrid, useGrid, type GridRequest } from './workerBridge';
import type { ThresholdChoice } from '../plot/thresholds';
import { sameNumbers, useSameValue } from '../plot/useSameValue';
import { SmallMultiples } from '../teach/SmallMultiples';
import { useTeachStore } from '../teach/teachStore';
import { InspectorOverlay } from '../inspector/InspectorOverlay';
import { translate, useLanguage, type Lang } from '../i18n';

// Its own chunk, needed only after the first picture (useAfterFirstPicture); fetched with
// useChunk, not React.lazy, whose retry the replay's per-frame renders can starve.
const loadBelowPlot = () => import('./BelowPlot');

/** Holds the loss chart's place until it arrives, so nothing below moves. */
const placeholder = <div className="plot-loss-placeholder" aria-hidden="true" />;

/** Grid samples per CSS pixel of the plotting area: fine enough for smooth bands, cheap enough to redo per zoom. */
const samplesPerPixel = 0.35;
/**
 * During a zoom or pan gesture: a third of the samples, so a grid for the
 * gesture's view (when one is due, see plot/gesturePacing.ts) comes quickly.
 * The full grid follows when the gesture ends (d3-zoom's 'end').
 */
const gestureSamplesPerPixel = 0.2;

/**
 * The grid asked for a plotting area of `size` showing `view` (coarser while
 * a gesture moves it), with the worker's picture of its bands for the single
 * plot (the side-by-side panels are smaller and paint the paths themselves).
 */
function gridFor(
  view: ViewBox, size: { width: number; height: number }, moving: boolean, pictured: boolean, ratio = screenPixelRatio(), levels?: ThresholdChoice | null,
): GridRequest {
  const density = moving ? gestureSamplesPerPixel : samplesPerPixel;
  return {
    view,
    nx: Math.max(40, Math.min(320, Math.round(size.width * density))),
    ny: Math.max(40, Math.min(320, Math.round(size.height * density))),
    // The worker paints the bands at this size; the page only shows the pixels. Mid-gesture
    // at half the pixel density: a quarter of the raster, for a picture that is being stretched anyway.
    ...(pictured && { picture: { width: size.width, height: size.height, ratio: ratio * (moving ? 0.5 : 1) } }),
    // Full grids are kept for a view asked again (Reset view, a surface chosen again): gridCache.ts.
    keep: !moving,
    // A gesture's grids keep the levels it started on: the bands keep their colours while the picture moves.
    ...(moving && levels && { thresholds: levels }),
  };
}

export function PlotPanel() {
  const surface = useAppStore((s) => s.scene.surface);
  const start = useAppStore((s) => s.scene.start);
  const sceneView = useAppStore((s) => s.scene.view);
  const runs = useAppStore((s) => s.scene.runs);
  const steps = useAppStore((s) => s.scene.steps);
  const playback = useAppStore((s) => s.playback);
  const hoverStep = useAppStore((s) => s.hoverStep);
  const lang = useLanguage((s) => s.lang);
  const labels = useMemo(() => plotLabels(lang), [lang]);
  const layout = useTeachStore((s) => s.layout);
  const narrow = useNarrowLayout();
  const boxRef = useRef<HTMLDivElement>(null);
  // The panels under the plot wait for its first picture (see useAfterFirstPicture).
  const secondary = useAfterFirstPicture();
  const { module: below } = useChunk(loadBelowPlot, secondary);
  const { width } = useElementSize(boxRef);
  const height = Math.round(Math.min(Math.max(width * 0.72, 260), 640));

  // The worker's name for the surface; a typed one carries its expression and box.
  const spec = selectSurfaceSpec(surface);
  const view: ViewBox = useMemo(() => selectView({ view: sceneView, surface }), [sceneView, surface]);
  const inner = plotInnerSize(width, height);
  // True from a gesture's first step to its end: its grids are coarser.
  const [moving, setMoving] = useState(false);
  const movingNow = useRef(false);
  // A gesture's view, and the last view its paths were made for, kept outside React's state
  // (plot/liveView.ts): a step re-renders only what moves. The store gets the view at the end.
  const [live] = useState(createLiveView);
  // On another screen (or a zoomed page) the worker's picture is asked for at its pixel ratio.
  const ratio = useScreenPixelRatio();
  // The levels of the grid a gesture started on, which its grids keep; set with `moving`, read by onPictureDue.
  const gestureLevels = useRef<GestureLevels | null>(null);
  const specKey = JSON.stringify(spec);
  const gridRequest = useMemo<GridRequest | null>(
    // Not before the box is measured (a zero width still gives a 1-pixel plotting area), and not
    // mid-gesture: onPictureDue asks for a gesture's grids, for the view on screen when they are due.
    () => (width > 0 && !moving ? gridFor(view, inner, false, layout === 'single', ratio) : null),
    [view, width, inner.width, inner.height, moving, layout, ratio],
  );
  const grid = useGrid(spec, gridRequest);
  // A grid computed for another surface must not be drawn under this one's name.
  const gridMatches = grid && grid.surface && JSON.stringify(grid.surface) === specKey;
  // What a zoom step's grid request needs, read from the d3-zoom handler between renders.
  const plot = useRef({ size: inner, single: layout === 'single', levels: null as GestureLevels | null });
  useLayoutEffect(() => {
    const contours = gridMatches ? grid.contours : null;
    plot.current = {
      size: inner,
      single: layout === 'single',
      levels: contours && { surface: specKey, choice: { levels: contours.levels, spacing: contours.spacing, extent: contours.extent } },
    };
  });

  const upTo = playback.showAll ? Infinity : playback.step;
  const axisLabels: [string, string] = surfaceInfo[surface.id].isData ? ['w', 'b'] : ['x', 'y'];

  const onPick = useCallback((x: number, y: number) => appStore.getState().setStart([round(x), round(y)]), []);
  const onViewChange = useCallback((next: ViewBox, gesture: boolean) => {
    // A button's step is not a gesture: React's render asks for the full grid, and nothing coarse before it.
    if (!gesture) {
      appStore.getState().setView(tidyView(next));
      return;
    }
    // Once a gesture: a state set to its value still calls the panel again before React bails out.
    if (!movingNow.current) {
      movingNow.current = true;
      setMoving(true);
    }
    // The levels on screen when the gesture starts (none yet on a page still opening: taken at a later step).
    gestureLevels.current ??= plot.current.levels;
    // Clamped to the limits the store keeps views in, as the store would: what is shown is what the link gets.
    // A step the store would refuse (both edges at one limit) is left out.
    const shown = normalizeView(next);
    if (shown) live.set({ view: shown, pathsMade: live.get()?.pathsMade ?? null });
  }, [live]);
  const onPictureDue = useCallback((view: ViewBox, paths: boolean) => {
    // The view on screen: the gesture's step, or a view set from elsewhere mid-gesture (usePlotZoom).
    const { scene } = appStore.getState();
    const due = normalizeView(view) ?? selectView(scene);
    // The worker starts on the view's grid at once; a render mid-gesture asks for none.
    const spec = selectSurfaceSpec(scene.surface);
    requestGrid(spec, gridFor(due, plot.current.size, true, plot.current.single, screenPixelRatio(), keptFor(gestureLevels.current, JSON.stringify(spec))));
    const shown = live.get();
    if (paths && shown && sameView(shown.view, due)) live.set({ view: shown.view, pathsMade: shown.view });
  }, [live]);
  const onGestureEnd = useCallback(() => {
    // The view the gesture ends on, without its arithmetic's float noise (the link reads -2, not -1.9999999999999991).
    // Back on the surface's own box (zoomed in and out again): the plain link, with no view in it.
    // Set with the live view's end, so both come in one render.
    const store = appStore.getState();
    const shown = live.get()?.view;
    if (shown) {
      const tidy = tidyView(shown);
      store.setView(sameView(tidy, selectView({ surface: store.scene.surface, view: null }), 1e-12) ? null : tidy);
    }
    live.set(null);
    gestureLevels.current = null;
    movingNow.current = false;
    setMoving(false);
  }, [live]);
  // A view set from elsewhere (Reset view, a link, another surface), even mid-gesture: the plot shows it.
  useLayoutEffect(() => live.set(null), [view, live]);
  const onResetView = useCallback(() => {
    const store = appStore.getState();
    store.setView(null);
    // Mid-gesture the store may already hold the surface's own view (the gesture began there), and
    // then nothing changes in it: the gesture goes on from that view, which usePlotZoom anchors at.
    if (live.get()) live.set({ view: selectView(appStore.getState().scene), pathsMade: null });
  }, [live]);

  // Every grid of a surface brings its critical points anew, usually the same ones: the markers keep theirs.
  const marked = useSameValue(gridMatches ? markedPoints(grid.criticalPoints) : noPoints, samePoints);
  // What the single plot and the side-by-side panels share: the grid, the view, the start and their handlers.
  const surfaceProps = {
    contours: gridMatches ? grid.contours : null,
    preview: gridMatches ? !grid.final : false,
    picture: gridMatches ? grid.picture : null,
    takePicture: gridMatches ? !gridKept(grid) : false,
    view: gridMatches ? grid.view : view,
    displayView: view,
    criticalPoints: marked,
    onPick,
    onViewChange,
    onPictureDue,
    onGestureEnd,
    onResetView,
    live,
    start,
    axisLabels,
    labels,
  };
  return (
    <section className="plot-panel" aria-label={translate(lang, 'plot.region')}>
      <div className="plot-box" ref={boxRef} data-testid="plot-box">
        {width > 0 && layout === 'multiples' && (
          <SmallMultiples width={width} runs={runs} upTo={upTo} hoverStep={hoverStep} {...surfaceProps} />
        )}
        {width > 0 && layout === 'single' && (
          <ContourPlot width={width} height={height} {...surfaceProps} moving={moving}>
            <TrajectoryCanvas
              width={inner.width} height={inner.height} view={view} live={live}
              runs={runs} upTo={upTo} hoverStep={hoverStep}
            />
            <InspectorOverlay width={inner.width} height={inner.height} view={view} live={live} runs={runs} />
          </ContourPlot>
        )}
      </div>
      {/* The replay's controls first, right under the plot they drive: in a 1280 × 800 window both fit. */}
      <PlotControls ready={secondary} runs={runs} isData={surfaceInfo[surface.id].isData} narrow={narrow} />
      {below ? (
        <ChunkBoundary fallback={placeholder}>
          <below.default surfaceId={surface.id} runs={runs} steps={steps} upTo={upTo} hoverStep={hoverStep} />
        </ChunkBoundary>
      ) : (
        placeholder
      )}
    </section>
  );
}

/** The plot's words in `lang`; memoised per language so the SVG's description is not rebuilt per render. */
function plotLabels(lang: Lang): ContourPlotLabels {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate(lang, key, vars);
  return {
    surface: t('plot.surface'),
    resetView: t('plot.resetView'),
    zoomIn: t('plot.zoomIn'),
    zoomOut: t('plot.zoomOut'),
    startHandle: t('plot.startHandle'),
    range: (parts) => t('plot.range', parts),
    logLevels: t('plot.logLevels'),
    pointAt: (parts) => t('plot.pointAt', parts),
    undefinedKey: t('plot.undefinedKey'),
    undefinedRegion: t('plot.undefinedRegion'),
    critical: {
      kinds: { min: t('critical.min'), max: t('critical.max'), saddle: t('critical.saddle'), degenerate: t('critical.degenerate') },
      eigenvalues: t('critical.eigenvalues'),
      tooltip: (parts) => t('critical.tooltip', parts),
    },
  };
}

/** Past this many critical points in view, markers would hide the surface (Rastrigin has 441). */
const maxMarkers = 30;

/** Every critical point when there are few; otherwise only the lowest minimum (or lowest point) in view. */
function markedPoints(points: readonly CriticalPoint[]): readonly CriticalPoint[] {
  if (points.length <= maxMarkers) return points;
  const minima = points.filter((p) => p.kind === 'min');
  const pool = minima.length > 0 ? minima : points;
  return [pool.reduce((best, p) => (p.f < best.f ? p : best))];
}

const noPoints: readonly CriticalPoint[] = [];

/** Levels a gesture keeps, with the surface (its spec as JSON) they were chosen on. */
interface GestureLevels {
  surface: string;
  choice: ThresholdChoice;
}

/** The kept levels, if they were chosen on `surface`: another surface mid-gesture (the ripple moved by keyboard while wheeling) chooses its own. */
function keptFor(kept: GestureLevels | null, surface: string): ThresholdChoice | null {
  return kept && kept.surface === surface ? kept.choice : null;
}

/** Whether two lists hold the same critical points (their titles too: the eigenvalues). */
function samePoints(a: readonly CriticalPoint[], b: readonly CriticalPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return p.x === q.x && p.y === q.y && p.f === q.f && p.kind === q.kind && sameNumbers(p.eigenvalues, q.eigenvalues);
  });
}

/** Clicked coordinates carry pixel noise; 4 significant digits keep links short and are finer than a pixel. */
function round(value: number): number {
  return Number(value.toPrecision(4));
}
