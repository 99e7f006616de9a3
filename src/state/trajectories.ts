/**
 * Streamed run data, outside React. The worker client appends chunks here;
 * canvas painters read the buffers through `subscribe` so a new chunk never
 * re-renders a component (zustand's "transient updates" idea, by hand: this is
 * a hot path that wants typed arrays, not immutable copies).
 */
import type { StopStatus } from '../core/types';

export interface Trajectory {
  /** x, y, f interleaved; only the first `count` points are valid. */
  points: Float64Array;
  /** Number of valid points (the start counts as one). */
  count: number;
  status: StopStatus;
  stoppedAt: number;
  message: string;
}

type Listener = () => void;

const initialCapacity = 256;
/** Points preallocated per run at most (the step budget's maximum + 1); beyond it, buffers grow. */
const maxPreallocated = 100_001;

function grow(buffer: Float64Array, needed: number): Float64Array {
  if (needed <= buffer.length) return buffer;
  let size = buffer.length || initialCapacity * 3;
  while (size < needed) size *= 2;
  const next = new Float64Array(size);
  next.set(buffer);
  return next;
}

/**
 * A buffer of `size` numbers for a run's new generation: the memory of its
 * previous buffer when that fits (a new view, so painters' caches, keyed by
 * the view, start over), else new memory. Asking for 8 × 2.4 MB on every
 * step-budget change left as much garbage, and the major GCs it caused ran
 * inside animation frames (50 ms tasks while the new runs streamed).
 */
function reuse(previous: Float64Array | undefined, size: number): Float64Array {
  const old = previous?.buffer;
  if (size > 0 && old instanceof ArrayBuffer && previous!.byteOffset === 0 && old.byteLength >= 8 * size && old.byteLength <= 16 * size) {
    return new Float64Array(old, 0, size);
  }
  return new Float64Array(size);
}

export function createTrajectoryStore() {
  let runs = new Map<string, Trajectory>();
  let version = 0;
  const listeners = new Set<Listener>();

  /** When the current generation started, and whether any of its data has come yet. */
  let resetAt = -Infinity;
  let awaiting = false;
  /** Inside batch(): how deep, and whether anything changed. */
  let batchDepth = 0;
  let changedInBatch = false;

  const emit = () => {
    version++;
    if (batchDepth > 0) {
      changedInBatch = true;
      return;
    }
    for (const listener of listeners) listener();
  };

  return {
    /**
     * Start a new generation of requests: every run in `keys`, empty, except
     * those in `keep`, which stay as they are (a finished run whose request did
     * not change). `capacities` (points per run, when known: the step budget
     * + 1) sizes each new buffer up front: growing by doubling copied ~2×
     * every point and touched ~3× the memory, the main cost of streaming
     * 8 × 100,000 steps (60 ms tasks).
     */
    reset(keys: string[], capacities?: readonly number[], keep?: ReadonlySet<string>) {
      const next = new Map<string, Trajectory>();
      let fresh = 0;
      keys.forEach((key, k) => {
        const kept = keep?.has(key) ? runs.get(key) : undefined;
        if (kept) {
          next.set(key, kept);
          return;
        }
        const capacity = capacities?.[k];
        const size = capacity !== undefined && Number.isInteger(capacity) && capacity > 0 ? 3 * Math.min(capacity, maxPreallocated) : 0;
        next.set(key, { points: reuse(runs.get(key)?.points, size), count: 0, status: 'running', stoppedAt: 0, message: '' });
        fresh++;
      });
      runs = next;
      resetAt = performance.now();
      awaiting = fresh > 0;
      emit();
    },
    /** Append iterates (3 numbers each) to a run. */
    append(key: string, chunk: Float64Array) {
      const run = runs.get(key);
      if (!run || chunk.length === 0) return;
      run.points = grow(run.points, (run.count * 3) + chunk.length);
      run.points.set(chunk, run.count * 3);
      run.count += chunk.length / 3;
      awaiting = false;
      emit();
    },
    finish(key: string, status: StopStatus, stoppedAt: number, message: string) {
      const run = runs.get(key);
      if (!run) return;
      run.status = status;
      run.stoppedAt = stoppedAt;
      run.message = message;
      // A run that stopped early (converged, diverged) gives back the room it did not use.
      if (run.points.length > 2 * 3 * Math.max(run.count, initialCapacity)) run.points = run.points.slice(0, 3 * run.count);
      awaiting = false;
      emit();
    },
    get(key: string): Trajectory | undefined {
      return runs.get(key);
    },
    keys(): string[] {
      return [...runs.keys()];
    },
    /**
     * How long ago (ms) a new generation started with nothing of it received
     * yet; null once data has come. Painters keep the previous picture for a
     * moment rather than flash an empty plot between a slider step and its paths.
     */
    waitingFor(): number | null {
      return awaiting ? performance.now() - resetAt : null;
    },
    /** Every run of the current generation has stopped (vacuously true with no runs). */
    complete(): boolean {
      for (const run of runs.values()) if (run.status === 'running') return false;
      return true;
    },
    /** Run `update`; listeners hear of all its changes once, at the end. */
    batch(update: () => void) {
      batchDepth++;
      try {
        update();
      } finally {
        batchDepth--;
        if (batchDepth === 0 && changedInBatch) {
          changedInBatch = false;
          version--;
          emit();
        }
      }
    },
    /** Increases on every change; lets painters skip frames where nothing moved. */
    version: () => version,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type TrajectoryStore = ReturnType<typeof createTrajectoryStore>;

/** The page's one trajectory store. */
export const trajectories = createTrajectoryStore();
