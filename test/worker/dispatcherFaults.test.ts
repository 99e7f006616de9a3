import { describe, expect, it, vi } from 'vitest';
import type { SimulationConfig } from '../../src/core';
import { createDispatcher } from '../../src/worker/dispatcher';
import { chunksOf, concat, createManualScheduler, createRecorder } from './harness';

// Simulations the real core never produces: one that throws on its third
// advance and one that stops making progress without saying it is done.
vi.mock('../../src/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../src/core')>();
  return {
    ...core,
    createSimulation(config: SimulationConfig) {
      const real = core.createSimulation(config);
      if (config.seed !== 13 && config.seed !== 14) return real;
      let calls = 0;
      return {
        start: real.start,
        advance(steps: number) {
          calls++;
          if (config.seed === 13 && calls === 3) throw new Error('optimizer state corrupted');
          return config.seed === 14 && calls >= 2 ? new Float64Array(0) : real.advance(steps);
        },
        get done() {
          return config.seed === 14 ? false : real.done;
        },
        get steps() {
          return real.steps;
        },
        get status() {
          return real.status;
        },
        get stoppedAt() {
          return real.stoppedAt;
        },
        get message() {
          return real.message;
        },
        get explain() {
          return undefined;
        },
      };
    },
  };
});

function run(seed: number) {
  const recorder = createRecorder();
  const scheduler = createManualScheduler();
  let t = 0;
  const dispatcher = createDispatcher(recorder.post, scheduler.schedule, {
    sliceMs: 0, firstSliceMs: 0, eagerSteps: 0, chunkSteps: 5, now: () => ++t,
  });
  const config: SimulationConfig = { surface: 'bowl', optimizer: { id: 'gd' }, steps: 100, seed };
  const healthy: SimulationConfig = { ...config, seed: 1 };
  dispatcher.handle({ type: 'run', generation: 1, runs: [{ key: 'faulty', config }, { key: 'healthy', config: healthy }] });
  expect(() => scheduler.drain()).not.toThrow();
  return recorder.messages();
}

describe('dispatcher faults inside a run', () => {
  it('reports a step that throws after the points computed before it, and the other run finishes', () => {
    const messages = run(13);
    const faulty = messages.filter((m) => 'key' in m && m.key === 'faulty');
    expect(faulty.at(-1)).toEqual({ type: 'error', generation: 1, scope: 'run', key: 'faulty', message: 'optimizer state corrupted' });
    expect(concat(chunksOf(messages, 'faulty')).length).toBe(3 * (1 + 2 * 5));
    expect(faulty.some((m) => m.type === 'done')).toBe(false);
    expect(messages.filter((m) => m.type === 'done').map((m) => 'key' in m && m.key)).toEqual(['healthy']);
  });

  it('stops a simulation that makes no progress instead of looping forever', () => {
    const messages = run(14);
    expect(messages).toContainEqual({
      type: 'error', generation: 1, scope: 'run', key: 'faulty', message: 'The simulation stopped making progress without finishing.',
    });
  });
});
