/**
 * Messages between the page and the computation worker. Hand-written unions
 * with one `type` field each, so both ends narrow with a plain `switch`.
 *
 * Every request carries a `generation` (TensorFlow Playground's run id): a
 * request with a higher generation supersedes older work of the same kind,
 * and the client drops any reply whose generation is not its latest. Runs and
 * grids are separate kinds: a new grid never cancels runs, and vice versa.
 * The client draws both kinds from one counter, so a generation names exactly
 * one request.
 */
import type { CriticalPoint, SimulationConfig, StepRecord, StopStatus, SurfaceSpec, ViewBox } from '../core/types';

/** One trajectory to compute; `key` is the RunSpec key the reply is filed under. */
export interface RunRequest {
  key: string;
  config: SimulationConfig;
}

export type ToWorker =
  | {
      type: 'run';
      generation: number;
      runs: RunRequest[];
      /** Steps per run between checks of the clock and the message queue (default 256). */
      chunkSteps?: number;
    }
  | {
      type: 'grid';
      generation: number;
      surface: SurfaceSpec;
      view: ViewBox;
      /** Samples along x and y (each ≥ 2). */
      nx: number;
      ny: number;
    }
  /** Stop every run of this generation or older. */
  | { type: 'cancel'; generation: number };

export type FromWorker =
  | {
      type: 'chunk';
      generation: number;
      key: string;
      /**
       * New iterates, x, y, f interleaved (3 numbers each). The first chunk of
       * a run starts with its start point. Sent as a transferable.
       */
      points: Float64Array;
    }
  | {
      /** The run stopped; sent after its last chunk. */
      type: 'done';
      generation: number;
      key: string;
      status: StopStatus;
      stoppedAt: number;
      /** One sentence for the user saying why the run stopped. */
      message: string;
      steps: number;
      /** The per-step record (fresh copies, transferred), when the run's config asked for `explain`. */
      explain?: StepRecord;
    }
  | {
      type: 'grid';
      generation: number;
      /** Row-major, values[j * nx + i] = f(x_i, y_j), j = 0 is the bottom row (core `sampleGrid`). Transferred. */
      values: Float64Array;
      nx: number;
      ny: number;
      view: ViewBox;
      /** The surface's critical points that lie inside `view`. */
      criticalPoints: CriticalPoint[];
    }
  | {
      type: 'error';
      generation: number;
      /** Which kind of request failed, since runs and grids keep separate generations. */
      scope: 'run' | 'grid';
      /** The run that failed, when one run failed and the others carry on. */
      key?: string;
      message: string;
    };

/** Poster the dispatcher writes through: `self.postMessage` in the worker, a spy in tests. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;
