import { describe, expect, it } from 'vitest';
import { simulate, type SimulationConfig } from '../../src/core';
import { createDispatcher, type DispatcherOptions } from '../../src/worker/dispatcher';
import type { FromWorker, RunRequest } from '../../src/worker/protocol';
import { chunksOf, concat, createManualScheduler, createRecorder, sameBits } from './harness';

/** A clock that moves 1 ms every time it is read, so slices end at predictable places. */
function tickingClock(msPerRead = 1) {
  let t = 0;
  return () => (t += msPerRead);
}

/** Every slice ends after one chunk of one run: the finest interleaving there is. */
const finest: DispatcherOptions = { sliceMs: 0, firstSliceMs: 0, eagerSteps: 0, now: tickingClock() };

function setup(options: DispatcherOptions = {}) {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  const dispatcher = createDispatcher(recorder.post, scheduler.schedule, options);
  return { ...recorder, scheduler, dispatcher };
}

const configs: Record<string, SimulationConfig> = {
  adamRosenbrock: { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.05 }, steps: 700 },
  momentumEllipse: { surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9 }, steps: 333, start: [-7, 2] },
  miniBatchLogreg: { surface: 'logreg', optimizer: { id: 'gd', learningRate: 0.5 }, steps: 150, batchSize: 16, seed: 7 },
  newtonHimmelblau: { surface: 'himmelblau', optimizer: { id: 'newton' }, steps: 40, start: [0.5, 0.5] },
  lineSearchBeale: { surface: 'beale', optimizer: { id: 'linesearch' }, steps: 200 },
  rmspropBumpy: { surface: { id: 'bumpy', ripple: 0.3 }, optimizer: { id: 'rmsprop', learningRate: 0.02 }, steps: 256 },
};
const requests: RunRequest[] = Object.entries(configs).map(([key, config]) => ({ key, config }));

function isDone(m: FromWorker, key: string): m is Extract<FromWorker, { type: 'done' }> {
  return m.type === 'done' && m.key === key;
}

describe('dispatcher runs', () => {
  it('streams every run in chunks whose concatenation equals core simulate bit for bit', () => {
    const { dispatcher, scheduler, messages } = setup({ ...finest, chunkSteps: 37 });
    dispatcher.handle({ type: 'run', generation: 1, runs: requests });
    expect(messages()).toHaveLength(0); // work waits for the scheduler
    scheduler.drain();
    for (const { key, config } of requests) {
      const chunks = chunksOf(messages(), key);
      const expected = simulate(config).points;
      expect(chunks.length, key).toBeGreaterThan(1);
      expect(Array.from(chunks[0].subarray(0, 3)), key).toEqual(Array.from(expected.subarray(0, 3)));
      expect(sameBits(concat(chunks), expected), key).toBe(true);
    }
  });

  it('sends each chunk as a Float64Array at the start of a buffer of its own, in the transfer list', () => {
    const { dispatcher, scheduler, posted } = setup({ ...finest, chunkSteps: 50 });
    dispatcher.handle({ type: 'run', generation: 1, runs: requests.slice(0, 2) });
    scheduler.drain();
    const chunks = posted.filter((p) => p.message.type === 'chunk');
    expect(chunks.length).toBeGreaterThan(2);
    for (const { message, transfer } of chunks) {
      if (message.type !== 'chunk') continue;
      expect(message.points).toBeInstanceOf(Float64Array);
      expect(message.points.byteOffset).toBe(0);
      expect(transfer).toEqual([message.points.buffer]);
    }
    expect(new Set(chunks.map((c) => c.transfer[0])).size).toBe(chunks.length);
  });

  it('writes later chunks into buffers the page gave back, and the paths stay exact', () => {
    const { dispatcher, scheduler, posted, messages } = setup({ ...finest, chunkSteps: 50 });
    const config = requests[0].config;
    dispatcher.handle({ type: 'run', generation: 1, runs: [requests[0]] });
    scheduler.step();
    const given = [new ArrayBuffer(64 * 1024), new ArrayBuffer(64 * 1024)];
    dispatcher.handle({ type: 'recycle', buffers: given });
    scheduler.step();
    scheduler.step();
    const chunks = posted.filter((p) => p.message.type === 'chunk');
    const reused = chunks.slice(1, 3).map((c) => c.transfer[0]);
    expect(given).toContain(reused[0]);
    expect(given).toContain(reused[1]);
    expect(reused[0]).not.toBe(reused[1]);
    // Nothing in the record is written over here (a real page no longer holds what it gave back).
    scheduler.drain();
    expect(sameBits(concat(chunksOf(messages(), requests[0].key)), simulate(config).points)).toBe(true);
  });

  it('takes a recycle request with nothing usable in it without an error, and refuses one without a list', () => {
    const { dispatcher, messages } = setup();
    dispatcher.handle({ type: 'recycle', buffers: [new ArrayBuffer(0)] });
    expect(messages()).toEqual([]);
    dispatcher.handle({ type: 'recycle' } as never);
    expect(messages()).toEqual([{ type: 'error', generation: -1, scope: 'run', message: 'A recycle request must list its buffers.' }]);
  });

  it('ends each run with a done message after its last chunk, carrying how and when it stopped', () => {
    const runs: RunRequest[] = [
      { key: 'budget', config: { surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, steps: 50 } },
      { key: 'diverged', config: { surface: 'bowl', optimizer: { id: 'gd', learningRate: 1.5 }, steps: 1000 } },
      { key: 'converged', config: { surface: 'bowl', optimizer: { id: 'gd', learningRate: 0.1 }, steps: 5000, tolerance: 1e-6 } },
    ];
    const { dispatcher, scheduler, messages } = setup({ ...finest, chunkSteps: 7 });
    dispatcher.handle({ type: 'run', generation: 3, runs });
    scheduler.drain();
    const all = messages();
    for (const { key, config } of runs) {
      const expected = simulate(config);
      const doneAt = all.findIndex((m) => isDone(m, key));
      const done = all[doneAt] as Extract<FromWorker, { type: 'done' }>;
      expect(done).toMatchObject({
        generation: 3, status: expected.status, stoppedAt: expected.stoppedAt, message: expected.message, steps: expected.steps,
      });
      expect(done.status).toBe(key);
      expect(all.slice(doneAt + 1).some((m) => 'key' in m && m.key === key), key).toBe(false);
      expect(sameBits(concat(chunksOf(all, key)), expected.points), key).toBe(true);
    }
  });

  it('finishes short runs in the first slice with one chunk per run, however slow the clock', () => {
    const runs = Array.from({ length: 12 }, (_, i) => ({
      key: `run${i}`,
      config: { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.01 * (i + 1) }, steps: 250 } as SimulationConfig,
    }));
    const { dispatcher, scheduler, messages } = setup({ now: tickingClock(1000) });
    dispatcher.handle({ type: 'run', generation: 1, runs });
    expect(scheduler.drain()).toBe(1);
    for (const { key, config } of runs) {
      const chunks = chunksOf(messages(), key);
      expect(chunks).toHaveLength(1);
      expect(sameBits(chunks[0], simulate(config).points)).toBe(true);
      expect(messages().filter((m) => isDone(m, key))).toHaveLength(1);
    }
  });

  it('ends a slice when its budget is spent and resumes with the run whose turn it is', () => {
    const runs = ['a', 'b', 'c'].map((key) => ({
      key, config: { surface: 'ellipse', optimizer: { id: 'gd' }, steps: 100 } as SimulationConfig,
    }));
    // The clock reads 1, 2, 3, …: the first slice (3 ms) fits 3 chunks, later ones (2 ms) fit 2.
    const { dispatcher, scheduler, messages } = setup({ sliceMs: 2, firstSliceMs: 3, eagerSteps: 0, chunkSteps: 10, now: tickingClock() });
    dispatcher.handle({ type: 'run', generation: 1, runs });
    const stepsSoFar = () => runs.map(({ key }) => concat(chunksOf(messages(), key)).length / 3 - 1);
    scheduler.step();
    expect(stepsSoFar()).toEqual([10, 10, 10]);
    scheduler.step();
    expect(stepsSoFar()).toEqual([20, 20, 10]);
    scheduler.step();
    expect(stepsSoFar()).toEqual([30, 20, 20]);
    scheduler.drain();
    expect(stepsSoFar()).toEqual([100, 100, 100]);
  });

  it('stops an older generation mid-way when a newer run request arrives', () => {
    const { dispatcher, scheduler, messages } = setup({ ...finest, chunkSteps: 10 });
    const long: SimulationConfig = { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.02 }, steps: 2000 };
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'old', config: long }] });
    for (let i = 0; i < 5; i++) scheduler.step();
    expect(chunksOf(messages(), 'old', 1).length).toBe(5);
    const handledAt = messages().length;
    const next: SimulationConfig = { ...long, steps: 300, optimizer: { id: 'adam', learningRate: 0.03 } };
    dispatcher.handle({ type: 'run', generation: 2, runs: [{ key: 'new', config: next }] });
    scheduler.drain();
    const after = messages().slice(handledAt);
    expect(after.some((m) => m.generation === 1)).toBe(false);
    expect(sameBits(concat(chunksOf(after, 'new', 2)), simulate(next).points)).toBe(true);
    expect(messages().some((m) => isDone(m, 'old'))).toBe(false);
  });

  it('stops running when cancelled, but not for a cancel of an older generation', () => {
    const { dispatcher, scheduler, messages } = setup({ ...finest, chunkSteps: 10 });
    const config: SimulationConfig = { surface: 'beale', optimizer: { id: 'adam', learningRate: 0.01 }, steps: 500 };
    dispatcher.handle({ type: 'run', generation: 4, runs: [{ key: 'a', config }] });
    scheduler.step();
    dispatcher.handle({ type: 'cancel', generation: 3 });
    scheduler.step();
    expect(chunksOf(messages(), 'a')).toHaveLength(2);
    dispatcher.handle({ type: 'cancel', generation: 4 });
    scheduler.drain();
    expect(chunksOf(messages(), 'a')).toHaveLength(2);
    expect(messages().every((m) => m.type === 'chunk')).toBe(true);
    expect(scheduler.pending).toBe(0);
  });

  it('computes only the newest of a burst of run requests', () => {
    const { dispatcher, scheduler, messages } = setup();
    for (let generation = 1; generation <= 5; generation++) {
      const config: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.1 * generation }, steps: 40 };
      dispatcher.handle({ type: 'run', generation, runs: [{ key: 'drag', config }] });
    }
    scheduler.drain();
    expect(new Set(messages().map((m) => m.generation))).toEqual(new Set([5]));
  });

  it('ignores a run request older than the latest one', () => {
    const { dispatcher, scheduler, messages } = setup();
    const config: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd' }, steps: 10 };
    dispatcher.handle({ type: 'run', generation: 9, runs: [{ key: 'a', config }] });
    dispatcher.handle({ type: 'run', generation: 8, runs: [{ key: 'b', config }] });
    scheduler.drain();
    expect(messages().map((m) => [m.type, m.generation, 'key' in m && m.key])).toEqual([
      ['chunk', 9, 'a'],
      ['done', 9, 'a'],
    ]);
  });

  it('sends an empty path and a done for a run whose start is not finite, as simulate does', () => {
    const config: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd' }, steps: 10, start: [Number.NaN, 0] };
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'nan', config }] });
    scheduler.drain();
    const expected = simulate(config);
    expect(expected.points).toHaveLength(0);
    expect(chunksOf(messages(), 'nan')).toHaveLength(0);
    expect(messages().find((m) => isDone(m, 'nan'))).toMatchObject({ status: 'diverged', stoppedAt: 0 });
  });

  it('attaches the per-step record to done when a run asks for explain', () => {
    const config: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'adam', learningRate: 0.1 }, steps: 30, explain: true };
    const { dispatcher, scheduler, posted } = setup({ ...finest, chunkSteps: 8 });
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'x', config }] });
    scheduler.drain();
    const done = posted.find((p) => p.message.type === 'done')!;
    if (done.message.type !== 'done') throw new Error('no done message');
    const expected = simulate(config).explain!;
    expect(sameBits(done.message.explain!.gradients, expected.gradients)).toBe(true);
    expect(sameBits(done.message.explain!.learningRates, expected.learningRates)).toBe(true);
    expect(done.transfer).toContain(done.message.explain!.gradients.buffer);
  });
});

describe('dispatcher default scheduler', () => {
  it('yields through the event loop between slices and still delivers the exact path', async () => {
    const config: SimulationConfig = { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.02 }, steps: 5000 };
    const { post, messages } = createRecorder();
    // A 0 ms budget makes every chunk its own slice, so the run needs many trips through the event loop.
    const dispatcher = createDispatcher(post, undefined, { sliceMs: 0, firstSliceMs: 0, eagerSteps: 0, chunkSteps: 1000 });
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config }] });
    expect(messages()).toHaveLength(0);
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (messages().some((m) => m.type === 'done')) resolve();
        else if (Date.now() - started > 5000) reject(new Error('the run never finished'));
        else setTimeout(poll, 1);
      };
      poll();
    });
    expect(chunksOf(messages(), 'a')).toHaveLength(5);
    expect(sameBits(concat(chunksOf(messages(), 'a')), simulate(config).points)).toBe(true);
  });
});
