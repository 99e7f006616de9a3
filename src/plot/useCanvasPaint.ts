/**
 * Repaint a canvas from the trajectory store without React: a new chunk
 * schedules one animation frame, and the frame paints only if the store's
 * version, the painter (its props), the size, the pixel ratio or the view
 * changed since the last paint.
 * Chunks arriving faster than the screen refreshes cost one paint per frame.
 *
 * While runs stream in, paints that only add points may use at most a
 * quarter of the main thread: after a paint that took d ms (d over half a
 * frame), the next such paint waits until 4·d ms after the last began.
 * Painting 8 × 100,000 points on every frame left no time for input (the
 * loss chart alone took 20–150 ms a paint); a path that grows a few times a
 * second instead of sixty reads just as well. Changed props (a resize, the replay) and the paint
 * that completes a generation are never held back (a zoom step waits one frame at most, below). Nor do such paints of
 * several canvases add up in one frame: past 10 ms of painting in a frame,
 * the next canvas's waits for the following one; a canvas without onPaint
 * (the loss chart) waits, whatever its paint, once a frame has 4 ms of
 * others' painting (a few frames at most). Right after new runs are
 * asked for, the old picture stays until their first data comes (at most
 * holdPictureMs), so a slider step never shows an empty plot for a frame.
 *
 * A canvas drawn for a view (the paths) may be given it: when only the view
 * changed since the last paint (a zoom or pan step), a CSS transform moves
 * the last picture over the new view at once, in the frame that moves the
 * axes, and the repaint waits for the next frame. Painting in the wheel's
 * own frame put the strokes' raster (its commit) on top of the input,
 * React's render, the axes' layout and a grid arriving: 2–3 ms a wheel, and
 * the frames that ran over. The stretched strokes are off in width by one
 * frame's zoom (a wheel notch is ~15 %), for one frame (held, below, by
 * the zoom of up to 150 ms of a continuous gesture).
 *
 * During a gesture the caller may `hold` the repaint: the picture is then
 * only moved until new pictures are due (gesturePacing.ts), which the
 * caller says by a render without `hold`; that paint is for the view of its
 * frame, even if the next step has held the picture again by then. Under a
 * step in every frame, repainting every other frame missed frames on two
 * cores.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { TrajectoryStore } from '../state/trajectories';
import type { ViewBox } from '../core/types';
import { screenPixelRatio, sizedContext, useScreenPixelRatio } from './canvasSize';
import { sameView, stretchTransform } from './scales';

/** Paints the whole canvas (for `view` when the canvas has one); the context is already scaled so units are CSS pixels. */
export type CanvasPainter = (ctx: CanvasRenderingContext2D, store: TrajectoryStore, view?: ViewBox) => void;

/** Share of the main thread that paints adding streamed points may take… */
const streamingShare = 0.25;
/** …once a paint takes longer than this (ms); cheaper paints happen every frame. */
const cheapPaintMs = 8;
/** How long the previous picture stays while new runs have sent nothing yet (ms). */
const holdPictureMs = 150;
/**
 * Paint time one animation frame may spend on paints that only add streamed
 * points, across every canvas (ms); past it, such a paint waits for the next
 * frame. The paths and the loss chart then no longer add up in one task
 * when a stream begins (their first paints run on code not yet optimised).
 */
const streamingFrameMs = 10;
/**
 * Past this much paint time in a frame, a canvas without onPaint (the loss
 * chart) paints in a following frame, at most maxSecondaryWaits frames
 * later (ms). The first paints of a long stream, on code not yet optimised,
 * took 36–45 ms for the loss chart and 8–9 ms for the paths: in one frame,
 * a 55–59 ms task (long runs bench); apart, each under the 50 ms line.
 */
const secondaryFrameMs = 4;
const maxSecondaryWaits = 4;
/**
 * While runs stream, a canvas without onPaint (the loss chart) adds their
 * points at most this often (ms). Repainting every frame, each paint tracing
 * every run's columns anew, it was the page's largest script while 8 ×
 * 100,000 steps streamed (CPU profile: ~300 of ~850 ms of script over three
 * streams, against ~80 for the paths); ten times a second a growing line
 * reads as well. The paint that completes a generation is not held back.
 */
const secondaryStreamingMs = 100;
/** Paint time spent in the current animation frame, shared by every canvas (keyed by the frame's timestamp). */
const frameSpend = { frame: NaN, ms: 0 };

/** Forget the paint time of the current frame (tests, whose fake clocks reuse frame timestamps). */
export function resetFrameSpend(): void {
  Object.assign(frameSpend, { frame: NaN, ms: 0 });
}

/** Show the canvas's own picture again, unmoved. */
function unmove(canvas: HTMLCanvasElement): void {
  if (canvas.style.transform) canvas.style.transform = '';
  canvas.classList.remove('is-moving');
}

/** Whether a paint had the painter, size and pixel ratio asked for now (the view and the data aside). */
function samePropsAsPainted(
  last: { painter: CanvasPainter | null; width: number; height: number; ratio: number },
  now: { painter: CanvasPainter; width: number; height: number },
  ratio: number,
): boolean {
  return last.painter === now.painter && last.width === now.width && last.height === now.height && last.ratio === ratio;
}

export function useCanvasPaint(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  store: TrajectoryStore,
  width: number,
  height: number,
  painter: CanvasPainter,
  /** Called after each paint with whether every run of the generation had finished. */
  onPaint?: (complete: boolean) => void,
  /** The view the painter draws, for a canvas that follows zoom and pan (see above). */
  view?: ViewBox,
  /** While true, a view-only change only moves the last picture; a render with it false lets the next paint through, held again or not (see above). */
  hold = false,
): void {
  const latest = useRef({ painter, width, height, store, view, hold });
  const painted = useRef({ version: -1, painter: null as CanvasPainter | null, width: 0, height: 0, ratio: 0, view: undefined as ViewBox | undefined });
  const frame = useRef(0);
  /** When the last paint began and how long it took, for the streaming throttle. */
  const cost = useRef({ start: -Infinity, ms: 0 });
  /** Frames this canvas has let go by because others had painted in them (secondaryFrameMs). */
  const secondaryWaits = useRef(0);
  /** When a view-only change was last shown by a transform, and whether a repaint has waited a frame since the last paint. */
  const moved = useRef({ at: -Infinity, waited: false });
  /** Whether a render without `hold` came since the last paint: new pictures were due, even if the view has moved on since. */
  const released = useRef(false);

  useLayoutEffect(() => {
    latest.current = { painter, width, height, store, view, hold };
    if (!hold) released.current = true;
  });

  /** Whether the only change since the last paint is the view, and the last picture can be moved to it. */
  const onlyMoved = useCallback((): string | undefined => {
    const last = painted.current;
    const now = latest.current;
    if (!now.view || !last.view || last.version < 0 || sameView(last.view, now.view)) return undefined;
    const same = last.version === now.store.version() && samePropsAsPainted(last, now, screenPixelRatio());
    return same ? stretchTransform(last.view, now.view, now.width, now.height) : undefined;
  }, []);

  // A view-only change is shown in this frame by moving the last picture; the paint follows (draw).
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const stretch = onlyMoved();
    if (stretch !== undefined) {
      canvas.style.transform = stretch;
      // Mid-gesture, sampled nearest-neighbour while it is moved (plot.css): the display
      // compositor redraws it every frame, ~1.4 ms a frame less than sampled smoothly (traced).
      canvas.classList.toggle('is-moving', latest.current.hold);
      moved.current.at = performance.now();
    } else if (canvas.style.transform && sameView(painted.current.view, latest.current.view)) {
      // Back on the painted view before the repaint (a step in and out within a frame): no paint is due, so drop the move here.
      unmove(canvas);
    }
  }, [canvasRef, view, onlyMoved]);

  /** Paint now; `frameTime` is the animation frame's timestamp when called from one. */
  const draw = useCallback((frameTime?: number) => {
    frame.current = 0;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { painter, width, height, store, view } = latest.current;
    const ratio = screenPixelRatio();
    const last = painted.current;
    const version = store.version();
    // The same picture as the last paint's, up to new points (the painter stands for the other props).
    const samePicture = samePropsAsPainted(last, latest.current, ratio) && sameView(last.view, view);
    if (last.version === version && samePicture) {
      unmove(canvas);
      return;
    }
    // Just after new runs were asked for, before any of their data: keep the old
    // picture (no empty frame between a slider step and its paths), briefly.
    const waiting = store.waitingFor();
    // Only while nothing else changed: a new view or new runs (a preset) repaint at once.
    if (waiting !== null && waiting < holdPictureMs && samePicture && last.version >= 0) {
      frame.current = requestAnimationFrame(draw);
      return;
    }
    const complete = store.complete();
    const onlyNewPoints = samePicture;
    const now = performance.now();
    const { start, ms } = cost.current;
    if (!complete && onlyNewPoints && ms > cheapPaintMs && now < start + ms / streamingShare) {
      frame.current = requestAnimationFrame(draw);
      return;
    }
    if (!complete && onlyNewPoints && !onPaint && now < start + secondaryStreamingMs) {
      frame.current = requestAnimationFrame(draw);
      return;
    }
    // Mid-gesture, until new pictures are due: the moved picture stands; a render without `hold` repaints.
    if (latest.current.hold && !released.current && onlyMoved() !== undefined) return;
    // Moved in this frame's input (after the frame began): the transform shows it; paint in the next frame.
    if (frameTime !== undefined && moved.current.at >= frameTime && !moved.current.waited && onlyMoved() !== undefined) {
      moved.current.waited = true;
      frame.current = requestAnimationFrame(draw);
      return;
    }
    const spentThisFrame = frameTime !== undefined && frameSpend.frame === frameTime ? frameSpend.ms : 0;
    if (!complete && onlyNewPoints && spentThisFrame > streamingFrameMs) {
      frame.current = requestAnimationFrame(draw);
      return;
    }
    // A canvas no measure waits on (the loss chart, not the paths) lets a frame another canvas
    // has painted in go by, whatever its paint, a few frames at most.
    if (!onPaint && spentThisFrame > secondaryFrameMs && secondaryWaits.current < maxSecondaryWaits) {
      secondaryWaits.current++;
      frame.current = requestAnimationFrame(draw);
      return;
    }
    secondaryWaits.current = 0;
    const ctx = sizedContext(canvas, width, height, ratio);
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    painter(ctx, store, view);
    unmove(canvas);
    moved.current.waited = false;
    released.current = false;
    const took = performance.now() - now;
    cost.current = { start: now, ms: took };
    if (frameTime !== undefined) {
      if (frameSpend.frame !== frameTime) Object.assign(frameSpend, { frame: frameTime, ms: 0 });
      frameSpend.ms += took;
    }
    painted.current = { version, painter, width, height, ratio, view };
    onPaint?.(complete);
  }, [canvasRef, onPaint, onlyMoved]);

  const schedule = useCallback(() => {
    // The chunk that completes a generation is painted at once rather than on
    // the next frame: a slider drag then shows its final paths up to a frame
    // sooner. Only for a canvas whose paints are watched (onPaint: the paths,
    // whose paint ends the slider's latency measure); the others (the loss
    // chart) wait for the frame, so they do not delay the paths.
    // Not a view-only change: that one waits for the frame (see above).
    if (onPaint && latest.current.store.complete() && onlyMoved() === undefined) {
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
      draw();
      return;
    }
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(draw);
  }, [draw, onPaint]);

  useEffect(() => {
    const unsubscribe = store.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [store, schedule]);

  // New props (view, runs, upTo, hover) or another screen's pixel ratio: one more frame.
  const ratio = useScreenPixelRatio();
  useEffect(schedule, [painter, width, height, view, hold, ratio, schedule]);
}
