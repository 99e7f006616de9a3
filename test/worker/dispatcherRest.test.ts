import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate, type SimulationConfig } from '../../src/core';
import { createDispatcher, type DispatcherOptions } from '../../src/worker/dispatcher';
import { restFor } from '../../src/worker/pacing';
import type { ToWorker } from '../../src/worker/protocol';
import { chunksOf, concat, createManualScheduler, createRecorder, sameBits } from './harness';

/** A pause the test ends by hand: `pending` pauses under way, `cancelled` how many a request ended. */
function createManualRest() {
  const tasks = new Set<() => void>();
  let cancelled = 0;
  return {
    rest: (task: () => void) => {
      tasks.add(task);
      return () => {
        if (tasks.delete(task)) cancelled++;
      };
    },
    get pending() {
      return tasks.size;
    },
    get cancelled() {
      return cancelled;
    },
    /** End every pause under way. */
    end() {
      const due = [...tasks];
      tasks.clear();
      for (const task of due) task();
    },
  };
}

function setup(options: DispatcherOptions = {}) {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  const pause = createManualRest();
  let t = 0;
  // One chunk a slice: the clock moves 1 ms a read, past every budget of 0.
  const dispatcher = createDispatcher(recorder.post, scheduler.schedule, {
    sliceMs: 0, firstSliceMs: 0, eagerSteps: 0, chunkSteps: 10, now: () => (t += 1), rest: pause.rest, painter: null, ...options,
  });
  return { ...recorder, scheduler, pause, dispatcher };
}

const long: SimulationConfig = { surface: 'rosenbrock', optimizer: { id: 'adam', learningRate: 0.02 }, steps: 95 };

describe('dispatcher pauses between run slices', () => {
  it('waits for the pause, not the next task, after each slice of runs', () => {
    const { dispatcher, scheduler, pause, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: long }] });
    expect(scheduler.drain()).toBe(1); // the first slice
    expect(chunksOf(messages(), 'a')).toHaveLength(1);
    expect(pause.pending).toBe(1);
    // Nothing runs until the pause ends.
    expect(scheduler.drain()).toBe(0);
    pause.end();
    expect(chunksOf(messages(), 'a')).toHaveLength(2);
    while (pause.pending > 0) pause.end();
    // 95 steps in chunks of 10: ten slices, nine pauses between them, none after the last.
    expect(chunksOf(messages(), 'a')).toHaveLength(10);
    expect(sameBits(concat(chunksOf(messages(), 'a')), simulate(long).points)).toBe(true);
    expect(messages().filter((m) => m.type === 'done')).toHaveLength(1);
    expect(scheduler.pending).toBe(0);
  });

  it('ends the pause at once for a new run request', () => {
    const { dispatcher, scheduler, pause, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: long }] });
    scheduler.drain();
    expect(pause.pending).toBe(1);
    const next: SimulationConfig = { surface: 'ellipse', optimizer: { id: 'gd', learningRate: 0.1 }, steps: 5 };
    dispatcher.handle({ type: 'run', generation: 2, runs: [{ key: 'b', config: next }] });
    expect(pause.cancelled).toBe(1);
    expect(scheduler.drain()).toBe(1);
    expect(sameBits(concat(chunksOf(messages(), 'b', 2)), simulate(next).points)).toBe(true);
    expect(pause.pending).toBe(0);
  });

  it('does not pause while a grid waits, and a grid request ends a pause', () => {
    const { dispatcher, scheduler, pause, messages } = setup();
    // Long enough to outlast the grid's slices.
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: { ...long, steps: 2000 } }] });
    scheduler.drain();
    expect(pause.pending).toBe(1);
    dispatcher.handle({ type: 'grid', generation: 2, surface: 'bowl', view: { x: [-1, 1], y: [-1, 1] }, nx: 12, ny: 9 });
    expect(pause.cancelled).toBe(1);
    // The grid's steps and the run's slices take turns without a pause until the grid is posted.
    scheduler.step();
    expect(pause.pending).toBe(0);
    scheduler.drain();
    expect(messages().some((m) => m.type === 'grid' && m.generation === 2)).toBe(true);
    expect(messages().some((m) => m.type === 'done')).toBe(false);
    // With the grid gone, the runs go back to pausing.
    expect(pause.pending).toBe(1);
  });

  it('drops a grid the page no longer needs, but not for a drop older than the grid', () => {
    const { dispatcher, scheduler, messages } = setup();
    const grid = (generation: number): ToWorker => ({ type: 'grid', generation, surface: 'bowl', view: { x: [-1, 1], y: [-1, 1] }, nx: 12, ny: 9 });
    dispatcher.handle(grid(1));
    scheduler.step();
    dispatcher.handle({ type: 'dropGrid', generation: 2 });
    scheduler.drain();
    expect(messages().filter((m) => m.type === 'grid')).toEqual([]);
    // A grid asked after the drop is computed; a drop older than it changes nothing.
    dispatcher.handle(grid(3));
    dispatcher.handle({ type: 'dropGrid', generation: 2 });
    scheduler.drain();
    expect(messages().filter((m) => m.type === 'grid').map((m) => m.generation)).toEqual([3]);
  });

  it('ends the pause at once for a step inspection', () => {
    const { dispatcher, scheduler, pause, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: { ...long, steps: 2000 } }] });
    scheduler.drain();
    expect(pause.pending).toBe(1);
    dispatcher.handle({ type: 'inspect', generation: 2, step: 3, runs: [{ key: 'a', config: long }] });
    expect(pause.cancelled).toBe(1);
    scheduler.drain();
    expect(messages().some((m) => m.type === 'inspection' && m.generation === 2)).toBe(true);
  });

  it('still finishes every run with a pause that ends at once', () => {
    const { dispatcher, scheduler, messages } = setup({ rest: (task) => { task(); return () => {}; } });
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: long }] });
    scheduler.drain();
    expect(sameBits(concat(chunksOf(messages(), 'a')), simulate(long).points)).toBe(true);
    expect(messages().filter((m) => m.type === 'done')).toHaveLength(1);
    // And takes a new request afterwards (nothing left claiming a pause is under way).
    dispatcher.handle({ type: 'run', generation: 2, runs: [{ key: 'b', config: long }] });
    scheduler.drain();
    expect(messages().filter((m) => m.type === 'done')).toHaveLength(2);
  });

  it('keeps no pause and no task once the runs are cancelled', () => {
    const { dispatcher, scheduler, pause, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config: long }] });
    scheduler.drain();
    dispatcher.handle({ type: 'cancel', generation: 1 });
    pause.end();
    expect(chunksOf(messages(), 'a')).toHaveLength(1);
    expect(pause.pending).toBe(0);
    expect(scheduler.pending).toBe(0);
  });
});

describe('restFor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pauses 4 ms on two cores or one, and not at all on more or when unknown', () => {
    vi.useFakeTimers();
    for (const cores of [1, 2]) {
      const rest = restFor(cores)!;
      const task = vi.fn();
      rest(task);
      vi.advanceTimersByTime(3);
      expect(task, `${cores} cores`).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(task, `${cores} cores`).toHaveBeenCalledOnce();
    }
    expect(restFor(4)).toBeNull();
    expect(restFor(16)).toBeNull();
    expect(restFor(undefined)).toBeNull();
  });

  it('returns a cancel that keeps the task from running', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const cancel = restFor(2)!(task);
    cancel();
    vi.advanceTimersByTime(100);
    expect(task).not.toHaveBeenCalled();
  });
});
