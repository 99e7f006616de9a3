import { describe, expect, it } from 'vitest';
import { createSurface, sampleGrid, simulate, type SimulationConfig, type ViewBox } from '../../src/core';
import { createDispatcher, type DispatcherOptions } from '../../src/worker/dispatcher';
import { createContourSet } from '../../src/plot/contours';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { chunksOf, concat, createManualScheduler, createRecorder, sameBits } from './harness';

function setup(post?: (message: FromWorker, transfer?: Transferable[]) => void, options?: DispatcherOptions) {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  const dispatcher = createDispatcher(post ?? recorder.post, scheduler.schedule, options);
  return { ...recorder, scheduler, dispatcher };
}

/**
 * A clock that stands still, for tests that expect the preview within the
 * first task: on a busy machine a real clock's slice could run out first.
 */
const standingClock: DispatcherOptions = { now: () => 0 };

const good: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.3 }, steps: 60 };

describe('dispatcher errors', () => {
  it('reports a run whose configuration throws and still finishes the other runs', () => {
    const broken = {
      ...good,
      get surface(): never {
        throw new Error('surface exploded');
      },
    } as SimulationConfig;
    const { dispatcher, scheduler, messages } = setup();
    expect(() =>
      dispatcher.handle({ type: 'run', generation: 2, runs: [{ key: 'bad', config: broken }, { key: 'good', config: good }] }),
    ).not.toThrow();
    expect(() => scheduler.drain()).not.toThrow();
    expect(messages()).toContainEqual({ type: 'error', generation: 2, scope: 'run', key: 'bad', message: 'surface exploded' });
    expect(sameBits(concat(chunksOf(messages(), 'good')), simulate(good).points)).toBe(true);
    expect(chunksOf(messages(), 'bad')).toHaveLength(0);
  });

  it('reports an unknown surface as an error of that run', () => {
    const { dispatcher, scheduler, messages } = setup();
    const config = { ...good, surface: 'moebius' } as unknown as SimulationConfig;
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'm', config }] });
    scheduler.drain();
    expect(messages()).toEqual([expect.objectContaining({ type: 'error', generation: 1, scope: 'run', key: 'm' })]);
  });

  it('turns an unknown request type into an error message instead of throwing', () => {
    const { dispatcher, scheduler, messages } = setup();
    expect(() => dispatcher.handle({ type: 'explode', generation: 7 } as unknown as ToWorker)).not.toThrow();
    scheduler.drain();
    expect(messages()).toEqual([{ type: 'error', generation: 7, scope: 'run', message: 'Unknown request type: explode.' }]);
  });

  it('turns a run request without a list of runs into an error', () => {
    const { dispatcher, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 3 } as unknown as ToWorker);
    expect(messages()).toEqual([expect.objectContaining({ type: 'error', generation: 3, scope: 'run' })]);
  });

  it('survives a message that is not an object at all', () => {
    const { dispatcher, messages } = setup();
    expect(() => dispatcher.handle(null as unknown as ToWorker)).not.toThrow();
    expect(messages()).toEqual([expect.objectContaining({ type: 'error', generation: -1 })]);
  });

  it('reports a chunk that cannot be posted as an error of its run', () => {
    const recorder = createRecorder();
    const { dispatcher, scheduler } = setup((message, transfer) => {
      // A chunk cannot be cloned, alone or inside a slice's batch.
      if (message.type === 'chunk' || (message.type === 'batch' && message.messages.some((m) => m.type === 'chunk'))) {
        throw new Error('DataCloneError');
      }
      recorder.post(message, transfer);
    });
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: good }] });
    expect(() => scheduler.drain()).not.toThrow();
    expect(recorder.messages()[0]).toEqual({ type: 'error', generation: 1, scope: 'run', key: 'a', message: 'DataCloneError' });
    // The rest of the slice still arrives: the run's end.
    expect(recorder.messages()[1]).toMatchObject({ type: 'done', generation: 1, key: 'a' });
  });

  it('posts one time slice of several runs as one batch, transferring every chunk', () => {
    const { dispatcher, scheduler, batches, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: good }, { key: 'b', config: { ...good, steps: 30 } }] });
    scheduler.drain();
    expect(batches).toHaveLength(1);
    const [{ message, transfer }] = batches;
    if (message.type !== 'batch') throw new Error('expected a batch');
    expect(message.messages.map((m) => `${m.type}:${'key' in m ? m.key : ''}`)).toEqual(['chunk:a', 'done:a', 'chunk:b', 'done:b']);
    expect(transfer).toHaveLength(2);
    expect(messages().map((m) => m.type)).toEqual(['chunk', 'done', 'chunk', 'done']);
  });

  it('never throws even when posting the error fails too', () => {
    const { dispatcher, scheduler } = setup(() => {
      throw new Error('port closed');
    });
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: good }] });
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'bowl', view: { x: [-1, 1], y: [-1, 1] }, nx: 4, ny: 4 });
    expect(() => scheduler.drain()).not.toThrow();
  });
});

describe('dispatcher grids', () => {
  const view: ViewBox = { x: [-5, 5], y: [-5, 5] };

  it('samples the grid exactly as core sampleGrid does and transfers the values', () => {
    const { dispatcher, scheduler, posted } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: { id: 'bumpy', ripple: 0.2 }, view, nx: 41, ny: 23 });
    scheduler.drain();
    expect(posted).toHaveLength(1);
    const { message, transfer } = posted[0];
    if (message.type !== 'grid') throw new Error(`expected a grid, got ${message.type}`);
    const expected = sampleGrid(createSurface({ id: 'bumpy', ripple: 0.2 }), view, 41, 23);
    expect(sameBits(message.values, expected)).toBe(true);
    expect(message).toMatchObject({ generation: 1, nx: 41, ny: 23, view });
    expect(transfer).toEqual([message.values.buffer]);
  });

  it('sends the contours of the grid with it, so the page never contours', () => {
    const { dispatcher, scheduler, posted } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'rosenbrock', view, nx: 30, ny: 20, levelCount: 12 });
    scheduler.drain();
    const message = posted[0].message;
    if (message.type !== 'grid') throw new Error(`expected a grid, got ${message.type}`);
    const values = sampleGrid(createSurface('rosenbrock'), view, 30, 20);
    expect(message.contours).toEqual(createContourSet(values, 30, 20, 12));
    const byDefault = createContourSet(values, 30, 20);
    expect(message.contours.levels.length).toBeLessThan(byDefault.levels.length);
    expect(message.contours.spacing).toBe('log');
    // An absurd level count falls back to the default twenty.
    dispatcher.handle({ type: 'grid', generation: 3, surface: 'rosenbrock', view, nx: 30, ny: 20, levelCount: 1e9 });
    scheduler.drain();
    const absurd = posted[posted.length - 1].message;
    if (absurd.type !== 'grid') throw new Error(`expected a grid, got ${absurd.type}`);
    expect(absurd.contours).toEqual(byDefault);
  });

  it('contours with the levels a request keeps (a gesture\'s grids), and ignores ones that are not levels', () => {
    const { dispatcher, scheduler, messages } = setup();
    const zoomed: ViewBox = { x: [-1, 1], y: [-1, 1] };
    const opening = createContourSet(sampleGrid(createSurface('rosenbrock'), view, 30, 20), 30, 20);
    const thresholds = { levels: opening.levels, spacing: opening.spacing, extent: opening.extent };
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'rosenbrock', view: zoomed, nx: 30, ny: 20, thresholds });
    scheduler.drain();
    const kept = messages()[0];
    if (kept.type !== 'grid') throw new Error('expected a grid');
    const values = sampleGrid(createSurface('rosenbrock'), zoomed, 30, 20);
    expect(kept.contours.levels.slice(1)).toEqual(opening.levels.slice(1));
    expect(kept.contours.levels[0]).toBe(Math.min(opening.levels[0], ...values));
    expect(kept.contours.spacing).toBe(opening.spacing);
    // Not levels (a hostile or broken request): the grid chooses its own.
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'rosenbrock', view: zoomed, nx: 30, ny: 20, thresholds: { levels: 'x', spacing: 'log', extent: [0, 1] } as never });
    scheduler.drain();
    const chosen = messages()[1];
    if (chosen.type !== 'grid') throw new Error('expected a grid');
    expect(chosen.contours).toEqual(createContourSet(values, 30, 20));
  });

  it('answers a request with a preview first: a coarse grid, a run slice, then the full grid', () => {
    const { dispatcher, scheduler, messages } = setup(undefined, standingClock);
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: good }] });
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'rosenbrock', view, nx: 60, ny: 40, preview: { nx: 20, ny: 14 } });
    scheduler.step();
    expect(messages().map((m) => m.type)).toEqual(['grid', 'chunk', 'done']);
    const preview = messages()[0];
    if (preview.type !== 'grid') throw new Error('expected a grid');
    expect(preview).toMatchObject({ generation: 2, nx: 20, ny: 14, final: false });
    const surface = createSurface('rosenbrock');
    expect(preview.contours).toEqual(createContourSet(sampleGrid(surface, view, 20, 14), 20, 14));
    scheduler.drain();
    const full = messages()[3];
    if (full.type !== 'grid') throw new Error('expected a grid');
    expect(full).toMatchObject({ generation: 2, nx: 60, ny: 40, final: true });
    expect(sameBits(full.values, sampleGrid(surface, view, 60, 40))).toBe(true);
    expect(messages()).toHaveLength(4);
  });

  it('follows a preview with the full grid when no run is computing', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 60, ny: 40, preview: { nx: 20, ny: 14 } });
    scheduler.drain();
    expect(messages().map((m) => m.type === 'grid' && [m.nx, m.final])).toEqual([[20, false], [60, true]]);
  });

  it('sends no second preview for the same surface and view at another size (the page draws the first)', () => {
    const { dispatcher, scheduler, messages } = setup(undefined, standingClock);
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 60, ny: 40, preview: { nx: 20, ny: 14 } });
    scheduler.step();
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'bowl', view, nx: 66, ny: 50, preview: { nx: 22, ny: 17 } });
    scheduler.drain();
    expect(messages().map((m) => m.type === 'grid' && [m.generation, m.nx, m.final])).toEqual([[1, 20, false], [2, 66, true]]);
    // Another view is new to the page: its preview comes first again.
    const other = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
    dispatcher.handle({ type: 'grid', generation: 3, surface: 'bowl', view: other, nx: 66, ny: 50, preview: { nx: 22, ny: 17 } });
    scheduler.drain();
    expect(messages().slice(2).map((m) => m.type === 'grid' && [m.generation, m.nx, m.final])).toEqual([[3, 22, false], [3, 66, true]]);
  });

  it('drops the full grid of a preview when a newer grid request comes first', () => {
    const { dispatcher, scheduler, messages } = setup(undefined, standingClock);
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'bowl', view, nx: 60, ny: 40, preview: { nx: 20, ny: 14 } });
    scheduler.step();
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'saddle', view, nx: 30, ny: 30 });
    scheduler.drain();
    expect(messages().map((m) => m.type === 'grid' && [m.generation, m.nx, m.final])).toEqual([[1, 20, false], [2, 30, true]]);
  });

  it('drops a grid half-way when a newer one is asked for, and answers only the newer one', () => {
    // A clock that moves 100 ms per reading: every task does one step of the grid, then yields.
    let clock = 0;
    const recorder = createRecorder();
    const scheduler = createManualScheduler();
    const dispatcher = createDispatcher(recorder.post, scheduler.schedule, { now: () => (clock += 100) });
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'rosenbrock', view, nx: 60, ny: 40 });
    scheduler.step();
    scheduler.step();
    expect(recorder.messages()).toEqual([]);
    expect(scheduler.pending).toBe(1);
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'rosenbrock', view: { x: [-2, 2], y: [-1, 3] }, nx: 60, ny: 40 });
    const tasks = scheduler.drain();
    expect(recorder.messages().map((m) => m.type === 'grid' && m.generation)).toEqual([2]);
    const answer = recorder.messages()[0];
    if (answer.type !== 'grid') throw new Error('expected a grid');
    // The same answer as a grid computed in one go, reached one band per task.
    const values = sampleGrid(createSurface('rosenbrock'), { x: [-2, 2], y: [-1, 3] }, 60, 40);
    expect(answer.contours).toEqual(createContourSet(values, 60, 40));
    expect(tasks).toBeGreaterThan(answer.contours.bands.length);
  });

  it('sends only the critical points that lie inside the view', () => {
    const surface = createSurface('himmelblau');
    const corner: ViewBox = { x: [0, 5], y: [0, 5] };
    const inside = surface.criticalPoints.filter((p) => p.x >= 0 && p.x <= 5 && p.y >= 0 && p.y <= 5);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(surface.criticalPoints.length);
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: 'himmelblau', view: corner, nx: 8, ny: 8 });
    scheduler.drain();
    const [grid] = messages();
    expect(grid.type === 'grid' && grid.criticalPoints).toEqual(inside);
  });

  it('answers only the newest of several grid requests and lets runs carry on', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: good }] });
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'bowl', view, nx: 10, ny: 10 });
    dispatcher.handle({ type: 'grid', generation: 3, surface: 'saddle', view, nx: 10, ny: 10 });
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'beale', view, nx: 10, ny: 10 });
    scheduler.drain();
    const grids = messages().filter((m) => m.type === 'grid');
    expect(grids.map((m) => m.generation)).toEqual([3]);
    expect(sameBits(concat(chunksOf(messages(), 'a', 1)), simulate(good).points)).toBe(true);
  });

  it('reports a grid with fewer than two samples a side as an error of the grid', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 5, surface: 'bowl', view, nx: 1, ny: 10 });
    scheduler.drain();
    expect(messages()).toEqual([
      { type: 'error', generation: 5, scope: 'grid', message: 'A grid needs 2 to 2048 samples per side; got 1 × 10.' },
    ]);
  });

  it('reports an unknown surface as an error of the grid', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 6, surface: 'moebius' as never, view, nx: 10, ny: 10 });
    scheduler.drain();
    expect(messages()).toEqual([expect.objectContaining({ type: 'error', generation: 6, scope: 'grid' })]);
  });
});
