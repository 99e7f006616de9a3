/**
 * A typed-in surface crosses the worker boundary as a plain CustomSurfaceSpec
 * (expression + view box): runs, grids and critical points all come from it.
 */
import { describe, expect, it } from 'vitest';
import { createSurface, sampleGrid, simulate, type CustomSurfaceSpec, type SimulationConfig } from '../../src/core';
import { createDispatcher } from '../../src/worker/dispatcher';
import { chunksOf, concat, createManualScheduler, createRecorder, sameBits } from './harness';

function setup() {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  return { ...recorder, scheduler, dispatcher: createDispatcher(recorder.post, scheduler.schedule) };
}

const booth: CustomSurfaceSpec = { id: 'custom', expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2', view: { x: [-10, 10], y: [-10, 10] } };

describe('dispatcher with a custom surface', () => {
  it('streams the same path as core simulate on the typed expression', () => {
    const config: SimulationConfig = { surface: booth, optimizer: { id: 'adam', learningRate: 0.5 }, start: [-8, 8], steps: 200 };
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config }] });
    scheduler.drain();
    expect(sameBits(concat(chunksOf(messages(), 'a', 1)), simulate(config).points)).toBe(true);
  });

  it('samples the grid of the expression and sends its critical points in view', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: booth, view: booth.view, nx: 12, ny: 9 });
    scheduler.drain();
    const [grid] = messages();
    if (grid.type !== 'grid') throw new Error(`expected a grid, got ${grid.type}`);
    expect(sameBits(grid.values, sampleGrid(createSurface(booth), booth.view, 12, 9))).toBe(true);
    expect(grid.criticalPoints).toHaveLength(1);
    expect(grid.criticalPoints[0]).toMatchObject({ kind: 'min' });
    expect(grid.criticalPoints[0].x).toBeCloseTo(1, 9);
    expect(grid.criticalPoints[0].y).toBeCloseTo(3, 9);
  });

  it('stops a run that steps outside the domain, with that reason', () => {
    const config: SimulationConfig = {
      surface: { id: 'custom', expression: 'log(x) + y^2', view: { x: [0.01, 3], y: [-2, 2] } },
      optimizer: { id: 'gd', learningRate: 2 }, start: [0.5, 1], steps: 50,
    };
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'a', config }] });
    scheduler.drain();
    const done = messages().find((m) => m.type === 'done');
    expect(done).toMatchObject({ status: 'diverged' });
    expect(done?.type === 'done' && done.message).toMatch(/outside the function's domain/);
  });

  it('reports an invalid expression as an error of its grid, never a crash', () => {
    const { dispatcher, scheduler, messages } = setup();
    dispatcher.handle({ type: 'grid', generation: 1, surface: { ...booth, expression: 'cos(x' }, view: booth.view, nx: 4, ny: 4 });
    expect(() => scheduler.drain()).not.toThrow();
    expect(messages()[0]).toMatchObject({ type: 'error', scope: 'grid' });
  });
});
