import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSurface, sampleGrid, simulate, type SimulationConfig, type ViewBox } from '../../src/core';
import { createTrajectoryStore } from '../../src/state/trajectories';
import { createWorkerClient, prestartWorker, workerMessages, type GridResult } from '../../src/worker/client';
import { createContourSet } from '../../src/plot/contours';
import { createDispatcher } from '../../src/worker/dispatcher';
import type { RunRequest, ToWorker } from '../../src/worker/protocol';
import { createManualScheduler, FakeWorker, sameBits } from './harness';

const view: ViewBox = { x: [-2, 2], y: [-1, 3] };
const runs: RunRequest[] = [
  { key: 'a', config: { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.05 }, steps: 100 } },
  { key: 'b', config: { surface: 'rosenbrock', optimizer: { id: 'gd', learningRate: 0.001 }, steps: 100 } },
];
const point = (x: number) => new Float64Array([x, x, x]);

function setup() {
  const trajectories = createTrajectoryStore();
  const onGrid = vi.fn<(grid: GridResult) => void>();
  const onError = vi.fn<(message: string) => void>();
  const client = createWorkerClient({ createWorker: () => new FakeWorker(), trajectories, onGrid, onError });
  const current = () => FakeWorker.created.at(-1)!;
  return { client, trajectories, onGrid, onError, current };
}

function lastOfType<T extends ToWorker['type']>(worker: FakeWorker, type: T) {
  return worker.posted.filter((m): m is Extract<ToWorker, { type: T }> => m.type === type).at(-1)!;
}

beforeEach(() => {
  FakeWorker.created = [];
});

describe('worker client', () => {
  it('creates the worker on the first request, numbers it, resets the store and posts the runs', () => {
    const { client, trajectories, current } = setup();
    expect(FakeWorker.created).toHaveLength(0);
    client.run(runs);
    expect(FakeWorker.created).toHaveLength(1);
    expect(current().posted).toEqual([{ type: 'run', generation: 1, runs }]);
    expect(trajectories.keys()).toEqual(['a', 'b']);
    client.requestGrid('rosenbrock', view, 30, 20);
    expect(current().posted[1]).toEqual({ type: 'grid', generation: 2, surface: 'rosenbrock', view, nx: 30, ny: 20 });
  });

  it('computes again only the runs a new request changed; a finished, unchanged run keeps its points', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    for (const key of ['a', 'b']) {
      current().reply({ type: 'chunk', generation: 1, key, points: new Float64Array([1, 1, 1, 2, 2, 2]) });
      current().reply({ type: 'done', generation: 1, key, status: 'budget', stoppedAt: 1, message: 'ran all steps', steps: 1 });
    }
    const keptPoints = trajectories.get('b')!.points;
    // A learning-rate step on run a: only a goes to the worker, b stays as it was.
    const stepped: RunRequest[] = [{ ...runs[0], config: { ...runs[0].config, optimizer: { id: 'adam', learningRate: 0.06 } } }, runs[1]];
    client.run(stepped);
    expect(lastOfType(current(), 'run')).toEqual({ type: 'run', generation: 2, runs: [stepped[0]] });
    expect(trajectories.get('a')).toMatchObject({ count: 0, status: 'running' });
    expect(trajectories.get('b')).toMatchObject({ count: 2, status: 'budget' });
    expect(trajectories.get('b')!.points).toBe(keptPoints);
    expect(trajectories.complete()).toBe(false);
    current().reply({ type: 'chunk', generation: 2, key: 'a', points: point(3) });
    current().reply({ type: 'done', generation: 2, key: 'a', status: 'budget', stoppedAt: 0, message: 'ran all steps', steps: 0 });
    expect(trajectories.complete()).toBe(true);
    // The same request again computes nothing; the worker is still told, so it drops any older work.
    client.run(stepped);
    expect(lastOfType(current(), 'run')).toEqual({ type: 'run', generation: 3, runs: [] });
    expect(trajectories.get('a')).toMatchObject({ count: 1, status: 'budget' });
  });

  it('computes an unchanged run again when it had not finished, or when its request changed while it ran', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    current().reply({ type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 0, message: 'ran all steps', steps: 0 });
    // b was still streaming when the request came again: its partial points would be a wrong picture.
    client.run(runs);
    expect(lastOfType(current(), 'run').runs.map((run) => run.key)).toEqual(['b']);
    expect(trajectories.get('b')).toMatchObject({ count: 0, status: 'running' });
    // A run removed and added back with another request is computed, whatever the store holds under its key.
    const other: RunRequest[] = [runs[0], { key: 'b', config: { ...runs[1].config, steps: 50 } }];
    current().reply({ type: 'done', generation: 2, key: 'b', status: 'budget', stoppedAt: 0, message: 'ran all steps', steps: 0 });
    client.run(other);
    expect(lastOfType(current(), 'run').runs).toEqual([other[1]]);
  });

  it('files chunks and done of the latest run into the trajectory store', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    current().reply({ type: 'chunk', generation: 1, key: 'a', points: point(1) });
    current().reply({ type: 'chunk', generation: 1, key: 'a', points: point(2) });
    current().reply({ type: 'done', generation: 1, key: 'a', status: 'converged', stoppedAt: 1, message: 'Converged.', steps: 1 });
    expect(trajectories.get('a')).toMatchObject({ count: 2, status: 'converged', stoppedAt: 1, message: 'Converged.' });
    expect(Array.from(trajectories.get('a')!.points.subarray(0, 6))).toEqual([1, 1, 1, 2, 2, 2]);
    expect(trajectories.get('b')).toMatchObject({ count: 0, status: 'running' });
  });

  it('files a batch of one time slice and tells the store listeners once', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    const heard = vi.fn();
    trajectories.subscribe(heard);
    current().reply({
      type: 'batch',
      generation: 1,
      messages: [
        { type: 'chunk', generation: 1, key: 'a', points: new Float64Array([1, 1, 1, 2, 2, 2]) },
        { type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 1, message: 'ran all steps', steps: 1 },
        { type: 'chunk', generation: 1, key: 'b', points: point(5) },
      ],
    });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(trajectories.get('a')).toMatchObject({ count: 2, status: 'budget' });
    expect(trajectories.get('b')).toMatchObject({ count: 1, status: 'running' });
    expect(trajectories.complete()).toBe(false);
  });

  it('drops chunks, done messages and errors of a superseded run', () => {
    const { client, trajectories, onError, current } = setup();
    client.run(runs);
    client.run(runs.slice(0, 1));
    current().reply({ type: 'chunk', generation: 1, key: 'a', points: point(9) });
    current().reply({ type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 5, message: 'old', steps: 5 });
    current().reply({ type: 'error', generation: 1, scope: 'run', key: 'a', message: 'old failure' });
    expect(trajectories.get('a')).toMatchObject({ count: 0, status: 'running' });
    expect(onError).not.toHaveBeenCalled();
    current().reply({ type: 'chunk', generation: 2, key: 'a', points: point(3) });
    expect(trajectories.get('a')!.count).toBe(1);
  });

  it('sends every grid request at once and draws only the answer to the newest', () => {
    const { client, onGrid, current } = setup();
    client.requestGrid('bowl', view, 2, 2);
    client.requestGrid('saddle', view, 2, 2);
    client.requestGrid({ id: 'bumpy', ripple: 0.5 }, view, 2, 2);
    // The worker drops what it was computing for the newest; it needs to see it now.
    expect(current().posted.map((m) => m.type === 'grid' && [m.generation, m.surface])).toEqual([
      [1, 'bowl'], [2, 'saddle'], [3, { id: 'bumpy', ripple: 0.5 }],
    ]);
    const values = new Float64Array([1, 2, 3, 4]);
    const contours = createContourSet(values, 2, 2);
    // An answer to a request left behind (the worker had finished it) is not drawn, and its picture is freed.
    const close = vi.fn();
    const picture = { bitmap: { close } as unknown as ImageBitmap, width: 2, height: 2, ratio: 1 };
    current().reply({ type: 'grid', generation: 1, values, nx: 2, ny: 2, view, criticalPoints: [], contours, final: true, picture });
    expect(onGrid).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    current().reply({ type: 'grid', generation: 3, values, nx: 2, ny: 2, view, criticalPoints: [], contours, final: true });
    expect(onGrid).toHaveBeenCalledExactlyOnceWith({ surface: { id: 'bumpy', ripple: 0.5 }, view, nx: 2, ny: 2, values, criticalPoints: [], contours, final: true });
  });

  it('drops the grid being computed when the page answered it itself: the worker is told, a late answer is not drawn, a new worker is not asked', () => {
    const { client, onGrid, current } = setup();
    client.requestGrid('bowl', view, 2, 2);
    client.dropGrid();
    expect(current().posted.at(-1)).toEqual({ type: 'dropGrid', generation: 2 });
    const values = new Float64Array([1, 2, 3, 4]);
    current().reply({ type: 'grid', generation: 1, values, nx: 2, ny: 2, view, criticalPoints: [], contours: createContourSet(values, 2, 2), final: true });
    expect(onGrid).not.toHaveBeenCalled();
    current().crash();
    expect(current().posted.filter((m) => m.type === 'grid')).toEqual([]);
    // Nothing in flight: nothing to drop, nothing sent.
    client.dropGrid();
    expect(current().posted.filter((m) => m.type === 'dropGrid')).toEqual([]);
  });

  it('asks a restarted worker for the newest grid, not the one the dead worker was computing', () => {
    const { client, current } = setup();
    client.requestGrid('bowl', view, 2, 2);
    client.requestGrid('saddle', view, 3, 3);
    current().crash();
    expect(current().posted).toEqual([{ type: 'grid', generation: 3, surface: 'saddle', view, nx: 3, ny: 3 }]);
  });

  it('says nothing of an older grid that failed, and tells the newest one\'s failure', () => {
    const { client, onError, current } = setup();
    client.requestGrid('bowl', view, 2, 2);
    client.requestGrid('saddle', view, 2, 2);
    current().reply({ type: 'error', generation: 1, scope: 'grid', message: 'Old grid failed.' });
    expect(onError).not.toHaveBeenCalled();
    current().reply({ type: 'error', generation: 2, scope: 'grid', message: 'Grid failed.' });
    expect(onError).toHaveBeenCalledWith('Grid failed.');
  });

  it('keeps runs and grids apart: a grid request does not make run chunks stale', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    client.requestGrid('bowl', view, 2, 2);
    current().reply({ type: 'chunk', generation: 1, key: 'b', points: point(4) });
    expect(trajectories.get('b')!.count).toBe(1);
  });

  it('tells the user about an error of the latest run or grid', () => {
    const { client, onError, current } = setup();
    client.run(runs);
    client.requestGrid('bowl', view, 2, 2);
    current().reply({ type: 'error', generation: 1, scope: 'run', key: 'b', message: 'Run b failed.' });
    current().reply({ type: 'error', generation: 2, scope: 'grid', message: 'Grid failed.' });
    current().reply({ type: 'error', generation: 1, scope: 'grid', message: 'Mismatched scope.' });
    expect(onError.mock.calls).toEqual([['Run b failed.'], ['Grid failed.']]);
  });

  it('restarts a crashed worker, recomputes the unfinished runs and the unanswered grid, and says so', () => {
    const { client, trajectories, onError, current } = setup();
    client.run(runs);
    client.requestGrid('rosenbrock', view, 30, 20);
    const first = current();
    first.reply({ type: 'chunk', generation: 1, key: 'a', points: point(1) });
    first.crash();
    expect(first.terminated).toBe(true);
    expect(FakeWorker.created).toHaveLength(2);
    expect(client.restartCount).toBe(1);
    expect(current().posted).toEqual([
      { type: 'run', generation: 3, runs },
      { type: 'grid', generation: 4, surface: 'rosenbrock', view, nx: 30, ny: 20 },
    ]);
    // The partial path of the dead worker is gone; the new one starts from scratch.
    expect(trajectories.get('a')!.count).toBe(0);
    expect(onError).toHaveBeenCalledWith(workerMessages.restarted);
  });

  it('treats a messageerror as a crash', () => {
    const { client, current } = setup();
    client.run(runs);
    current().crash('messageerror');
    expect(client.restartCount).toBe(1);
    expect(lastOfType(current(), 'run')).toEqual({ type: 'run', generation: 2, runs });
  });

  it('ignores messages and crashes from a worker it already replaced', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    const first = current();
    first.crash();
    first.reply({ type: 'chunk', generation: 2, key: 'a', points: point(7) });
    first.crash();
    expect(trajectories.get('a')!.count).toBe(0);
    expect(client.restartCount).toBe(1);
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('does not recompute runs that had finished or a grid that was answered when the worker died', () => {
    const { client, onError, current } = setup();
    client.run(runs.slice(0, 1));
    client.requestGrid('bowl', view, 2, 2);
    current().reply({ type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 100, message: '', steps: 100 });
    current().reply({ type: 'grid', generation: 2, values: new Float64Array(4), nx: 2, ny: 2, view, criticalPoints: [], contours: createContourSet(new Float64Array(4), 2, 2), final: true });
    current().crash();
    expect(current().posted).toEqual([]);
    expect(client.restartCount).toBe(1);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('draws a preview but asks for the grid again, without a preview, if the worker dies before the full one', () => {
    const { client, onGrid, current } = setup();
    client.requestGrid('bowl', view, 30, 20, { nx: 10, ny: 7 });
    expect(current().posted).toEqual([{ type: 'grid', generation: 1, surface: 'bowl', view, nx: 30, ny: 20, preview: { nx: 10, ny: 7 } }]);
    const values = new Float64Array(70);
    current().reply({ type: 'grid', generation: 1, values, nx: 10, ny: 7, view, criticalPoints: [], contours: createContourSet(values, 10, 7), final: false });
    expect(onGrid).toHaveBeenCalledWith(expect.objectContaining({ nx: 10, ny: 7, final: false }));
    current().crash();
    expect(lastOfType(current(), 'grid')).toEqual({ type: 'grid', generation: 2, surface: 'bowl', view, nx: 30, ny: 20 });
  });

  it('draws an answer to the request before for the same surface and view until the newest is answered, no other', () => {
    const { client, onGrid, current } = setup();
    const reply = (generation: number, n: number, final: boolean, at = view) => {
      const values = new Float64Array(n * n);
      current().reply({ type: 'grid', generation, values, nx: n, ny: n, view: at, criticalPoints: [], contours: createContourSet(values, n, n), final });
    };
    // Opening: a grid asked before the plot was measured, then the plot's own size.
    client.requestGrid('bowl', view, 30, 20, { nx: 10, ny: 7 });
    client.requestGrid('bowl', view, 33, 24, { nx: 11, ny: 8 });
    reply(1, 10, false);
    expect(onGrid).toHaveBeenCalledTimes(1);
    reply(2, 33, true);
    expect(onGrid).toHaveBeenLastCalledWith(expect.objectContaining({ nx: 33, final: true }));
    // Answered: a late answer to the request before is not drawn over it.
    reply(1, 30, true);
    expect(onGrid).toHaveBeenCalledTimes(2);
    // Three requests for one view before any answer: the first one's preview is still drawn.
    client.requestGrid('bowl', view, 30, 20, { nx: 10, ny: 7 });
    client.requestGrid('bowl', view, 33, 24, { nx: 11, ny: 8 });
    client.requestGrid('bowl', view, 36, 26, { nx: 12, ny: 9 });
    reply(3, 10, false);
    expect(onGrid).toHaveBeenCalledTimes(3);
    reply(5, 36, true);
    expect(onGrid).toHaveBeenCalledTimes(4);
    reply(4, 33, true);
    expect(onGrid).toHaveBeenCalledTimes(4);
    // A zoom: the answer for the view left behind is never drawn.
    const zoomed: ViewBox = { x: [-1, 1], y: [0, 2] };
    client.requestGrid('bowl', view, 33, 24);
    client.requestGrid('bowl', zoomed, 33, 24);
    reply(6, 33, true);
    expect(onGrid).toHaveBeenCalledTimes(4);
    reply(7, 33, true, zoomed);
    expect(onGrid).toHaveBeenCalledTimes(5);
  });

  it('never draws a gesture\'s grid, whose levels were kept from another view, for the full request after it', () => {
    const { client, onGrid, current } = setup();
    const kept = { levels: [0, 1, 2], spacing: 'linear' as const, extent: [0, 3] as [number, number] };
    client.requestGrid('bowl', view, 40, 40, undefined, undefined, kept);
    expect(lastOfType(current(), 'grid')).toMatchObject({ generation: 1, thresholds: kept });
    // The gesture ends on the same view: the full grid is asked for, choosing its own levels.
    client.requestGrid('bowl', view, 40, 40);
    const values = new Float64Array(1600);
    current().reply({ type: 'grid', generation: 1, values, nx: 40, ny: 40, view, criticalPoints: [], contours: createContourSet(values, 40, 40), final: true });
    expect(onGrid).not.toHaveBeenCalled();
  });

  it('kill() terminates the worker and recovers as from a crash', () => {
    const { client, current } = setup();
    client.run(runs);
    const first = current();
    client.kill();
    expect(first.terminated).toBe(true);
    expect(client.restartCount).toBe(1);
    expect(lastOfType(current(), 'run').generation).toBe(2);
  });

  it('stops restarting a worker that dies again and again before replying, and says so', () => {
    const { client, onError, current } = setup();
    client.run(runs);
    for (let i = 0; i < 4; i++) current().crash();
    expect(client.restartCount).toBe(3);
    expect(onError).toHaveBeenLastCalledWith(workerMessages.gaveUp);
    const created = FakeWorker.created.length;
    // The next request of the user tries once more.
    client.run(runs);
    expect(FakeWorker.created).toHaveLength(created + 1);
    expect(current().posted).toHaveLength(1);
  });

  it('reports a worker that cannot be created instead of throwing, and tries again on the next request', () => {
    const trajectories = createTrajectoryStore();
    const onError = vi.fn<(message: string) => void>();
    let fail = true;
    const createWorker = () => {
      if (fail) throw new Error('Workers are not supported here.');
      return new FakeWorker();
    };
    const client = createWorkerClient({ createWorker, trajectories, onGrid: () => {}, onError });
    expect(() => client.run(runs)).not.toThrow();
    expect(onError).toHaveBeenCalledWith('Workers are not supported here.');
    fail = false;
    client.run(runs);
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0].posted).toEqual([{ type: 'run', generation: 2, runs }]);
  });

  it('dispose terminates the worker and later requests do nothing', () => {
    const { client, current } = setup();
    client.run(runs);
    client.dispose();
    expect(current().terminated).toBe(true);
    client.run(runs);
    client.requestGrid('bowl', view, 2, 2);
    client.kill();
    expect(FakeWorker.created).toHaveLength(1);
    expect(client.restartCount).toBe(0);
  });
});

describe('worker client giving chunk buffers back', () => {
  it('gives the worker back the buffers of a batch once the store has copied them, in one message', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    const a = new Float64Array([1, 2, 3]);
    const b = new Float64Array([4, 5, 6, 7, 8, 9]);
    const buffers = [a.buffer, b.buffer];
    current().reply({
      type: 'batch', generation: 1,
      messages: [{ type: 'chunk', generation: 1, key: 'a', points: a }, { type: 'chunk', generation: 1, key: 'b', points: b }],
    });
    expect(Array.from(trajectories.get('a')!.points.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(trajectories.get('b')!.points.subarray(0, 6))).toEqual([4, 5, 6, 7, 8, 9]);
    const recycles = current().posted.flatMap((m, i) => (m.type === 'recycle' ? [i] : []));
    expect(recycles).toHaveLength(1);
    expect(current().transfers[recycles[0]]).toEqual(buffers);
    // Transferred: this page can no longer read them (and nothing of the store points into them).
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(trajectories.get('b')!.points[5]).toBe(9);
  });

  it('gives back later chunks at once after a batch whose store listener threw', () => {
    const { client, trajectories, current } = setup();
    client.run(runs);
    const unsubscribe = trajectories.subscribe(() => {
      throw new Error('a painter failed');
    });
    expect(() => current().reply({ type: 'batch', generation: 1, messages: [{ type: 'chunk', generation: 1, key: 'a', points: point(1) }] })).toThrow();
    unsubscribe();
    expect(current().posted.filter((m) => m.type === 'recycle')).toHaveLength(1);
    const single = point(2);
    current().reply({ type: 'chunk', generation: 1, key: 'a', points: single });
    expect(current().posted.filter((m) => m.type === 'recycle')).toHaveLength(2);
    expect(single.buffer.byteLength).toBe(0);
  });

  it('gives back a chunk of an older generation too; a disposed client posts nothing more', () => {
    const { client, current } = setup();
    client.run(runs);
    client.run([runs[0]]);
    const stale = point(7);
    current().reply({ type: 'chunk', generation: 1, key: 'a', points: stale });
    expect(lastOfType(current(), 'recycle')).toBeDefined();
    expect(stale.buffer.byteLength).toBe(0);
    const worker = current();
    const posted = worker.posted.length;
    client.dispose();
    worker.reply({ type: 'chunk', generation: 2, key: 'a', points: point(8) });
    expect(worker.posted.length).toBe(posted);
  });
});

/**
 * A fake worker with the real dispatcher behind it; one queue stands in for
 * the event loop. Messages are cloned as postMessage clones them, transfer
 * lists included: a transferred buffer is detached on the sending side.
 */
function createLoopback() {
  const loop = createManualScheduler();
  let t = 0;
  class LoopbackWorker extends FakeWorker {
    private readonly dispatcher = createDispatcher(
      (message, transfer = []) => {
        const delivered = structuredClone(message, { transfer });
        loop.schedule(() => this.terminated || this.reply(delivered));
      },
      (task) => loop.schedule(() => this.terminated || task()),
      // Tiny slices so a run spans many round trips.
      { sliceMs: 0, firstSliceMs: 0, eagerSteps: 0, chunkSteps: 16, now: () => ++t },
    );
    override postMessage(message: ToWorker, transfer: Transferable[] = []) {
      super.postMessage(message, transfer);
      const delivered = this.posted.at(-1)!;
      loop.schedule(() => this.terminated || this.dispatcher.handle(delivered));
    }
  }
  return { loop, LoopbackWorker };
}

describe('worker client with the real dispatcher', () => {
  it('ends with exactly simulate’s paths while the chunk buffers go back and forth', () => {
    const { loop, LoopbackWorker } = createLoopback();
    const trajectories = createTrajectoryStore();
    const client = createWorkerClient({ createWorker: () => new LoopbackWorker(), trajectories, onGrid: vi.fn(), onError: vi.fn() });
    const configs: SimulationConfig[] = runs.map((run) => ({ ...run.config, steps: 600 }));
    client.run(configs.map((config, i) => ({ key: runs[i].key, config })));
    loop.drain();
    const worker = FakeWorker.created.at(-1)!;
    // Many chunks, many buffers given back: later chunks were written into them.
    expect(worker.posted.filter((m) => m.type === 'recycle').length).toBeGreaterThan(10);
    runs.forEach(({ key }, i) => {
      const trajectory = trajectories.get(key)!;
      expect(sameBits(trajectory.points.subarray(0, trajectory.count * 3), simulate(configs[i]).points), key).toBe(true);
    });
  });

  it('ends with exactly simulate’s paths even when the worker is killed mid-run', () => {
    const { loop, LoopbackWorker } = createLoopback();
    const trajectories = createTrajectoryStore();
    const onGrid = vi.fn<(grid: GridResult) => void>();
    const onError = vi.fn<(message: string) => void>();
    const client = createWorkerClient({ createWorker: () => new LoopbackWorker(), trajectories, onGrid, onError });
    const configs: SimulationConfig[] = runs.map((run) => ({ ...run.config, steps: 400 }));
    client.run(configs.map((config, i) => ({ key: runs[i].key, config })));
    client.requestGrid('rosenbrock', view, 12, 9);
    for (let i = 0; i < 20; i++) loop.step();
    expect(trajectories.get('a')!.count).toBeGreaterThan(1);
    expect(trajectories.get('a')!.status).toBe('running');
    client.kill();
    loop.drain();
    expect(client.restartCount).toBe(1);
    expect(onError).toHaveBeenCalledWith(workerMessages.restarted);
    runs.forEach(({ key }, i) => {
      const trajectory = trajectories.get(key)!;
      const expected = simulate(configs[i]);
      expect(sameBits(trajectory.points.subarray(0, trajectory.count * 3), expected.points), key).toBe(true);
      expect(trajectory).toMatchObject({ status: expected.status, stoppedAt: expected.stoppedAt, message: expected.message });
    });
    expect(onGrid).toHaveBeenCalledTimes(1);
    expect(sameBits(onGrid.mock.calls[0][0].values, sampleGrid(createSurface('rosenbrock'), view, 12, 9))).toBe(true);
  });
});

describe('a worker started before the page', () => {
  it('is the one the first client uses, so its script loads once; a replacement after a crash is a new one', () => {
    vi.stubGlobal('Worker', FakeWorker);
    try {
      prestartWorker();
      prestartWorker(); // a second call starts nothing more
      expect(FakeWorker.created).toHaveLength(1);
      const early = FakeWorker.created[0];
      const client = createWorkerClient({ trajectories: createTrajectoryStore(), onGrid: () => {}, onError: () => {} });
      client.run(runs);
      expect(FakeWorker.created).toHaveLength(1);
      expect(early.posted).toEqual([{ type: 'run', generation: 1, runs }]);
      client.kill();
      expect(FakeWorker.created).toHaveLength(2);
      expect(FakeWorker.created[1].posted.at(-1)).toMatchObject({ type: 'run', runs });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
