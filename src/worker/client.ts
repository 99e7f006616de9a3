/**
 * The page's side of the worker. It numbers every request, files streamed
 * chunks into the trajectory store, drops replies to superseded requests
 * (TensorFlow Playground's generation token), and replaces a worker that died.
 */
import type { CriticalPoint, StepRecord, SurfaceSpec, ViewBox } from '../core/types';
import type { TrajectoryStore } from '../state/trajectories';
import type { BandPicture, FromWorker, MailedNotice, PictureRequest, RunRequest, ToWorker } from './protocol';
import { createMailbox, holdsMail, isRunReply, takeMail, type Mailbox } from './mailbox';
import type { ContourSet } from '../plot/contours';
import type { ThresholdChoice } from '../plot/thresholds';

/** A sampled surface, ready for contouring. */
export interface GridResult {
  /** The surface that was sampled, as requested. */
  surface: SurfaceSpec;
  view: ViewBox;
  nx: number;
  ny: number;
  /** Row-major, values[j * nx + i], j = 0 is the bottom row. */
  values: Float64Array;
  /** The surface's critical points inside `view`. */
  criticalPoints: CriticalPoint[];
  /** The contour levels and bands of `values`, computed in the worker. */
  contours: ContourSet;
  /** False for a coarse preview; the full grid follows. */
  final: boolean;
  /** The bands painted by the worker, when asked for and it could (else the page paints `contours.bands`). */
  picture?: BandPicture;
}


/** The part of `Worker` the client uses; tests pass a fake with these three methods. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export interface WorkerClientOptions {
  createWorker?: () => WorkerLike;
  trajectories: TrajectoryStore;
  onGrid(grid: GridResult): void;
  /** A sentence for the user. */
  onError(message: string): void;
  /** Receives the per-step record of a finished run whose config set `explain`. */
  onExplain?(key: string, record: StepRecord): void;
  /**
   * Give each worker a shared mailbox for its run replies (worker/mailbox.ts)
   * and look in it in the animation frame after each run request. Default:
   * where the page is cross-origin isolated.
   */
  mailbox?: boolean;
}

export interface WorkerClient {
  /** Start these runs; every earlier run stops and the trajectory store is reset to their keys. */
  run(runs: RunRequest[]): void;
  /**
   * Ask for the surface sampled on an nx × ny grid over `view`, first on the
   * coarser `preview` grid when given; supersedes earlier grid requests only.
   * It goes at once: the worker drops a grid it is computing for the newer
   * one (between two contour bands), and answers to older ones are ignored.
   * With `picture`, the worker paints the bands too (PictureRequest).
   */
  requestGrid(
    surface: SurfaceSpec, view: ViewBox, nx: number, ny: number, preview?: { nx: number; ny: number }, picture?: PictureRequest, thresholds?: ThresholdChoice,
  ): void;
  /**
   * The page answered the newest grid request itself (a kept grid): the
   * worker stops the one it is computing, and nothing more comes for it.
   */
  dropGrid(): void;
  dispose(): void;
  /** How many times a dead worker was replaced. */
  readonly restartCount: number;
  /** How many run replies were read from the shared mailbox (always 0 without one). */
  readonly mailTaken: number;
  /** Test hook: terminate the worker and recover exactly as if it had crashed. */
  kill(): void;
}

export const workerMessages = {
  restarted: 'The computation worker stopped unexpectedly; it was restarted and your runs were recomputed.',
  gaveUp: 'The computation worker keeps failing to start, so nothing can be computed. Reloading the page may help.',
} as const;

/**
 * Run requests whose changed runs sum to at most this many steps are
 * answered in the worker's first slice (dispatcherDefaults.eagerSteps; a
 * test keeps the two equal): the page may wait for that answer, briefly.
 */
export const answeredInOneSlice = 3_000;
/** How long after sending such a request the page's next animation frame may wait for the answer in the mailbox (ms). */
const expressWaitMs = 6;

/** Crashes in a row, with no reply in between, after which the client stops restarting (e.g. the script fails to load). */
const maxRestartsWithoutReply = 3;

/** The computation worker; the step inspector starts a second one of its own (worker/inspectionClient.ts). */
/**
 * Wire a worker's replies and its death (an 'error' or 'messageerror' event)
 * to the client. Events from a worker that has since been replaced
 * (`isCurrent` false) are ignored, so a late reply or error never reaches the new one's state.
 */
export function listenToWorker<Message extends FromWorker | MailedNotice = FromWorker>(
  created: WorkerLike,
  isCurrent: () => boolean,
  onMessage: (message: Message) => void,
  onDeath: () => void,
): void {
  created.addEventListener('message', (event) => {
    const message = (event as MessageEvent<Message>).data;
    if (isCurrent()) onMessage(message);
    // From a worker already replaced: nothing reads it, so a picture it carries is freed.
    else if (message?.type === 'grid') message.picture?.bitmap.close();
  });
  const died = (event: Event) => {
    event.preventDefault?.();
    if (isCurrent()) onDeath();
  };
  created.addEventListener('error', died);
  created.addEventListener('messageerror', died);
}

export function createDefaultWorker(): WorkerLike {
  // Written out literally so vite recognises the pattern and bundles the worker.
  return new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
}

function sameSurfaceAndView(a: { surface: SurfaceSpec; view: ViewBox }, b: { surface: SurfaceSpec; view: ViewBox }): boolean {
  return JSON.stringify([a.surface, a.view]) === JSON.stringify([b.surface, b.view]);
}

let prestarted: WorkerLike | null = null;

/**
 * Create the worker now, for the first client to take. The page calls this
 * before anything else runs (src/worker/prestart.ts, main.tsx's first
 * import). Chromium keeps messages posted to a worker whose script has not
 * run yet on the page's thread, and hands them over only when that thread is
 * free: a worker started as late as the first requests saw them after React's
 * first render, ~150 ms later. Started first, its script has run before the
 * render begins and the requests reach it at once.
 */
export function prestartWorker(): void {
  try {
    prestarted ??= createDefaultWorker();
  } catch {
    // No Worker support or a blocked script: the client meets the same error and says so.
  }
}

function takeWorker(): WorkerLike {
  const early = prestarted;
  prestarted = null;
  return early ?? createDefaultWorker();
}

export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const { trajectories, onGrid, onError } = options;
  const createWorker = options.createWorker ?? takeWorker;

  let worker: WorkerLike | null = null;
  // One counter for both kinds, so an error's generation says which request failed.
  let generation = 0;
  let latestRun: { generation: number; runs: RunRequest[]; unfinished: Set<string> } | null = null;
  let latestGrid: { request: Extract<ToWorker, { type: 'grid' }>; answered: boolean } | null = null;
  /**
   * Generations of the unanswered requests before the latest one that asked
   * for the latest's surface and view (at other sizes); emptied when the
   * surface or view changes or the latest is answered.
   */
  let sameSceneBefore = new Set<number>();
  let restartCount = 0;
  let crashesWithoutReply = 0;
  let disposed = false;
  const useMailbox = options.mailbox ?? (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  /** The current worker's mailbox, and how many of its run replies the page has taken, posted or mailed. */
  let mailbox: Mailbox | null = null;
  let taken = 0;
  /** The animation frame that looks in the mailbox after a run request (0: none pending). */
  let pollFrame = 0;
  let mailTaken = 0;

  function spawn(): WorkerLike {
    const created = createWorker();
    listenToWorker(created, () => created === worker, fromWorker, () => recover(true));
    // A new worker numbers its replies from 1, into a box of its own.
    taken = 0;
    mailbox = useMailbox ? createMailbox(undefined, true) : null;
    try {
      if (mailbox) created.postMessage({ type: 'mailbox', buffer: mailbox.buffer });
    } catch {
      // Shared memory that cannot be sent: every reply is posted, as on a page that is not isolated.
      mailbox = null;
    }
    return created;
  }

  /** Take the run reply in the mailbox if it is the next one due (mailbox.ts: the order). */
  function checkMailbox() {
    if (!mailbox || !holdsMail(mailbox, taken + 1)) return;
    // Counted before it is read: a reply that cannot be read must not hold back every later one.
    taken++;
    mailTaken++;
    takeMail(mailbox, taken, receive);
  }

  function fromWorker(message: FromWorker | MailedNotice) {
    if (message?.type === 'mailed') {
      crashesWithoutReply = 0;
      checkMailbox();
      return;
    }
    // Posted run replies count too: mail is taken only when every reply sent before it was.
    if (isRunReply(message)) taken++;
    receive(message);
  }

  function send(message: ToWorker) {
    if (disposed) return;
    try {
      worker ??= spawn();
      worker.postMessage(message);
    } catch (error) {
      // No Worker support, a blocked script, or data that cannot be cloned.
      onError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Chunk buffers of the batch being read, to give back when it is done (null: not in a batch). */
  let copied: ArrayBufferLike[] | null = null;

  /** Give the worker back buffers the store has copied (transferred: this page can no longer read them). */
  function giveBack(buffers: ArrayBufferLike[]) {
    const own = [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer && buffer.byteLength > 0);
    if (own.length === 0 || !worker || disposed) return;
    try {
      worker.postMessage({ type: 'recycle', buffers: own }, own);
    } catch {
      // Nothing is lost: the worker makes new buffers, and the page's collector frees these.
    }
  }

  function receive(message: FromWorker) {
    crashesWithoutReply = 0;
    switch (message.type) {
      case 'batch': {
        // One slice of the worker, one notification of the store's listeners: one repaint, one React update.
        // A batch holds chunks, ends and errors, never another batch.
        const batchBuffers: ArrayBufferLike[] = [];
        copied = batchBuffers;
        try {
          trajectories.batch(() => {
            for (const inner of message.messages) receive(inner);
          });
        } finally {
          // Also when a listener threw: later chunks must not pile up in this batch's list.
          copied = null;
          giveBack(batchBuffers);
        }
        return;
      }
      case 'chunk':
        if (message.generation === latestRun?.generation) trajectories.append(message.key, message.points);
        // The store holds a copy: the buffer goes back to the worker (chunkPool.ts), in one message per batch.
        if (copied) copied.push(message.points.buffer);
        else giveBack([message.points.buffer]);
        return;
      case 'done':
        if (message.generation !== latestRun?.generation) return;
        latestRun.unfinished.delete(message.key);
        trajectories.finish(message.key, message.status, message.stoppedAt, message.message);
        if (message.explain) options.onExplain?.(message.key, message.explain);
        return;
      case 'grid': {
        // A dropped reply's picture is freed now, not at the next GC (a full one is width × height × ratio² × 4 bytes).
        const drop = () => message.picture?.bitmap.close();
        if (!latestGrid) return drop();
        const current = message.generation === latestGrid.request.generation;
        // An answer to an earlier request for the same surface and view (at
        // another size) is drawn while the newest has no answer yet: on
        // opening, the grid asked before the plot was measured shows first.
        // The worker previews a surface and view once, so this is the only
        // preview the page may get.
        const stand = !current && !latestGrid.answered && sameSceneBefore.has(message.generation);
        if (!current && !stand) return drop();
        const { surface } = latestGrid.request;
        // A preview is drawn but does not answer the request: a worker that dies before the full grid is asked again.
        if (current && message.final !== false) {
          latestGrid.answered = true;
          sameSceneBefore = new Set();
        }
        const { values, nx, ny, view, criticalPoints, contours, picture } = message;
        onGrid({ surface, view, nx, ny, values, criticalPoints, contours, final: message.final !== false, ...(picture && { picture }) });
        return;
      }
      case 'error':
        if (message.scope === 'run' && message.generation === latestRun?.generation) {
          if (message.key === undefined) latestRun.unfinished.clear();
          else latestRun.unfinished.delete(message.key);
          onError(message.message);
        } else if (message.scope === 'grid' && message.generation === latestGrid?.request.generation) {
          latestGrid.answered = true;
          onError(message.message);
        }
        return;
    }
  }

  /** Each run's request as last sent, to tell which runs a new request changes. */
  let sentConfigs = new Map<string, string>();

  /**
   * Compute `runs`: those whose request changed, or that had not finished,
   * from scratch; a finished run asked for again unchanged keeps its points.
   * A learning-rate step on one of eight runs then computes, streams and
   * repaints one run, not eight.
   */
  function startRuns(runs: RunRequest[]) {
    generation++;
    const configs = new Map(runs.map((run) => [run.key, JSON.stringify(run.config)]));
    const keep = new Set<string>();
    for (const run of runs) {
      const stored = trajectories.get(run.key);
      if (stored && stored.status !== 'running' && sentConfigs.get(run.key) === configs.get(run.key)) keep.add(run.key);
    }
    sentConfigs = configs;
    const changed = runs.filter((run) => !keep.has(run.key));
    latestRun = { generation, runs, unfinished: new Set(changed.map((run) => run.key)) };
    // Each run holds at most its step budget + 1 points: room for all of them up front.
    trajectories.reset(runs.map((run) => run.key), runs.map((run) => run.config.steps + 1), keep);
    // Sent even when nothing changed: the worker then drops whatever it was still computing.
    send({ type: 'run', generation, runs: changed });
    // The worker's answer to a small change (a slider step) is often in the
    // mailbox by this frame's animation callbacks: taken there, the paths
    // are painted in the frame that shows the new setting, not the next.
    if (mailbox && changed.length > 0 && typeof requestAnimationFrame === 'function') {
      if (pollFrame !== 0) cancelAnimationFrame(pollFrame);
      const sentAt = performance.now();
      const oneSlice = changed.reduce((sum, run) => sum + run.config.steps, 0) <= answeredInOneSlice;
      pollFrame = requestAnimationFrame(() => {
        pollFrame = 0;
        const due = taken + 1;
        checkMailbox();
        if (taken >= due || !oneSlice || !mailbox) return;
        // Not there yet, but a one-slice answer is a few ms away (slider bench: answered
        // 2.5–4 ms after the request; 6 % of steps were polled sooner). Missing this
        // frame costs a whole one, so wait here, briefly: the thread cannot sleep, and
        // the deadline bounds it to a few ms of a frame that has little else to do.
        while (performance.now() - sentAt < expressWaitMs && !holdsMail(mailbox, due)) {
          // spin
        }
        checkMailbox();
      });
    }
  }

  function requestGrid(
    surface: SurfaceSpec, view: ViewBox, nx: number, ny: number, preview?: { nx: number; ny: number }, picture?: PictureRequest, thresholds?: ThresholdChoice,
  ) {
    generation++;
    const request = { type: 'grid', generation, surface, view, nx, ny, ...(preview && { preview }), ...(picture && { picture }), ...(thresholds && { thresholds }) } as const;
    // Not a gesture's grid, whose levels were kept from another view: it never stands in for a full one (nor is kept, gridCache.ts).
    if (latestGrid && !latestGrid.answered && !latestGrid.request.thresholds && sameSurfaceAndView(latestGrid.request, request)) {
      sameSceneBefore.add(latestGrid.request.generation);
    } else {
      sameSceneBefore = new Set();
    }
    latestGrid = { request, answered: false };
    send(request);
  }

  function dropGrid() {
    if (!latestGrid || latestGrid.answered) return;
    generation++;
    // No grid is awaited now: late replies are dropped, and a restarted worker is not asked again.
    latestGrid = null;
    sameSceneBefore = new Set();
    send({ type: 'dropGrid', generation });
  }

  /** Replace a dead worker and redo whatever it had not finished. */
  function recover(crashed: boolean) {
    if (disposed || !worker) return;
    const dead = worker;
    worker = null;
    dead.terminate();
    if (crashed && ++crashesWithoutReply > maxRestartsWithoutReply) {
      // The next request tries once more with a fresh worker.
      crashesWithoutReply = 0;
      onError(workerMessages.gaveUp);
      return;
    }
    restartCount++;
    try {
      worker = spawn();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      return;
    }
    if (latestRun && latestRun.unfinished.size > 0) startRuns(latestRun.runs);
    if (latestGrid && !latestGrid.answered) {
      // No preview the second time: the page already shows one.
      const { surface, view, nx, ny, picture, thresholds } = latestGrid.request;
      requestGrid(surface, view, nx, ny, undefined, picture, thresholds);
    }
    onError(workerMessages.restarted);
  }

  return {
    run: startRuns,
    requestGrid,
    dropGrid,
    dispose() {
      disposed = true;
      if (pollFrame !== 0) cancelAnimationFrame(pollFrame);
      pollFrame = 0;
      worker?.terminate();
      worker = null;
    },
    get restartCount() {
      return restartCount;
    },
    get mailTaken() {
      return mailTaken;
    },
    kill() {
      recover(false);
    },
  };
}
