/**
 * d3-zoom on the plotting area, driving a view held by the parent.
 *
 * d3-zoom keeps its own transform relative to the view it started from. We
 * call that view the anchor: the emitted view is the anchor seen through the
 * transform. When the parent hands back the view we emitted, nothing happens;
 * when it sets a different one (reset, a link, another surface) or the box
 * is resized, the anchor moves there and the transform is silently reset to
 * the identity, so the next gesture continues from what is on screen.
 * Mid-gesture the parent may keep the view outside React (liveView.ts)
 * rather than hand it back: `displayView` is then the view from before the
 * gesture, and a view in the live channel that this plot did not emit (a
 * side-by-side panel's gesture, Reset view) moves the anchor the same way.
 *
 * Click versus pan: once the pointer has travelled more than `clickDistance`
 * (4 px) between press and release, d3-zoom swallows the click that follows.
 * So a press-and-release within 4 px is a click (the parent sets the start
 * there), anything longer is a pan only. d3-zoom pans on every mouse move,
 * so a click's wobble of a pixel or two would also move the view (and put a
 * view in the link): a mouse drag moves nothing until it leaves the click
 * distance, and a click's d3 transform is put back where it was.
 * During a gesture, onPictureDue says when to make the pictures anew for
 * the view; until then they are only moved (see gesturePacing.ts).
 * Double-click zoom is off: two quick clicks set the start twice instead of
 * also zooming. Touch: one finger scrolls the page (the plot is most of a
 * phone's width, and panning it under a swipe kept the reader from reading
 * on), two fingers pan and pinch; a tap arrives as a click.
 *
 * d3-zoom arrives in a chunk of its own (zoomBehavior.ts), asked for when
 * the first plot mounts: until it is there (tens of ms into opening) a
 * click still sets the start, and a zoom button waits for it. The zoom area
 * says data-zoom="ready" once the behaviour is attached.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ZoomBehavior } from 'd3';
import type { ViewBox } from '../core/types';
import { sameView, zoomedView } from './scales';
import { createGesturePacer, type GesturePacer } from './gesturePacing';
import type { LiveView } from './liveView';

export const clickDistance = 4;

/**
 * Which events may start a gesture: d3-zoom's own rule (no ctrl-click, no
 * secondary button) and, on a touch screen, two fingers or more. A touch of
 * one finger is left to the browser, which scrolls the page (`touch-action:
 * pan-y` on the plot lets it scroll, and keeps pinching for the plot).
 */
export function startsGesture(event: { type: string; ctrlKey?: boolean; button?: number; touches?: { length: number } }): boolean {
  if (event.ctrlKey && event.type !== 'wheel') return false;
  if (event.button) return false;
  return event.type !== 'touchstart' || (event.touches?.length ?? 0) > 1;
}

type ZoomModule = typeof import('./zoomBehavior');
let zoomModule: Promise<ZoomModule> | null = null;
/**
 * d3-selection's `select`, from the zoom chunk: it is used only on a zoom
 * behaviour, which exists once the chunk has loaded, so the first picture's
 * JavaScript does without d3-selection (~4 KB gzipped).
 */
let select: ZoomModule['select'] = () => {
  throw new Error('d3-zoom is not loaded yet');
};
/** The d3-zoom chunk, fetched once; a failed fetch is retried by the next plot that mounts. */
function loadZoom(): Promise<ZoomModule> {
  zoomModule ??= import('./zoomBehavior').then((module) => {
    select = module.select;
    return module;
  }, (error: unknown) => {
    zoomModule = null;
    throw error;
  });
  return zoomModule;
}

export interface PlotZoom {
  /** Zoom by a factor about the centre (buttons, keyboard): one step, not a gesture. */
  zoomBy(factor: number): void;
}

/**
 * Every view a zoom or pan emits; `gesture` is true for the steps of a wheel,
 * drag or pinch (d3-zoom's 'end' follows, see onGestureEnd), false for a
 * button's single step, which is already where it ends.
 */
export type ViewChange = (view: ViewBox, gesture: boolean) => void;

/** Options of usePlotZoom beyond the view and size. */
export interface PlotZoomHandlers {
  onViewChange?: ViewChange;
  /** Mid-gesture: time to make the pictures for this view, the grid and, when `paths`, the paths (gesturePacing.ts). */
  onPictureDue?: (view: ViewBox, paths: boolean) => void;
  /** d3-zoom's 'end' (150 ms after a wheel's last notch, or the pointer released), or the plot taken away mid-gesture. */
  onGestureEnd?: () => void;
  /** Where the parent keeps a gesture's view, if it does not hand it back as `displayView` (liveView.ts). */
  live?: LiveView;
}

export function usePlotZoom(
  ref: RefObject<SVGGElement | null>,
  displayView: ViewBox,
  width: number,
  height: number,
  handlers: PlotZoomHandlers = {},
): PlotZoom {
  const { onViewChange, onPictureDue, onGestureEnd, live } = handlers;
  const state = useRef<ZoomState>({
    anchor: displayView, emitted: null, width, height, silent: false, gestures: 0, stepping: false, press: null,
    emitting: false, onViewChange, onPictureDue, onGestureEnd, pacer: null,
  });
  const behavior = useRef<ZoomBehavior<SVGGElement, unknown> | null>(null);
  const identity = useRef<ZoomModule['zoomIdentity'] | null>(null);

  useLayoutEffect(() => {
    state.current.onViewChange = onViewChange;
    state.current.onPictureDue = onPictureDue;
    state.current.onGestureEnd = onGestureEnd;
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let detach: (() => void) | null = null;
    let gone = false;
    loadZoom().then(({ zoom, zoomIdentity }) => {
      if (gone) return;
      identity.current = zoomIdentity;
      detach = attachZoom(element, zoom, zoomIdentity, state.current, behavior);
    }, () => {
      // Without the chunk (offline after opening) the plot still shows and takes clicks; the buttons do nothing.
    });
    return () => {
      gone = true;
      detach?.();
    };
  }, [ref]);

  /** Anchor the zoom at `view`, shown now; a view set from elsewhere mid-gesture has its pictures due now (`jump`). */
  const anchorAt = useCallback((view: ViewBox, jump: boolean) => {
    const s = state.current;
    s.anchor = view;
    s.emitted = view;
    if (jump && s.gestures > 0) s.pacer?.jumped(view);
    const element = ref.current;
    const zoomBehavior = behavior.current;
    // Not attached yet: a behaviour attached later starts at the identity anyway.
    if (!element || !zoomBehavior || !identity.current) return;
    s.silent = true;
    try {
      select(element).call(zoomBehavior.transform, identity.current);
    } finally {
      s.silent = false;
    }
  }, [ref]);

  useLayoutEffect(() => {
    const s = state.current;
    const resized = s.width !== width || s.height !== height;
    s.width = width;
    s.height = height;
    if (resized) anchorAt(live?.get()?.view ?? displayView, false);
    else if (!sameView(displayView, s.emitted, 1e-6)) anchorAt(displayView, true);
  }, [displayView, width, height, live, anchorAt]);

  // A gesture's view this plot did not emit: a side-by-side panel's, or one set mid-gesture (Reset view).
  // An emptied channel says nothing: the view handed in is then what is shown (above).
  useEffect(() => live?.subscribe(() => {
    const s = state.current;
    const shown = live.get()?.view;
    if (shown && !s.emitting && !sameView(shown, s.emitted, 1e-6)) anchorAt(shown, true);
  }), [live, anchorAt]);

  const zoomBy = useCallback((factor: number) => {
    const apply = () => {
      const element = ref.current;
      if (!element || !behavior.current) return;
      // d3 emits start, zoom and end at once: a step, so no coarse gesture grid is asked for it.
      state.current.stepping = true;
      try {
        select(element).call(behavior.current.scaleBy, factor, [state.current.width / 2, state.current.height / 2]);
      } finally {
        state.current.stepping = false;
      }
    };
    if (behavior.current) apply();
    else loadZoom().then(apply, () => {});
  }, [ref]);

  return { zoomBy };
}

interface ZoomState {
  anchor: ViewBox;
  emitted: ViewBox | null;
  width: number;
  height: number;
  silent: boolean;
  /**
   * d3 gestures under way (between their 'start' and 'end'): a drag begun within a wheel's
   * last 150 ms overlaps it, and the app's gesture ends with the last.
   */
  gestures: number;
  /** Inside zoomBy: the views emitted are a button's step. */
  stepping: boolean;
  /** A mouse press that has not left the click distance yet: its moves pan nothing. */
  press: { x: number; y: number } | null;
  /** Inside onViewChange: what the parent does with this plot's own view is no news to it. */
  emitting: boolean;
  onViewChange?: ViewChange;
  onPictureDue?: (view: ViewBox, paths: boolean) => void;
  onGestureEnd?: () => void;
  pacer: GesturePacer | null;
}

/** Attach d3-zoom to the zoom area, emitting views seen from `s.anchor`; returns how to take it off. */
function attachZoom(
  element: SVGGElement,
  zoom: ZoomModule['zoom'],
  zoomIdentity: ZoomModule['zoomIdentity'],
  s: ZoomState,
  behavior: { current: ZoomBehavior<SVGGElement, unknown> | null },
): () => void {
  // A drag under way when the behaviour is taken off goes on: d3-zoom listens on the window for it.
  let detached = false;
  const pacer = createGesturePacer((view, paths) => {
    if (!detached && s.gestures > 0) s.onPictureDue?.(view, paths);
  });
  s.pacer = pacer;
  const zoomBehavior = zoom<SVGGElement, unknown>()
    .scaleExtent([1e-4, 1e6])
    // The plotting area, not the whole SVG (d3's default), is what scaleBy centres on.
    .extent(() => [[0, 0], [s.width, s.height]])
    .clickDistance(clickDistance)
    .filter(startsGesture)
    .on('zoom', (event: { transform: { k: number; x: number; y: number }; sourceEvent?: Event | null }) => {
      if (s.silent || detached) return;
      if (s.press && withinClick(s.press, event.sourceEvent)) return;
      s.press = null;
      const view = zoomedView(s.anchor, event.transform, s.width, s.height);
      if (!isUsable(view)) return;
      s.emitted = view;
      const gesture = s.gestures > 0;
      s.emitting = true;
      try {
        s.onViewChange?.(view, gesture);
      } finally {
        s.emitting = false;
      }
      if (gesture) pacer.moved(view);
    })
    // d3-zoom ends a wheel gesture 150 ms after its last notch, a drag on release.
    .on('start', (event: { sourceEvent?: Event | null }) => {
      if (s.silent || detached || s.stepping) return;
      s.gestures++;
      const source = event.sourceEvent;
      // Only a mouse press alone: within another gesture (a wheel's last 150 ms) its moves pan at once.
      s.press = source instanceof MouseEvent && source.type === 'mousedown' && s.gestures === 1 ? { x: source.clientX, y: source.clientY } : null;
    })
    .on('end', () => {
      if (s.silent || detached || s.stepping || s.gestures === 0) return;
      if (s.press) {
        // A click: d3-zoom's transform moved with the wobble, the view did not. Put it back.
        s.press = null;
        if (s.emitted) s.anchor = s.emitted;
        s.silent = true;
        try {
          select(element).call(zoomBehavior.transform, zoomIdentity);
        } finally {
          s.silent = false;
        }
      }
      if (--s.gestures > 0) return;
      pacer.end();
      s.onGestureEnd?.();
    });
  const selection = select(element).call(zoomBehavior).on('dblclick.zoom', null)
    // At the scale extent's edge d3-zoom lets a new wheel gesture through, and the page
    // scrolled away under the pointer. A wheel over the plot is always the plot's.
    .on('wheel.page', (event: WheelEvent) => event.preventDefault(), { passive: false });
  behavior.current = zoomBehavior;
  element.dataset.zoom = 'ready';
  return () => {
    detached = true;
    selection.on('.zoom', null).on('.page', null);
    behavior.current = null;
    delete element.dataset.zoom;
    pacer.end();
    if (s.pacer === pacer) s.pacer = null;
    // Taken off mid-gesture (the plot replaced by the side-by-side panels): that gesture is over.
    if (s.gestures > 0) {
      s.gestures = 0;
      s.onGestureEnd?.();
    }
  };
}

/**
 * A wheel over HTML laid on the plot (the start handle, the zoom buttons)
 * zooms the plot as it would a pixel beside it: d3-zoom listens on the SVG's
 * zoom area, which such events never reach, and the page scrolled instead
 * (a long zoom-out that slid the start under the pointer jumped the page
 * mid-gesture). The event is sent on to the zoom area at the same place.
 */
export function useWheelForwarding(from: ReadonlyArray<RefObject<HTMLElement | null>>, to: RefObject<SVGGElement | null>): void {
  useEffect(() => {
    const forward = (event: WheelEvent) => {
      const area = to.current;
      if (!area) return;
      event.preventDefault();
      area.dispatchEvent(new WheelEvent('wheel', {
        deltaX: event.deltaX, deltaY: event.deltaY, deltaZ: event.deltaZ, deltaMode: event.deltaMode,
        clientX: event.clientX, clientY: event.clientY, screenX: event.screenX, screenY: event.screenY,
        ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey,
        bubbles: true, cancelable: true,
      }));
    };
    const elements = from.map((ref) => ref.current).filter((element): element is HTMLElement => element !== null);
    for (const element of elements) element.addEventListener('wheel', forward, { passive: false });
    return () => {
      for (const element of elements) element.removeEventListener('wheel', forward);
    };
    // Refs whose elements mount with the plot: attached once, again if the list changes.
  }, [from.length]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** Spans must stay positive and finite: a transform at the scale extent's edge can round to nonsense. */
function isUsable(view: ViewBox): boolean {
  const w = view.x[1] - view.x[0];
  const h = view.y[1] - view.y[0];
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 &&
    [...view.x, ...view.y].every((v) => Number.isFinite(v));
}

/** Whether a mouse move is still within the click distance of its press (d3-zoom's own test: squared, strictly more). */
function withinClick(press: { x: number; y: number }, source: Event | null | undefined): boolean {
  if (!(source instanceof MouseEvent) || source.type !== 'mousemove') return false;
  const dx = source.clientX - press.x;
  const dy = source.clientY - press.y;
  return dx * dx + dy * dy <= clickDistance * clickDistance;
}
