/**
 * The step inspector's connection to a worker of its own. A second worker
 * (started when the inspector opens, ended when it closes) keeps the
 * re-simulations and their cache away from the streamed runs: scrubbing never
 * delays a run, and closing the inspector frees the cache at once.
 *
 * Every request gets a new generation; the worker drops superseded work
 * between time slices and the client drops any answer that is not to its
 * latest request, so while a timeline is dragged only the newest step counts.
 */
import type { FromWorker, RunRequest, StepInspection } from './protocol';
import { createDefaultWorker, listenToWorker, workerMessages, type WorkerLike } from './client';

export interface InspectionAnswer {
  step: number;
  runs: StepInspection[];
  /** The request's runs, as passed to `inspect` (callers compare by reference). */
  requested: RunRequest[];
}

export interface InspectionClientOptions {
  createWorker?: () => WorkerLike;
  onAnswer(answer: InspectionAnswer): void;
  /** A sentence for the user. */
  onError(message: string): void;
}

export interface InspectionClient {
  /** Explain step `step` of `runs`; supersedes every earlier request. */
  inspect(step: number, runs: RunRequest[]): void;
  dispose(): void;
}

/** Crashes in a row with no answer in between, after which the client stops restarting. */
const maxRestartsWithoutReply = 3;

export function createInspectionClient(options: InspectionClientOptions): InspectionClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  let worker: WorkerLike | null = null;
  let generation = 0;
  let latest: { generation: number; step: number; runs: RunRequest[]; answered: boolean } | null = null;
  let crashesWithoutReply = 0;
  let disposed = false;

  function spawn(): WorkerLike {
    const created = createWorker();
    listenToWorker(created, () => created === worker, receive, recover);
    return created;
  }

  function send(step: number, runs: RunRequest[]) {
    if (disposed) return;
    generation++;
    latest = { generation, step, runs, answered: false };
    try {
      worker ??= spawn();
      worker.postMessage({ type: 'inspect', generation, step, runs });
    } catch (error) {
      options.onError(error instanceof Error ? error.message : String(error));
    }
  }

  function receive(message: FromWorker) {
    crashesWithoutReply = 0;
    if (!latest || message.generation !== latest.generation) return;
    if (message.type === 'inspection') {
      latest.answered = true;
      options.onAnswer({ step: message.step, runs: message.runs, requested: latest.runs });
    } else if (message.type === 'error' && message.scope === 'inspect') {
      latest.answered = true;
      options.onError(message.message);
    }
  }

  function recover() {
    if (disposed || !worker) return;
    worker.terminate();
    worker = null;
    if (++crashesWithoutReply > maxRestartsWithoutReply) {
      crashesWithoutReply = 0;
      options.onError(workerMessages.gaveUp);
      return;
    }
    if (latest && !latest.answered) send(latest.step, latest.runs);
  }

  return {
    inspect: send,
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
    },
  };
}
