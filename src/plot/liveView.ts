/**
 * The view a zoom or pan gesture shows, kept outside React's state.
 *
 * A gesture moves the view in every frame. Setting it in the app's store made
 * each step a render of the whole plot column (the panel, the plot, its
 * legend, every store selector of the page) and a commit of all of it: ~3 ms
 * of the page's thread in a frame that also holds the axes' layout and the
 * compositor's work, on two cores. Instead the plot's handlers put the
 * gesture's view here, and only what moves with it subscribes: the axes, the
 * critical-point markers, the start handle, and the transforms of the bands,
 * the paths and the inspector's layer. The store gets the view when the
 * gesture ends (PlotPanel), and so does the link.
 *
 * Outside a gesture the state is null and every layer shows the view it is
 * given (the store's). A view set in the store mid-gesture (a link, another
 * surface) also empties it: the plot then shows that one. Reset view, whose
 * view the store may already hold (the gesture began there), puts it here
 * instead, and the zoom anchors at it (usePlotZoom).
 */
import { useSyncExternalStore } from 'react';
import type { ViewBox } from '../core/types';
import { sameView } from './scales';

/** A gesture's view now, and the last view its paths were made anew for (gesturePacing.ts), if any. */
export interface LiveState {
  readonly view: ViewBox;
  readonly pathsMade: ViewBox | null;
}

export interface LiveView {
  /** The gesture's state, or null when the plot shows the view it is given. */
  get(): LiveState | null;
  set(state: LiveState | null): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveView(): LiveView {
  let state: LiveState | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const noSubscription = () => () => {};
const noState = () => null;

/** The live state of `live` (null without one); the component re-renders when it changes. */
export function useLiveState(live: LiveView | undefined): LiveState | null {
  return useSyncExternalStore(live ? live.subscribe : noSubscription, live ? live.get : noState);
}

/** The view to draw: the gesture's while one runs, otherwise `view`. */
export function useDisplayView(live: LiveView | undefined, view: ViewBox): ViewBox {
  return useLiveState(live)?.view ?? view;
}

/** Whether the paths are only moved for now: mid-gesture, until they are made for the view on screen. */
export function pathsHeld(state: LiveState | null): boolean {
  return state !== null && !(state.pathsMade && sameView(state.pathsMade, state.view));
}
