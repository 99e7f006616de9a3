/**
 * While the inspector is open: start its worker, and ask it for the
 * inspected step of every run whenever the step or the runs change. Requests
 * are coalesced to one per animation frame (a dragged timeline changes the
 * step many times a frame); the worker and the client then let the newest
 * request win. Answers go to the inspector store.
 */
import { useEffect } from 'react';
import { appStore, type AppStore } from '../state/store';
import { selectSimulationConfigs, type RunSimulation } from '../state/selectors';
import { createInspectionClient, type InspectionClient } from '../worker/inspectionClient';
import type { WorkerLike } from '../worker/client';
import { inspectedStep, useInspector } from './inspectorStore';

export interface InspectionRequestOptions {
  store?: AppStore;
  createWorker?: () => WorkerLike;
}

export function useInspectionRequests(options: InspectionRequestOptions = {}): void {
  const { store = appStore, createWorker } = options;
  useEffect(() => {
    const client: InspectionClient = createInspectionClient({
      createWorker,
      onAnswer: (answer) => useInspector.getState().setAnswer(answer),
      onError: (message) => useInspector.getState().setError(message),
    });
    let sent: { step: number; configs: RunSimulation[] } | null = null;
    let frame = 0;

    const flush = () => {
      frame = 0;
      const state = store.getState();
      const step = inspectedStep(state.playback, state.scene.steps);
      const configs = selectSimulationConfigs(state.scene);
      if (step === null || (sent && sent.step === step && sent.configs === configs)) return;
      sent = { step, configs };
      client.inspect(step, configs);
    };
    const schedule = () => {
      if (frame === 0) frame = requestFrame(flush);
    };
    const unsubscribe = store.subscribe(schedule);
    flush();
    return () => {
      unsubscribe();
      if (frame !== 0) cancelFrame(frame);
      client.dispose();
    };
  }, [store, createWorker]);
}

// Outside a browser (tests under Node) a timer stands in for the frame.
const requestFrame = (task: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(task) : (setTimeout(task, 0) as unknown as number);
const cancelFrame = (id: number) =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id);
