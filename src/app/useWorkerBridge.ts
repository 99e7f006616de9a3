/**
 * Connects the store to the worker: every change of what is computed starts
 * new runs, every change of surface or view asks for a new contour grid.
 * The returned grid is the only streamed thing React renders (it changes
 * once per surface or view, not per chunk).
 */
import { useEffect, useRef, useState } from 'react';
import type { SurfaceSpec, ViewBox } from '../core/types';
import { createWorkerClient, workerMessages, type GridResult, type WorkerClient } from '../worker/client';
import { appStore } from '../state/store';
import { trajectories } from '../state/trajectories';
import { selectSimulationConfigs } from '../state/selectors';
import { noteGrid } from '../plot/latency';

export interface GridRequest {
  view: ViewBox;
  nx: number;
  ny: number;
}

/** The client's own sentences stand as they are; a raw error from the computation gets said what it means. */
function forUser(message: string): string {
  if (Object.values(workerMessages).includes(message as never)) return message;
  return `A computation failed (${message.replace(/\.$/, '')}). The other runs carry on; changing a setting tries again.`;
}

export function useWorkerBridge(surface: SurfaceSpec, gridRequest: GridRequest | null) {
  const [grid, setGrid] = useState<GridResult | null>(null);
  const clientRef = useRef<WorkerClient | null>(null);

  useEffect(() => {
    const client = createWorkerClient({
      trajectories,
      onGrid: (next) => {
        noteGrid();
        setGrid(next);
      },
      onError: (message) => appStore.getState().addNotices([forUser(message)]),
    });
    clientRef.current = client;
    // Expose the client for the browser tests that kill the worker; it holds no user data.
    (window as unknown as { __optiscope?: object }).__optiscope = { client, trajectories, store: appStore };
    let last = selectSimulationConfigs(appStore.getState().scene);
    client.run(last);
    const unsubscribe = appStore.subscribe((state) => {
      // selectSimulationConfigs returns the same array while nothing computed changed (view, labels, hiding).
      const next = selectSimulationConfigs(state.scene);
      if (next !== last) {
        last = next;
        client.run(next);
      }
    });
    return () => {
      unsubscribe();
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  const key = gridRequest && JSON.stringify([surface, gridRequest]);
  useEffect(() => {
    if (!gridRequest || !clientRef.current) return;
    clientRef.current.requestGrid(surface, gridRequest.view, gridRequest.nx, gridRequest.ny);
    // `key` captures every input of the request, so a re-render with equal values asks nothing.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  return grid;
}
