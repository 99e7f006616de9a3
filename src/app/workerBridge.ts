/**
 * Connects the store to the computation worker: every change of what is
 * computed starts new runs, every change of surface, view or plot size asks
 * for a new contour grid. Started from main.tsx before React renders, so the
 * worker script loads and the first runs compute while the page is built.
 * The grid (values, contours, critical points) is the only worker reply
 * React renders; it changes once per surface or view, not per chunk.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import type { SurfaceSpec, ViewBox } from '../core/types';
import { createWorkerClient, workerMessages, type GridResult, type WorkerClient } from '../worker/client';
import type { AppStore } from '../state/store';
import { trajectories } from '../state/trajectories';
import { selectSimulationConfigs, selectSurfaceSpec, selectView } from '../state/selectors';
import { noteGrid } from '../plot/latency';
import { bandRamp } from '../plot/colors';
import { screenPixelRatio } from '../plot/canvasSize';
import { answersRequest, createGridCache } from './gridCache';
import type { ThresholdChoice } from '../plot/thresholds';

export interface GridRequest {
  view: ViewBox;
  nx: number;
  ny: number;
  /** The plotting area (CSS pixels) and device pixel ratio the worker paints the bands for. */
  picture?: { width: number; height: number; ratio: number };
  /** Keep the full grid, to answer the same request again at once (gridCache.ts). Not for a gesture's coarse grids. */
  keep?: boolean;
  /** Contour with these levels (a gesture's grids keep the levels it started with), rather than choosing them. */
  thresholds?: ThresholdChoice;
}

let client: WorkerClient | null = null;
let grid: GridResult | null = null;
let lastGridKey: string | null = null;
const gridListeners = new Set<() => void>();
const kept = createGridCache();
/** The newest request that asked to be kept, until its full grid comes. */
let pending: { key: string; surface: SurfaceSpec; request: GridRequest } | null = null;
/** The newest request was answered from the cache: the worker's replies to older ones are not drawn. */
let servedKept = false;

/** Put `next` on screen. A replaced grid's picture is closed now, not at the next GC, unless the cache keeps it. */
function showGrid(next: GridResult): void {
  if (grid && grid !== next && grid.picture && grid.picture !== next.picture && !kept.holds(grid)) grid.picture.bitmap.close();
  grid = next;
  for (const listener of gridListeners) listener();
}

/** The client's own sentences stand as they are; a raw error from the computation gets said what it means. */
function forUser(message: string): string {
  if (Object.values(workerMessages).includes(message as never)) return message;
  return `A computation failed (${message.replace(/\.$/, '')}). The other runs carry on; changing a setting tries again.`;
}

/** Create the worker, start the store's runs at once and follow the store. Returns a stop function. */
export function startWorkerBridge(store: AppStore): () => void {
  const started = createWorkerClient({
    trajectories,
    onGrid: (next) => {
      if (servedKept) {
        next.picture?.bitmap.close();
        return;
      }
      noteGrid();
      if (pending && next.final && answersRequest(pending.surface, pending.request, next)) {
        // Grids the cache lets go are closed, but for the one on screen (closed when it is replaced).
        for (const gone of kept.put(pending.key, next)) if (gone !== grid) gone.picture?.bitmap.close();
        pending = null;
      }
      showGrid(next);
    },
    onError: (message) => store.getState().addNotices([forUser(message)]),
  });
  client = started;
  // Exposed for the browser tests that kill the worker; it holds no user data.
  (window as unknown as { __optiscope?: object }).__optiscope = { client: started, trajectories, store };
  const { scene } = store.getState();
  let last = selectSimulationConfigs(scene);
  started.run(last);
  // Contours for the linked view before React has built the page: the plot's
  // size is not known yet, so a typical one (its coarse preview comes first,
  // and bands are drawn in grid units, so any size fits). The plot asks for
  // its exact size once measured, and the worker drops this grid for that one.
  try {
    const { nx, ny, width, height } = typicalPlot;
    requestGrid(selectSurfaceSpec(scene.surface), { view: selectView(scene), nx, ny, picture: { width, height, ratio: screenPixelRatio() }, keep: true });
  } catch {
    // Only a head start: the plot asks again, and reports what goes wrong, once it renders.
  }
  const unsubscribe = store.subscribe((state) => {
    // selectSimulationConfigs returns the same array while nothing computed changed (view, labels, hiding).
    const next = selectSimulationConfigs(state.scene);
    if (next !== last) {
      last = next;
      started.run(next);
    }
  });
  return () => {
    unsubscribe();
    started.dispose();
    if (client === started) client = null;
    lastGridKey = null;
    pending = null;
    servedKept = false;
  };
}

/** Whether `result` is kept to be shown again (gridCache.ts): its picture must not be used up. */
export function gridKept(result: GridResult): boolean {
  return kept.holds(result);
}

/** Ask for the surface sampled over `request`; an identical request to the last one asks nothing. */
export function requestGrid(surface: SurfaceSpec, request: GridRequest): void {
  const key = JSON.stringify([surface, request]);
  if (!client || key === lastGridKey) return;
  lastGridKey = key;
  const hit = request.keep ? kept.get(key) : null;
  servedKept = hit !== null;
  pending = !hit && request.keep ? { key, surface, request } : null;
  if (hit) {
    // The worker may still be computing a grid this one replaces (the last step of a zoom): it stops.
    client.dropGrid();
    noteGrid();
    showGrid(hit);
    return;
  }
  // With nothing of this surface on screen (opening, a new surface), a coarse
  // grid first: a ninth of the work, so contours appear sooner. A zoom keeps
  // showing the old grid, stretched, so it waits for the full one instead.
  const blank = !grid || JSON.stringify(grid.surface) !== JSON.stringify(surface);
  const preview = blank ? { nx: previewSide(request.nx), ny: previewSide(request.ny) } : undefined;
  const picture = request.picture && { ...request.picture, ramp: bandRamp() };
  client.requestGrid(surface, request.view, request.nx, request.ny, preview, picture, request.thresholds);
}

/**
 * The grid and picture the plot asks for in a 1280 × 800 window (a 743 × 567
 * px plotting area, read in the browser, at PlotPanel's 0.35 samples per
 * pixel): at that size the plot's own request is this one and asks nothing
 * more. (It was 245 × 172, from an older layout: every such open computed a
 * second full grid.)
 */
const typicalPlot = { nx: 260, ny: 198, width: 743, height: 567 };

/** A third of the samples a side, at least 16 (the grid must still show the surface's shape). */
function previewSide(n: number): number {
  return Math.min(n, Math.max(16, Math.round(n / 3)));
}

function subscribeGrid(listener: () => void): () => void {
  gridListeners.add(listener);
  return () => gridListeners.delete(listener);
}

const currentGrid = () => grid;

/**
 * The latest grid, asking for `request` on `surface` first. The request is
 * sent in a layout effect, before the browser paints, so the worker starts
 * sampling while the first frame is still being drawn.
 */
export function useGrid(surface: SurfaceSpec, request: GridRequest | null): GridResult | null {
  const key = request && JSON.stringify([surface, request]);
  useLayoutEffect(() => {
    if (request) requestGrid(surface, request);
    // `key` captures every input of the request, so a re-render with equal values asks nothing.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return useSyncExternalStore(subscribeGrid, currentGrid);
}
