/**
 * The worker's only loop. A pure object around an injected `post` and
 * `schedule`, so tests drive it without a Worker (the shape of duckdb-wasm's
 * worker_dispatcher.ts).
 *
 * Work never starts inside `handle`: a request is recorded and a task is
 * scheduled. Each task works for one time slice on the latest grid (if one
 * is waiting) and one on the latest run request, then yields. Because a
 * slider drag or a zoom queues many requests, deferring means a burst
 * collapses to its newest member, and a newer request is always seen between
 * two slices: a grid a zoom has left behind is dropped half-way. On a
 * two-core machine runs pause between slices (restFor), to leave the
 * browser's threads a core's share; any request ends the pause.
 */
import { createSimulation, createSurface, sampleGrid, type Simulation } from '../core';
import type { CriticalPoint, ViewBox } from '../core/types';
import type { RunRequest, FromWorker, Post, ToWorker } from './protocol';
import { createInspectionCache, type InspectionCacheOptions, type InspectionJob } from './inspection';
// Pure plot maths (marching squares, no DOM): contouring here keeps 10–50 ms per grid off the page's thread.
import { contourSetSteps } from '../plot/contours';
import type { ThresholdChoice } from '../plot/thresholds';
import { offscreenPainter, paintPicture, type PicturePainter } from './bandPicture';
import { createChunkPool } from './chunkPool';
import { createTaskScheduler, type Rest, type Schedule } from './pacing';

type GridRequest = Extract<ToWorker, { type: 'grid' }>;
/** A grid being computed: its request's generation and the steps left (see gridSteps). */
interface GridJob {
  generation: number;
  steps: Generator<void, void, void>;
}
type SliceMessage = { message: Extract<FromWorker, { type: 'chunk' | 'done' | 'error' }>; transfer: Transferable[] };


export interface DispatcherOptions {
  /** Wall-clock budget of a time slice after the first, in ms. One chunk always runs. */
  sliceMs?: number;
  /**
   * Budget of a request's first slice, in ms. Small requests ignore it
   * (eagerSteps); a large one streams from its first slice on, so the page
   * paints its first points while they are few (see dispatcherDefaults).
   */
  firstSliceMs?: number;
  /** Steps a run advances per turn, unless the request says otherwise. */
  chunkSteps?: number;
  /**
   * When the step budgets of a request sum to at most this, its first slice
   * ignores the clock and finishes every run: a slider drag over short runs
   * then always gets the whole picture in one round trip.
   */
  eagerSteps?: number;
  /** Clock in ms; `performance.now` by default. */
  now?: () => number;
  /** Budget of an inspection's first slice, in ms: longer, so most answer in one round trip. */
  inspectFirstSliceMs?: number;
  /** Cache limits of the step inspector (worker/inspection.ts). */
  inspection?: InspectionCacheOptions;
  /** Where band pictures are painted: OffscreenCanvas where the worker has one (null: never paint). */
  painter?: PicturePainter | null;
  /**
   * A pause between two slices of runs when nothing else waits (default:
   * none; see restFor). Any request ends it at once.
   */
  rest?: Rest | null;
}

/**
 * Measured in Node 20 on the development machine (2,000 steps of every
 * optimizer on every surface): most pairs cost 0.1–0.7 ms, linreg ≈ 1.5 ms,
 * logreg ≈ 22 ms (256 samples per evaluation) and ≈ 72 ms with central
 * differences. So 3,000 steps or fewer finish unsliced everywhere (worst
 * case ≈ 110 ms); a logreg scene of 12 × 2,000 steps streams over a few
 * hundred ms instead of freezing the worker. A 128-step chunk is at most
 * ≈ 5 ms, which bounds how late a newer request is seen.
 * The first slice was 40 ms, so that mid-sized requests came back in one
 * round trip; but 8 runs × 100,000 steps then began with one batch of
 * ~100,000 points, and the page's first paint of it (cold code, the loss
 * chart reading every point) was its longest task: 86 ms in the benchmark,
 * 63 ms with an 8 ms first slice, and clicks waited 61 → 28 ms at most.
 */
export const dispatcherDefaults = {
  sliceMs: 8,
  firstSliceMs: 8,
  inspectFirstSliceMs: 40,
  chunkSteps: 128,
  eagerSteps: 3_000,
} as const;

interface LiveRun {
  key: string;
  simulation: Simulation;
  /** Iterates computed in the current slice, not yet posted. */
  buffer: Float64Array;
  length: number;
  finished: boolean;
  /** Why the run failed, reported after its last chunk; null while healthy. */
  error: string | null;
}

interface Job {
  generation: number;
  requests: RunRequest[];
  chunkSteps: number;
  eager: boolean;
  /** Null until the first slice creates the simulations. */
  runs: LiveRun[] | null;
}

export interface Dispatcher {
  handle(message: ToWorker): void;
}

export function createDispatcher(post: Post, schedule?: Schedule, options: DispatcherOptions = {}): Dispatcher {
  const sliceMs = options.sliceMs ?? dispatcherDefaults.sliceMs;
  const firstSliceMs = options.firstSliceMs ?? dispatcherDefaults.firstSliceMs;
  const inspectFirstSliceMs = options.inspectFirstSliceMs ?? options.firstSliceMs ?? dispatcherDefaults.inspectFirstSliceMs;
  const defaultChunkSteps = options.chunkSteps ?? dispatcherDefaults.chunkSteps;
  const eagerSteps = options.eagerSteps ?? dispatcherDefaults.eagerSteps;
  const now = options.now ?? (() => performance.now());
  const runTask = schedule ?? createTaskScheduler();
  const painter = options.painter === undefined ? offscreenPainter() : options.painter;

  // Runs and grids keep separate generations: a zoom must not cancel runs.
  let runGeneration = -Infinity;
  let gridGeneration = -Infinity;
  let job: Job | null = null;
  let pendingGrid: GridRequest | null = null;
  let gridJob: GridJob | null = null;
  let scheduled = false;
  const rest = options.rest ?? null;
  /** Cancels the pause between run slices under way, if one is. */
  let resting: (() => void) | null = null;
  // Inspections have a generation of their own too: scrubbing must not cancel runs.
  let inspectGeneration = -Infinity;
  let inspection: InspectionJob | null = null;
  const inspections = createInspectionCache(options.inspection);
  const chunkBuffers = createChunkPool();

  /** Post, and turn a failed post (e.g. a DataCloneError) into an error message rather than a throw. */
  function send(message: FromWorker, transfer?: Transferable[]) {
    try {
      post(message, transfer);
    } catch (error) {
      if (message.type === 'error') return; // nothing more can be said
      const scope = message.type === 'grid' ? 'grid' : message.type === 'inspection' ? 'inspect' : 'run';
      const key = message.type === 'chunk' || message.type === 'done' ? message.key : undefined;
      send({ type: 'error', generation: message.generation, scope, key, message: describe(error) });
    }
  }

  function wake() {
    if (resting) {
      // A request ends the pause: a new slider value must not wait for it.
      resting();
      resting = null;
      scheduled = false;
    }
    if (scheduled) return;
    scheduled = true;
    runTask(pump);
  }

  function pump() {
    scheduled = false;
    if (pendingGrid) {
      // A newer grid replaces the one being computed, wherever that one is.
      gridJob = { generation: pendingGrid.generation, steps: gridSteps(pendingGrid) };
      pendingGrid = null;
    }
    if (gridJob) gridSlice(gridJob);
    if (inspection) inspectSlice(inspection);
    const current = job;
    if (!current) {
      if (inspection || pendingGrid || gridJob) wake();
      return;
    }
    try {
      runSlice(current);
    } catch (error) {
      // Per-run failures are handled inside; this is a failure of the loop itself.
      send({ type: 'error', generation: current.generation, scope: 'run', message: describe(error) });
      if (job === current) job = null;
    }
    if (job === current && current.runs?.length === 0) job = null;
    if (job && rest && !pendingGrid && !gridJob && !inspection) {
      scheduled = true;
      let ended = false;
      const cancel = rest(() => {
        ended = true;
        resting = null;
        pump();
      });
      // A pause that ended at once (a test's) has already pumped, perhaps into the next pause.
      if (!ended) resting = cancel;
      return;
    }
    if (job || pendingGrid || gridJob || inspection) wake();
  }

  /** One time slice of the newest inspection; posts the answer once every run reached the step. */
  function inspectSlice(current: InspectionJob) {
    try {
      const answer = inspections.work(current, now() + (current.entries ? sliceMs : inspectFirstSliceMs), now);
      if (!answer) return;
      inspection = null;
      send({ type: 'inspection', generation: current.generation, step: current.step, runs: answer });
    } catch (error) {
      inspection = null;
      send({ type: 'error', generation: current.generation, scope: 'inspect', message: describe(error) });
    }
  }

  /**
   * Work on the grid for up to a slice. A grid pauses between contour bands,
   * so a newer request (the next step of a zoom) replaces it within a band
   * rather than after the whole grid.
   */
  function gridSlice(current: GridJob) {
    const deadline = now() + sliceMs;
    try {
      for (;;) {
        const next = current.steps.next();
        if (next.done) {
          if (gridJob === current) gridJob = null;
          return;
        }
        if (now() >= deadline) return;
      }
    } catch (error) {
      if (gridJob === current) gridJob = null;
      send({ type: 'error', generation: current.generation, scope: 'grid', message: describe(error) });
    }
  }

  /**
   * The surface and view of the last preview posted. A request for the same
   * ones at another size (on opening: the plot's measured size after the
   * page's first guess) needs no second preview: the page draws the first.
   */
  let previewed: string | null = null;

  /** One grid request as steps: sample, contour band by band, then post (the preview first, when asked). */
  function* gridSteps(request: GridRequest): Generator<void, void, void> {
    checkGridSize(request.nx, request.ny);
    const { preview: asked, ...full } = request;
    const scene = JSON.stringify([request.surface, request.view]);
    const preview = asked && previewed !== scene ? asked : undefined;
    if (preview) checkGridSize(preview.nx, preview.ny);
    const { nx, ny } = preview ?? request;
    const surface = surfaceFor(request.surface);
    const values = sampleGrid(surface, request.view, nx, ny);
    const { generation, view } = request;
    const contours = yield* contourSetSteps(values, nx, ny, levelCountOf(request.levelCount), keptLevels(request.thresholds));
    // The search can cost tens of ms (logreg): the preview does not wait for it, the full grid brings them.
    if (!preview) yield;
    const criticalPoints = preview ? [] : surface.criticalPoints.filter((point: CriticalPoint) => isInside(point, request.view));
    // Painting is a step of its own (2–20 ms): a newer request may replace this grid before it.
    // The full grid only: the page paints a preview's few paths itself. A worker's first
    // canvas waits on a blocking call into the browser (130 ms in a trace of an open, the
    // browser busy starting the page), which the preview, the first contours, must not.
    const pictureRequest = preview ? undefined : request.picture;
    if (pictureRequest) yield;
    const picture = paintPicture(contours, pictureRequest, painter);
    const reply = { type: 'grid', generation, values, nx, ny, view, criticalPoints, contours, final: !preview } as const;
    if (picture) {
      try {
        post({ ...reply, picture }, [values.buffer, picture.bitmap]);
      } catch {
        // A picture is never worth an error: the grid goes without it, and the page paints the paths.
        picture.bitmap.close();
        send(reply, [values.buffer]);
      }
    } else {
      send(reply, [values.buffer]);
    }
    if (preview) previewed = scene;
    // The full grid waits for the next turn: a newer request (a zoom) may replace it, and a run slice goes first.
    if (preview) pendingGrid ??= full;
  }

  /**
   * The surface of the last grid, kept while the spec stays the same: a zoom
   * asks for many grids of one surface, and building a typed one parses it
   * and its critical points are searched once per surface, not per grid.
   */
  let lastSurface: { key: string; surface: ReturnType<typeof createSurface> } | null = null;
  function surfaceFor(spec: GridRequest['surface']) {
    const key = JSON.stringify(spec);
    if (lastSurface?.key !== key) lastSurface = { key, surface: createSurface(spec) };
    return lastSurface.surface;
  }

  function start(current: Job): LiveRun[] {
    const runs: LiveRun[] = [];
    for (const request of current.requests) {
      try {
        const simulation = createSimulation(request.config);
        const run: LiveRun = { key: request.key, simulation, buffer: new Float64Array(0), length: 0, finished: false, error: null };
        // The first chunk of every run starts with its start point, unless the
        // start itself is not finite (then, like core simulate, there is no path).
        const unusable = simulation.done && simulation.status === 'diverged' && simulation.stoppedAt === 0;
        if (!unusable) append(run, simulation.start);
        runs.push(run);
      } catch (error) {
        // One bad run is reported; the others of the request carry on.
        send({ type: 'error', generation: current.generation, scope: 'run', key: request.key, message: describe(error) });
      }
    }
    return runs;
  }

  function runSlice(current: Job) {
    const firstSlice = current.runs === null;
    const runs = (current.runs ??= start(current));
    const unlimited = firstSlice && current.eager;
    const deadline = now() + (firstSlice ? firstSliceMs : sliceMs);
    // Round robin, one chunk per turn, so a long run cannot starve the others.
    // The clock is read after every chunk, not every pass: a step on logreg
    // costs ~100 times one on rosenbrock, so a pass has no predictable length.
    let live = runs.length;
    let index = 0;
    while (live > 0) {
      const run = runs[index];
      index = (index + 1) % runs.length;
      if (run.finished) continue;
      advance(run, current.chunkSteps);
      if (run.finished) live--;
      if (!unlimited && now() >= deadline) break;
    }
    const slice: SliceMessage[] = [];
    for (const run of runs) report(current.generation, run, slice);
    sendSlice(current.generation, slice);
    // Rotated so the next slice resumes with the run whose turn it is.
    current.runs = [...runs.slice(index), ...runs.slice(0, index)].filter((run) => !run.finished);
  }

  /** Add what a run computed in this slice, then its end if it ended, to `slice`. */
  function report(generation: number, run: LiveRun, slice: SliceMessage[]) {
    if (run.length > 0) {
      const points = chunkBuffers.take(run.length);
      points.set(run.buffer.subarray(0, run.length));
      run.length = 0;
      slice.push({ message: { type: 'chunk', generation, key: run.key, points }, transfer: [points.buffer] });
    }
    if (run.error !== null) {
      slice.push({ message: { type: 'error', generation, scope: 'run', key: run.key, message: run.error }, transfer: [] });
    } else if (run.finished) {
      const { status, stoppedAt, message, steps, explain } = run.simulation;
      const transfer = explain ? [explain.gradients, explain.learningRates, ...Object.values(explain.state)].map((a) => a.buffer) : [];
      slice.push({ message: { type: 'done', generation, key: run.key, status, stoppedAt, message, steps, ...(explain && { explain }) }, transfer });
    }
  }

  /**
   * Post a slice's messages as one batch. If the batch cannot be posted (a
   * value that cannot be cloned), each message is posted alone, so the
   * failure is reported as an error of the run it belongs to.
   */
  function sendSlice(generation: number, slice: SliceMessage[]) {
    if (slice.length === 0) return;
    if (slice.length === 1) {
      send(slice[0].message, slice[0].transfer);
      return;
    }
    try {
      post({ type: 'batch', generation, messages: slice.map((entry) => entry.message) }, slice.flatMap((entry) => entry.transfer));
    } catch {
      for (const entry of slice) send(entry.message, entry.transfer);
    }
  }

  function advance(run: LiveRun, steps: number) {
    try {
      const points = run.simulation.advance(steps);
      // Copied at once: the core may hand out a view of a buffer it reuses.
      append(run, points);
      if (run.simulation.done) {
        run.finished = true;
      } else if (points.length === 0) {
        run.finished = true;
        run.error = 'The simulation stopped making progress without finishing.';
      }
    } catch (error) {
      run.finished = true;
      run.error = describe(error);
    }
  }

  function handleRequest(message: ToWorker) {
    switch (message.type) {
      case 'run': {
        if (!(message.generation >= runGeneration)) return; // stale
        if (!Array.isArray(message.runs)) throw new Error('A run request must list its runs.');
        runGeneration = message.generation;
        const chunkSteps = Math.max(1, Math.floor(message.chunkSteps ?? defaultChunkSteps) || 1);
        const totalSteps = message.runs.reduce((sum, run) => sum + run.config.steps, 0);
        job = { generation: message.generation, requests: message.runs, chunkSteps, eager: totalSteps <= eagerSteps, runs: null };
        wake();
        return;
      }
      case 'cancel':
        if (!(message.generation >= runGeneration)) return;
        runGeneration = message.generation;
        job = null;
        return;
      case 'dropGrid':
        if (!(message.generation >= gridGeneration)) return;
        gridGeneration = message.generation;
        pendingGrid = null;
        gridJob = null;
        return;
      case 'inspect': {
        if (!(message.generation >= inspectGeneration)) return;
        if (!Array.isArray(message.runs)) throw new Error('An inspect request must list its runs.');
        const step = Math.floor(message.step);
        if (!(step >= 0)) throw new Error(`Cannot inspect step ${String(message.step)}.`);
        inspectGeneration = message.generation;
        inspection = { generation: message.generation, step, requests: message.runs, entries: null };
        wake();
        return;
      }
      case 'recycle':
        if (!Array.isArray(message.buffers)) throw new Error('A recycle request must list its buffers.');
        chunkBuffers.give(message.buffers);
        return;
      case 'grid':
        if (!(message.generation >= gridGeneration)) return;
        gridGeneration = message.generation;
        pendingGrid = message;
        wake();
        return;
      default:
        throw new Error(`Unknown request type: ${String((message as { type?: unknown }).type)}.`);
    }
  }

  return {
    handle(message: ToWorker) {
      try {
        handleRequest(message);
      } catch (error) {
        const asked = (message as { generation?: unknown } | null | undefined)?.generation;
        const generation = typeof asked === 'number' ? asked : -1;
        const scope = message?.type === 'grid' ? 'grid' : message?.type === 'inspect' ? 'inspect' : 'run';
        send({ type: 'error', generation, scope, message: describe(error) });
      }
    },
  };
}

function append(run: LiveRun, points: Float64Array) {
  const needed = run.length + points.length;
  if (needed > run.buffer.length) {
    const next = new Float64Array(Math.max(needed, run.buffer.length * 2, 768));
    next.set(run.buffer.subarray(0, run.length));
    run.buffer = next;
  }
  run.buffer.set(points, run.length);
  run.length = needed;
}

/** Refuse sizes that would be nonsense or exhaust memory before allocating anything. */
function checkGridSize(nx: number, ny: number) {
  const valid = (n: number) => Number.isInteger(n) && n >= 2 && n <= maxGridSide;
  if (!valid(nx) || !valid(ny)) throw new Error(`A grid needs 2 to ${maxGridSide} samples per side; got ${nx} × ${ny}.`);
}

const maxGridSide = 2048;

/** Levels a request asks to keep, when they are what a ThresholdChoice holds; otherwise the grid chooses its own. */
function keptLevels(asked: unknown): ThresholdChoice | undefined {
  if (!asked || typeof asked !== 'object') return undefined;
  const { levels, spacing, extent } = asked as Partial<ThresholdChoice>;
  const numbers = (list: unknown, length?: number): list is number[] =>
    Array.isArray(list) && list.length <= 64 && (length === undefined || list.length === length) && list.every((v) => typeof v === 'number');
  if (!numbers(levels) || !numbers(extent, 2) || !(spacing === 'linear' || spacing === 'log' || spacing === 'log-top')) return undefined;
  return { levels, spacing, extent: [extent[0], extent[1]] };
}

/** Levels asked for, kept to what a legend can show; anything odd gets the default 20. */
function levelCountOf(requested: number | undefined): number {
  return Number.isInteger(requested) && requested! >= 2 && requested! <= 64 ? requested! : 20;
}

function isInside(point: { x: number; y: number }, view: ViewBox): boolean {
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  return point.x >= Math.min(x0, x1) && point.x <= Math.max(x0, x1) && point.y >= Math.min(y0, y1) && point.y <= Math.max(y0, y1);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
