/**
 * Running an optimizer over a surface. `createSimulation` advances a run in
 * slices (the worker streams them); `simulate` runs it to the end.
 * The loop allocates nothing per step: points go into one preallocated slice.
 */
import type { SimulationConfig, SimulationResult, StepRecord, StopStatus, Surface } from './types';
import { createSurface } from './surfaces';
import { createOptimizer, optimizerDefaults, type Objective } from './optimizers';
import { identityOrder } from './surfaces/dataSurface';
import { createGradient, type GradientFn } from './gradients';
import { learningRateAt } from './schedules';
import { createRng, shuffle } from './rng';
import { createStepRecorder } from './stepRecorder';

/** Longest run the core accepts; longer budgets are cut to this. */
export const maxSteps = 1_000_000;
/** A run whose |x| or |y| passes this has diverged. */
export const divergenceBound = 1e6;

export interface Simulation {
  /** The start point: x0, y0, f0. */
  readonly start: Float64Array;
  /**
   * Take up to maxSteps more steps; returns their iterates (x, y, f each),
   * empty once done. The array is a view of a buffer the run reuses: it
   * holds these iterates only until the next call, so copy what you keep.
   */
  advance(maxSteps: number): Float64Array;
  readonly done: boolean;
  readonly steps: number;
  readonly status: StopStatus;
  readonly stoppedAt: number;
  readonly message: string;
  /** The per-step record so far, when the config asked for `explain`. */
  readonly explain: StepRecord | undefined;
}

const clampInt = (value: number, lo: number, hi: number) =>
  Number.isFinite(value) ? Math.min(hi, Math.max(lo, Math.floor(value))) : lo;

/**
 * A user's own f can be undefined at an ordinary point (log of a negative,
 * sqrt of a negative, 0/0) or overflow there: f is then +∞, the course's
 * safe(f). Such a stop is still 'diverged' (the UI knows that status) but
 * says why, rather than "the point left the finite numbers".
 */
function outsideDomain(surface: Surface, x: number, y: number): boolean {
  return surface.id === 'custom' && Math.abs(x) <= divergenceBound && Math.abs(y) <= divergenceBound;
}

/**
 * Why f has no finite value at a point of a custom surface's plane: NaN is
 * outside its domain (log of a negative number); ±∞ is a pole or an overflow
 * (1/x at 0, exp(x² + y²) far out), a value too large, not a missing one.
 */
function noFiniteValue(surface: Surface, x: number, y: number): { outside: boolean; text: string } {
  const f = surface.rawF ? surface.rawF(x, y) : surface.f(x, y);
  return Number.isNaN(f)
    ? { outside: true, text: `${point(x, y)} is outside the function's domain (f has no finite value there)` }
    : { outside: false, text: `f is ${f > 0 ? '+∞' : '−∞'} at ${point(x, y)} (a pole, or a value past the largest number)` };
}

const point = (x: number, y: number) => formatPoint([x, y]);

/**
 * A point in a message: "(−1.5, 2.25)", four significant digits and a real
 * minus, as the plot and the inspector write numbers. The page's own notices
 * (state/sceneSlice) write points with it too.
 */
export function formatPoint([x, y]: readonly [number, number]): string {
  const coordinate = (v: number) => String(Number(v.toPrecision(4))).replace(/-/g, '−');
  return `(${coordinate(x)}, ${coordinate(y)})`;
}

function negated(surface: Surface): Objective {
  return {
    f: (x, y) => -surface.f(x, y),
    hessian: (x, y, out) => {
      surface.hessian(x, y, out);
      out[0] = -out[0];
      out[1] = -out[1];
      out[2] = -out[2];
    },
  };
}

/** How a run ended: 'running' until it has. */
interface RunEnd {
  status: StopStatus;
  stoppedAt: number;
  message: string;
}

/**
 * End a run. One function for every run, not a closure made per run: the
 * loop below is compiled once and shared by every simulation, and a call to
 * a new closure in it was a "wrong call target" that threw the compiled loop
 * away (V8's --trace-deopt: ten times over one optimizer's benchmark, each
 * run starting again in the interpreter).
 */
function stopRun(end: RunEnd, why: StopStatus, at: number, text: string): void {
  end.status = why;
  end.stoppedAt = at;
  end.message = text;
}

/** The sample order of a run without mini-batches: never read. */
const noOrder = identityOrder(0);

export function createSimulation(config: SimulationConfig): Simulation {
  const surface = createSurface(config.surface);
  const optimizer = createOptimizer(config.optimizer);
  const base = config.optimizer.learningRate ?? optimizerDefaults(config.optimizer.id).learningRate ?? 1;
  const schedule = config.schedule ?? { kind: 'constant' };
  const budget = clampInt(config.steps, 0, maxSteps);
  const constantRate = schedule.kind === 'constant' && !(schedule.warmup && schedule.warmup > 0);
  const tolerance = config.tolerance && config.tolerance > 0 ? config.tolerance : 0;
  const objective: Objective = config.maximize ? negated(surface) : surface;

  // Mini-batches: a batch as large as the data set uses the samples in their
  // natural order, so it reproduces full-batch GD bit for bit.
  const data = surface.data;
  const sampleCount = data ? data.set.xs.length : 0;
  const batch = data ? clampInt(config.batchSize ?? sampleCount, 1, sampleCount) : 0;
  const fullBatch = !data || batch >= sampleCount;
  const stepsPerEpoch = data ? Math.ceil(sampleCount / batch) : 1;
  const perEpoch = !!data && schedule.per === 'epoch';
  // Only mini-batches shuffle: a full-batch run (every analytic surface) allocates neither.
  const order = fullBatch ? noOrder : identityOrder(sampleCount);
  const random = fullBatch ? null : createRng(config.seed ?? 0);
  let cursor = sampleCount;
  let from = 0;
  let to = sampleCount;

  const loss = fullBatch ? surface.f : (x: number, y: number) => data!.batchLoss(x, y, order, from, to);
  const analytic: GradientFn = fullBatch
    ? surface.gradient
    : (x, y, out) => data!.batchGradient(x, y, order, from, to, out);
  const raw = createGradient(config.gradient ?? { kind: 'analytic' }, analytic, loss);
  const gradient: GradientFn = config.maximize
    ? (x, y, out) => {
        raw(x, y, out);
        out[0] = -out[0];
        out[1] = -out[1];
      }
    : raw;

  const p = new Float64Array(config.start ?? surface.start);
  const g = new Float64Array(2);
  const start = new Float64Array([p[0], p[1], surface.f(p[0], p[1])]);
  const recorder = config.explain ? createStepRecorder(optimizer.state) : undefined;

  let steps = 0;
  const end: RunEnd = { status: 'running', stoppedAt: 0, message: '' };

  if (!Number.isFinite(start[0]) || !Number.isFinite(start[1]) || !Number.isFinite(start[2])) {
    let why = 'The start point is not a finite number, so the run could not begin.';
    if (outsideDomain(surface, start[0], start[1])) {
      const { outside, text } = noFiniteValue(surface, start[0], start[1]);
      why = outside ? `The start point ${text}, so the run could not begin.` : `The run could not begin: ${text}.`;
    }
    stopRun(end, 'diverged', 0, why);
  } else if (budget === 0) {
    stopRun(end, 'budget', 0, 'The step budget is 0.');
  }

  /**
   * Where advance writes, kept from call to call. The worker advances a run
   * 128 steps at a time: a new array per call (grown by doubling from 8
   * points, then trimmed) made five ArrayBuffers a chunk, ~31,000 for a
   * stream of 8 × 100,000 steps, and sweeping them cost the page's process
   * ~70 ms of a helper thread's time per three streams, on a two-core machine.
   */
  let scratch = new Float64Array(0);

  function advance(limit: number): Float64Array {
    if (end.status !== 'running') return scratch.subarray(0, 0);
    const count = clampInt(Math.min(limit, budget - steps), 0, maxSteps);
    // Start small and double: a run that stops early (diverges, stalls) never pays for its whole budget.
    let out = scratch.length > 0 ? scratch : new Float64Array(Math.min(count, 8) * 3);
    let k = 0;
    while (k < count) {
      const t = steps + 1;
      if (!fullBatch) {
        if (cursor >= sampleCount) {
          shuffle(order, random!);
          cursor = 0;
        }
        from = cursor;
        to = Math.min(cursor + batch, sampleCount);
        cursor = to;
      }
      gradient(p[0], p[1], g);
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
        stopRun(end, 'diverged', t, `Diverged at step ${t}: the gradient left the finite numbers.`);
        break;
      }
      const lr = constantRate ? base : learningRateAt(schedule, base, perEpoch ? Math.floor((t - 1) / stepsPerEpoch) : t - 1);
      const px = p[0];
      const py = p[1];
      const halt = optimizer.step(p, g, lr, t, objective);
      if (halt) {
        p[0] = px;
        p[1] = py;
        stopRun(end, halt, t, `Stopped at step ${t}: ${optimizer.reason ?? halt}.`);
        break;
      }
      const f = surface.f(p[0], p[1]);
      // Written as !(a <= b) so NaN counts as out of bounds.
      if (!(Math.abs(p[0]) <= divergenceBound && Math.abs(p[1]) <= divergenceBound) || !Number.isFinite(f)) {
        const what = Number.isFinite(p[0]) && Number.isFinite(p[1]) && Number.isFinite(f)
          ? `|x| or |y| passed ${divergenceBound.toExponential(0)}`
          : 'the point left the finite numbers';
        stopRun(end, 'diverged', t, outsideDomain(surface, p[0], p[1])
          ? `Stopped at step ${t}: ${noFiniteValue(surface, p[0], p[1]).text}.`
          : `Diverged at step ${t}: ${what}.`);
        break;
      }
      if (k * 3 === out.length) {
        const bigger = new Float64Array(Math.min(count, k * 2) * 3);
        bigger.set(out);
        out = bigger;
      }
      out[k * 3] = p[0];
      out[k * 3 + 1] = p[1];
      out[k * 3 + 2] = f;
      k++;
      steps = t;
      if (recorder) recorder.record(g, lr);
      if (tolerance > 0 && Math.hypot(p[0] - px, p[1] - py) < tolerance) {
        stopRun(end, 'converged', t, `Converged at step ${t}: the step ‖Δx‖ fell below ${tolerance}.`);
        break;
      }
    }
    if (end.status === 'running' && steps >= budget) stopRun(end, 'budget', steps, `Ran all ${steps} steps.`);
    scratch = out;
    return out.subarray(0, k * 3);
  }

  return {
    start,
    advance,
    get done() {
      return end.status !== 'running';
    },
    get steps() {
      return steps;
    },
    get status() {
      return end.status;
    },
    get stoppedAt() {
      return end.stoppedAt;
    },
    get message() {
      return end.message;
    },
    get explain() {
      return recorder?.snapshot();
    },
  };
}

/** Run to the end: the start point followed by every iterate, and why it stopped. */
export function simulate(config: SimulationConfig): SimulationResult {
  const run = createSimulation(config);
  const chunk = run.advance(maxSteps);
  const points = new Float64Array(3 + chunk.length);
  points.set(run.start);
  points.set(chunk, 3);
  return {
    points: run.status === 'diverged' && run.stoppedAt === 0 ? new Float64Array(0) : points,
    steps: run.steps,
    status: run.status,
    stoppedAt: run.stoppedAt,
    message: run.message,
    explain: run.explain,
  };
}
