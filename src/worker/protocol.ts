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
import type { CriticalPoint, SimulationConfig, StepRecord, StopStatus, SurfaceSpec, Vec2, ViewBox } from '../core/types';
import type { ContourSet } from '../plot/contours';
import type { ThresholdChoice } from '../plot/thresholds';

/**
 * How the worker should paint a grid's bands (worker/bandPicture.ts): the
 * plotting area's size in CSS pixels, device pixels per CSS pixel, and the
 * bands' colour ramp (plot/bandRamp.ts, 256 × RGB bytes).
 */
export interface PictureRequest {
  width: number;
  height: number;
  ratio: number;
  ramp: Uint8Array;
}

/** A grid's bands painted by the worker for the grid's own view, at the size asked. */
export interface BandPicture {
  /** round(width × ratio) × round(height × ratio) device pixels. Transferred. */
  bitmap: ImageBitmap;
  width: number;
  height: number;
  ratio: number;
}

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
      /** Contour levels to draw (default 20). */
      levelCount?: number;
      /**
       * Samples per side of a coarse grid to answer first (about a ninth of
       * the work), so a page with nothing drawn yet shows contours sooner; the
       * full grid follows as a second reply unless a newer request came.
       */
      preview?: { nx: number; ny: number };
      /**
       * Paint the full grid's bands too, as a picture of this size: the page
       * then only shows pixels. Ignored where the worker has no
       * OffscreenCanvas, and for the preview: the page paints paths then.
       */
      picture?: PictureRequest;
      /**
       * Contour with these levels rather than choosing them: a zoom or pan
       * gesture's grids keep the levels of the grid it started on
       * (plot/thresholds.ts keepThresholds).
       */
      thresholds?: ThresholdChoice;
    }
  /** Stop every run of this generation or older. */
  | { type: 'cancel'; generation: number }
  /**
   * Stop the grid asked with an older generation, and send nothing for it:
   * the page shows a grid it kept (app/gridCache.ts) instead.
   */
  | { type: 'dropGrid'; generation: number }
  /**
   * Explain step `step` of these runs (the step inspector). Inspections keep
   * their own generation: a newer one supersedes an older one still being
   * computed, and neither runs nor grids are cancelled by it.
   */
  | { type: 'inspect'; generation: number; step: number; runs: RunRequest[] }
  /**
   * Chunk buffers the page has copied, given back (transferred) for later
   * chunks: see worker/chunkPool.ts. No generation: any run may use them.
   */
  | { type: 'recycle'; buffers: ArrayBuffer[] }
  /**
   * Shared memory for the runs' replies (worker/mailbox.ts), sent once by a
   * cross-origin isolated page right after it creates the worker. The
   * worker entry takes it; the dispatcher never sees it.
   */
  | { type: 'mailbox'; buffer: SharedArrayBuffer };

/**
 * One run at one step, for the step inspector. Step t moves the point from
 * x_{t−1} (`from`) to x_t (`to`); every number is the one the run used
 * (core `simulate` with `explain`), bit for bit.
 */
export interface StepInspection {
  key: string;
  /** The step explained (0 = the start, before any step). */
  step: number;
  /**
   * 'step': the run took step t. 'start': t = 0, only `from` is set.
   * 'stopped': the run has no step t; `status`, `stoppedAt` and `message` say
   * why, `from` is the last point it reached (null when its start was not finite).
   * 'error': the run could not be simulated; `message` says why.
   */
  kind: 'step' | 'start' | 'stopped' | 'error';
  /** x_{t−1}, y_{t−1}, f(x_{t−1}): where the step starts. */
  from: [number, number, number] | null;
  /** x_t, y_t, f(x_t): where it lands. */
  to: [number, number, number] | null;
  /** to − from: the step actually taken. */
  delta: Vec2 | null;
  /** The gradient the optimizer used (of −f when maximizing; of the mini-batch on data surfaces). */
  gradient: Vec2 | null;
  /** η at this step, after the schedule. */
  learningRate: number | null;
  /** The optimizer's state vectors by core name (velocity, m, s, mHat …) before and after the step. */
  before: Record<string, Vec2>;
  after: Record<string, Vec2>;
  /** How the run ends (or 'running'): it may stop at or before this step. */
  status: StopStatus;
  stoppedAt: number;
  message: string;
}

export type FromWorker =
  | {
      type: 'chunk';
      generation: number;
      key: string;
      /**
       * New iterates, x, y, f interleaved (3 numbers each). The first chunk of
       * a run starts with its start point. Posted: a view at the start of its
       * buffer, which may be longer; the buffer is transferred, and the page
       * gives it back once copied (a 'recycle' request). Mailed (mailbox.ts):
       * a view of shared memory the worker writes again once the page has
       * read it, so it must be copied before the handler returns, never kept.
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
      /** Levels and filled bands of `values`, ready to draw: contouring stays off the page's thread. */
      contours: ContourSet;
      /** False for the coarse preview of a request that asked for one; the full grid follows. */
      final: boolean;
      /** The bands painted, when the request asked for a picture and the worker could paint one. */
      picture?: BandPicture;
    }
  | {
      /**
       * Everything one time slice produced (chunks, ends, run errors), in
       * order, as one message: the page handles a slice in one task and
       * repaints once, instead of once per run. Transfers every chunk.
       */
      type: 'batch';
      generation: number;
      messages: Array<Extract<FromWorker, { type: 'chunk' | 'done' | 'error' }>>;
    }
  | {
      /** The answer to an 'inspect' request, one entry per run asked, in order. */
      type: 'inspection';
      generation: number;
      step: number;
      runs: StepInspection[];
    }
  | {
      type: 'error';
      generation: number;
      /** Which kind of request failed, since runs, grids and inspections keep separate generations. */
      scope: 'run' | 'grid' | 'inspect';
      /** The run that failed, when one run failed and the others carry on. */
      key?: string;
      message: string;
    };

/** Posted by the worker entry, not the dispatcher: run reply number `seq` is in the shared mailbox (worker/mailbox.ts). */
export interface MailedNotice {
  type: 'mailed';
  seq: number;
}

/** Poster the dispatcher writes through: `self.postMessage` in the worker, a spy in tests. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;
