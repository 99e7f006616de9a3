import { describe, expect, it } from 'vitest';
import { simulate, type SimulationConfig } from '../../src/core';
import { createDispatcher, type DispatcherOptions } from '../../src/worker/dispatcher';
import type { FromWorker, RunRequest, StepInspection } from '../../src/worker/protocol';
import { createInspectionCache, type InspectionJob } from '../../src/worker/inspection';
import { createManualScheduler, createRecorder } from '../worker/harness';

function setup(options: DispatcherOptions = {}) {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  const dispatcher = createDispatcher(recorder.post, scheduler.schedule, options);
  return { ...recorder, scheduler, dispatcher };
}

type Inspection = Extract<FromWorker, { type: 'inspection' }>;
const inspections = (messages: FromWorker[]) => messages.filter((m): m is Inspection => m.type === 'inspection');

function inspect(runs: RunRequest[], step: number, options: DispatcherOptions = {}): StepInspection[] {
  const { dispatcher, scheduler, messages } = setup(options);
  dispatcher.handle({ type: 'inspect', generation: 1, step, runs });
  scheduler.drain();
  const answers = inspections(messages());
  expect(answers).toHaveLength(1);
  expect(answers[0].step).toBe(step);
  return answers[0].runs;
}

const configs: Record<string, SimulationConfig> = {
  momentumEllipse: { surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9 }, steps: 30, start: [-7, 2] },
  emaMomentumBowl: { surface: 'bowl', optimizer: { id: 'momentum', learningRate: 0.3, beta: 0.8, form: 'ema' }, steps: 80 },
  nesterovRosenbrock: { surface: 'rosenbrock', optimizer: { id: 'nesterov', learningRate: 0.0005 }, steps: 400 },
  adagradEllipse: { surface: 'ellipse', optimizer: { id: 'adagrad', learningRate: 1.5 }, steps: 50, start: [-7, 2] },
  rmspropScheduled: {
    surface: 'beale', optimizer: { id: 'rmsprop', learningRate: 0.01 }, steps: 300,
    schedule: { kind: 'step', gamma: 0.5, every: 40, warmup: 10 },
  },
  adadeltaHimmelblau: { surface: 'himmelblau', optimizer: { id: 'adadelta' }, steps: 200 },
  adamAmsgrad: { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.05, amsgrad: true }, steps: 500 },
  adamwNoCorrection: {
    surface: 'saddle', optimizer: { id: 'adamw', learningRate: 0.02, weightDecay: 0.1, biasCorrection: false }, steps: 120,
  },
  newtonMaximize: { surface: 'himmelblau', optimizer: { id: 'newton' }, steps: 20, start: [-0.5, -0.6], maximize: true },
  lineSearchBeale: { surface: 'beale', optimizer: { id: 'linesearch' }, steps: 100 },
  miniBatchLogreg: {
    surface: 'logreg', optimizer: { id: 'gd', learningRate: 0.5 }, steps: 90, batchSize: 16, seed: 7,
    gradient: { kind: 'central', h: 1e-3 },
  },
};
const requests: RunRequest[] = Object.entries(configs).map(([key, config]) => ({ key, config }));

/** What an inspection of step t must say, read straight from core simulate with explain. */
function expected(config: SimulationConfig, step: number) {
  const result = simulate({ ...config, explain: true });
  const record = result.explain!;
  const k = step - 1;
  const pair = (values: Float64Array, i: number) => [values[2 * i], values[2 * i + 1]];
  const point = (i: number) => Array.from(result.points.subarray(3 * i, 3 * i + 3));
  const before: Record<string, number[]> = {};
  const after: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(record.state)) {
    before[name] = k === 0 ? [0, 0] : pair(values, k - 1);
    after[name] = pair(values, k);
  }
  const from = point(k);
  const to = point(step);
  return {
    from, to, before, after,
    gradient: pair(record.gradients, k),
    learningRate: record.learningRates[k],
    delta: [to[0] - from[0], to[1] - from[1]],
    steps: result.steps,
  };
}

/** Every number bit for bit: Object.is tells −0 from 0 and matches NaN. */
function expectSameBits(actual: unknown, wanted: unknown, where: string) {
  if (typeof wanted === 'number') {
    expect(Object.is(actual, wanted), `${where}: ${String(actual)} vs ${wanted}`).toBe(true);
    return;
  }
  if (Array.isArray(wanted)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(wanted.length);
    wanted.forEach((w, i) => expectSameBits((actual as unknown[])[i], w, `${where}[${i}]`));
    return;
  }
  const keys = Object.keys(wanted as object).sort();
  expect(Object.keys(actual as object).sort(), where).toEqual(keys);
  for (const key of keys) expectSameBits((actual as never)[key], (wanted as never)[key], `${where}.${key}`);
}

describe('the worker explains a step', () => {
  it('with the numbers core simulate records with explain, bit for bit, for every optimizer and option', () => {
    for (const step of [1, 2, 3, 17]) {
      const answer = inspect(requests, step);
      expect(answer.map((item) => item.key)).toEqual(requests.map((r) => r.key));
      for (const item of answer) {
        const want = expected(configs[item.key], step);
        expect(item.kind, item.key).toBe('step');
        expect(item.step).toBe(step);
        const { steps: _steps, ...numbers } = want;
        const { from, to, before, after, gradient, learningRate, delta } = item;
        expectSameBits({ from, to, before, after, gradient, learningRate, delta }, numbers, `${item.key} step ${step}`);
      }
    }
  });

  it('answers the same bits when the run is advanced in many small slices', () => {
    const ticking = (() => {
      let t = 0;
      return () => (t += 1);
    })();
    const fine = inspect(requests, 77, { sliceMs: 0, firstSliceMs: 0, now: ticking, inspection: { chunkSteps: 3 } });
    const coarse = inspect(requests, 77);
    expect(fine).toEqual(coarse);
    for (const item of fine) {
      if (item.kind !== 'step') continue;
      expect(Object.is(item.gradient![0], expected(configs[item.key], 77).gradient[0]), item.key).toBe(true);
    }
  });

  it('names the learning rate after the schedule, warm-up and decay included', () => {
    const [early] = inspect([{ key: 'r', config: configs.rmspropScheduled }], 5);
    const [late] = inspect([{ key: 'r', config: configs.rmspropScheduled }], 95);
    // Warm-up: η·5/10 at step 5 (n = 4 steps already taken … the core's learningRateAt says exactly).
    expect(early.learningRate).toBe(expected(configs.rmspropScheduled, 5).learningRate);
    expect(early.learningRate).toBeLessThan(0.01);
    // After two decays of 0.5 (every 40 steps): 0.0025.
    expect(late.learningRate).toBeCloseTo(0.0025, 12);
  });

  it('describes step 0 as the start point and a step past the budget as stopped', () => {
    const run = [{ key: 'm', config: configs.momentumEllipse }];
    const [start] = inspect(run, 0);
    expect(start.kind).toBe('start');
    expect(start.from).toEqual([-7, 2, 49 / 20 + 4]);
    expect(start.gradient).toBeNull();
    const [past] = inspect(run, 31);
    expect(past).toMatchObject({ kind: 'stopped', status: 'budget', stoppedAt: 30 });
    const [last] = inspect(run, 30);
    expect(last.kind).toBe('step');
  });

  it('says a run diverged at the step where it left the finite numbers, from the last finite point', () => {
    const config: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd', learningRate: 50 }, steps: 60 };
    const result = simulate(config);
    expect(result.status).toBe('diverged');
    const [item] = inspect([{ key: 'd', config }], result.stoppedAt);
    expect(item).toMatchObject({ kind: 'stopped', status: 'diverged', stoppedAt: result.stoppedAt, delta: null, gradient: null });
    const last = result.points.length / 3 - 1;
    expect(item.from).toEqual(Array.from(result.points.subarray(3 * last, 3 * last + 3)));
    const [before] = inspect([{ key: 'd', config }], result.stoppedAt - 1);
    expect(before.kind).toBe('step');
    expect(before.delta!.every(Number.isFinite)).toBe(true);
  });

  it('reports a run it cannot simulate and still answers for the others', () => {
    const bad = { key: 'bad', config: { ...configs.momentumEllipse, optimizer: { id: 'nope' } } as unknown as SimulationConfig };
    const answer = inspect([bad, requests[0]], 2);
    expect(answer[0]).toMatchObject({ key: 'bad', kind: 'error' });
    expect(answer[0].message).toMatch(/nope/);
    expect(answer[1].kind).toBe('step');
  });

  it('lets the newest request win: a burst gets one answer, for its last step', () => {
    const { dispatcher, scheduler, messages } = setup();
    for (let step = 1; step <= 8; step++) dispatcher.handle({ type: 'inspect', generation: step, step, runs: requests.slice(0, 2) });
    dispatcher.handle({ type: 'inspect', generation: 3, step: 99, runs: requests.slice(0, 2) }); // stale: ignored
    scheduler.drain();
    const answers = inspections(messages());
    expect(answers.map((a) => [a.generation, a.step])).toEqual([[8, 8]]);
  });

  it('drops a long inspection still being computed when a newer one arrives, and keeps the work done', () => {
    const ticking = (() => {
      let t = 0;
      return () => (t += 1);
    })();
    const long: RunRequest = {
      key: 'long', config: { surface: 'logreg', optimizer: { id: 'adam', learningRate: 0.05 }, steps: 5000 },
    };
    const { dispatcher, scheduler, messages } = setup({ sliceMs: 0, firstSliceMs: 0, now: ticking, inspection: { chunkSteps: 64 } });
    dispatcher.handle({ type: 'inspect', generation: 1, step: 4000, runs: [long] });
    scheduler.step();
    scheduler.step();
    expect(inspections(messages())).toHaveLength(0);
    dispatcher.handle({ type: 'inspect', generation: 2, step: 10, runs: [long] });
    scheduler.drain();
    const answers = inspections(messages());
    expect(answers.map((a) => a.generation)).toEqual([2]);
    expect(answers[0].runs[0].kind).toBe('step');
  });

  it('neither cancels runs nor is cancelled by them', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 5, runs: requests.slice(0, 3) });
    dispatcher.handle({ type: 'inspect', generation: 1, step: 3, runs: requests.slice(0, 3) });
    dispatcher.handle({ type: 'cancel', generation: 6 });
    dispatcher.handle({ type: 'run', generation: 7, runs: requests.slice(3, 5) });
    scheduler.drain();
    const all = messages();
    expect(inspections(all).map((a) => a.generation)).toEqual([1]);
    const done = all.filter((m) => m.type === 'done');
    expect(done.map((m) => m.generation).every((g) => g === 7)).toBe(true);
    expect(done).toHaveLength(2);
  });

  it('refuses a malformed request with an error scoped to inspections', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'inspect', generation: 4, step: -1, runs: requests.slice(0, 1) });
    dispatcher.handle({ type: 'inspect', generation: 5, step: 2, runs: null as unknown as RunRequest[] });
    scheduler.drain();
    const errors = messages().filter((m) => m.type === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ generation: 4, scope: 'inspect' }),
      expect.objectContaining({ generation: 5, scope: 'inspect' }),
    ]);
  });

  it('serves a step behind the furthest one asked from its cache, and keeps the cache within its budget', () => {
    const cache = createInspectionCache({ maxCachedSteps: 3000, chunkSteps: 4 });
    const run = (lr: number): RunRequest => ({
      key: `r${lr}`, config: { surface: 'ellipse', optimizer: { id: 'adam', learningRate: lr }, steps: 2000 },
    });
    const job = (step: number, runs: RunRequest[]): InspectionJob => ({ generation: 1, step, requests: runs, entries: null });
    const never = () => 0;
    const always = () => Infinity;
    // Far ahead, with all the time in the world: the run is simulated 1024 steps past it, so to its end at 2000.
    expect(cache.work(job(1500, [run(0.1)]), 1, never)).not.toBeNull();
    expect(cache.cachedSteps()).toBe(2000);
    // Back to step 12 with no time at all: a fresh run would need three 4-step chunks; the cached one answers at once.
    const back = cache.work(job(12, [run(0.1)]), 0, always);
    expect(back).not.toBeNull();
    expectSameBits(back![0].gradient, expected(run(0.1).config, 12).gradient, 'cached step 12');
    expect(cache.work(job(12, [run(0.7)]), 0, always)).toBeNull();
    // Two more whole runs make 6000 steps: the least recently used go until 3000 or fewer are left.
    const answer = cache.work(job(1800, [run(0.2), run(0.3)]), 1, never)!;
    expect(cache.cachedSteps()).toBeLessThanOrEqual(3000);
    for (const item of answer) {
      const lr = Number(item.key.slice(1));
      expectSameBits(item.after, expected(run(lr).config, 1800).after, item.key);
    }
  });
});
