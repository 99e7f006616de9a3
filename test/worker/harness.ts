/** Test doubles for the worker layer: a manual scheduler, a recording `post`, a fake Worker. */
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { WorkerLike } from '../../src/worker/client';

/** Tasks run only when the test says so, so a test decides where slices end. */
export function createManualScheduler() {
  const tasks: Array<() => void> = [];
  return {
    schedule: (task: () => void) => void tasks.push(task),
    get pending() {
      return tasks.length;
    },
    /** Run the task that is due; false when none is. */
    step(): boolean {
      const task = tasks.shift();
      task?.();
      return task !== undefined;
    },
    /** Run tasks until none is left; returns how many ran. */
    drain(limit = 100_000): number {
      let count = 0;
      while (this.step()) {
        if (++count > limit) throw new Error('the dispatcher never went idle');
      }
      return count;
    },
  };
}

export interface Posted {
  message: FromWorker;
  transfer: Transferable[];
}

/**
 * A `post` that records every message with its transfer list. A 'batch' (one
 * time slice's messages) is recorded as the messages it holds, each with its
 * share of the batch's transfer list, so tests read the stream in order;
 * `batches` keeps the batches themselves.
 */
export function createRecorder() {
  const posted: Posted[] = [];
  const batches: Posted[] = [];
  return {
    posted,
    batches,
    post: (message: FromWorker, transfer: Transferable[] = []) => {
      if (message.type !== 'batch') {
        posted.push({ message, transfer });
        return;
      }
      batches.push({ message, transfer });
      for (const inner of message.messages) {
        const own = inner.type === 'chunk' ? [inner.points.buffer] : inner.type === 'done' && inner.explain
          ? [inner.explain.gradients, inner.explain.learningRates, ...Object.values(inner.explain.state)].map((a) => a.buffer)
          : [];
        posted.push({ message: inner, transfer: transfer.filter((buffer) => own.includes(buffer as ArrayBuffer)) });
      }
    },
    messages: () => posted.map((entry) => entry.message),
  };
}

export function chunksOf(messages: FromWorker[], key: string, generation?: number): Float64Array[] {
  return messages.flatMap((m) =>
    m.type === 'chunk' && m.key === key && (generation === undefined || m.generation === generation) ? [m.points] : [],
  );
}

export function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Bit-for-bit equality, NaN and −0 included. */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((byte, i) => byte === y[i]);
}

type Listener = (event: Event) => void;

/** Stands in for a Worker: records what the page posts; the test plays the worker's side. */
export class FakeWorker implements WorkerLike {
  static created: FakeWorker[] = [];
  readonly posted: ToWorker[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor() {
    FakeWorker.created.push(this);
  }

  /** The transfer list of each posted message, by index in `posted`. */
  readonly transfers: Transferable[][] = [];

  postMessage(message: ToWorker, transfer: Transferable[] = []): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    // What a real postMessage does to the data (transferred buffers are detached here).
    this.posted.push(structuredClone(message, { transfer }));
    this.transfers.push(transfer);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Deliver a message from the worker side. */
  reply(message: FromWorker): void {
    this.fire('message', { data: message });
  }

  /** The worker died (an uncaught error or a message that could not be read). */
  crash(type: 'error' | 'messageerror' = 'error'): void {
    this.fire(type, {});
  }

  private fire(type: string, fields: object): void {
    const event = { type, preventDefault() {}, ...fields } as unknown as Event;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
