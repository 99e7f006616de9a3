import { beforeEach, describe, expect, it } from 'vitest';
import { createInspectionClient, type InspectionAnswer } from '../../src/worker/inspectionClient';
import { workerMessages } from '../../src/worker/client';
import type { RunRequest, StepInspection, ToWorker } from '../../src/worker/protocol';
import { FakeWorker } from '../worker/harness';

const runs: RunRequest[] = [
  { key: 'a', config: { surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1 }, steps: 30 } },
];

function item(step: number): StepInspection {
  return {
    key: 'a', step, kind: 'start', from: [-7, 2, 6.45], to: null, delta: null, gradient: null, learningRate: null,
    before: {}, after: {}, status: 'running', stoppedAt: 0, message: '',
  };
}

function setup() {
  const answers: InspectionAnswer[] = [];
  const errors: string[] = [];
  const client = createInspectionClient({
    createWorker: () => new FakeWorker(),
    onAnswer: (answer) => answers.push(answer),
    onError: (message) => errors.push(message),
  });
  const worker = () => FakeWorker.created[FakeWorker.created.length - 1];
  const inspects = () => worker().posted.filter((m): m is Extract<ToWorker, { type: 'inspect' }> => m.type === 'inspect');
  return { client, answers, errors, worker, inspects };
}

beforeEach(() => {
  FakeWorker.created = [];
});

describe('the inspection client', () => {
  it('starts its worker on the first request, not before', () => {
    const { client } = setup();
    expect(FakeWorker.created).toHaveLength(0);
    client.inspect(3, runs);
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0].posted).toEqual([{ type: 'inspect', generation: 1, step: 3, runs }]);
  });

  it('passes on only the answer to its latest request, with the runs it asked about', () => {
    const { client, answers, worker, inspects } = setup();
    client.inspect(1, runs);
    client.inspect(2, runs);
    const [first, second] = inspects();
    worker().reply({ type: 'inspection', generation: first.generation, step: 1, runs: [item(1)] });
    expect(answers).toHaveLength(0);
    worker().reply({ type: 'inspection', generation: second.generation, step: 2, runs: [item(2)] });
    expect(answers).toHaveLength(1);
    expect(answers[0].step).toBe(2);
    expect(answers[0].requested).toBe(runs);
  });

  it('reports an inspection error for its latest request and ignores errors of other kinds', () => {
    const { client, errors, worker } = setup();
    client.inspect(4, runs);
    worker().reply({ type: 'error', generation: 1, scope: 'run', message: 'not mine' });
    worker().reply({ type: 'error', generation: 1, scope: 'inspect', message: 'Cannot inspect step 4.' });
    expect(errors).toEqual(['Cannot inspect step 4.']);
  });

  it('replaces a worker that died and asks the unanswered question again', () => {
    const { client, answers, worker } = setup();
    client.inspect(5, runs);
    const dead = worker();
    dead.crash();
    expect(dead.terminated).toBe(true);
    expect(FakeWorker.created).toHaveLength(2);
    const retry = worker().posted[0] as Extract<ToWorker, { type: 'inspect' }>;
    expect(retry).toMatchObject({ type: 'inspect', step: 5, runs });
    worker().reply({ type: 'inspection', generation: retry.generation, step: 5, runs: [item(5)] });
    expect(answers.map((a) => a.step)).toEqual([5]);
  });

  it('gives up after repeated crashes without an answer, and says so', () => {
    const { client, errors, worker } = setup();
    client.inspect(1, runs);
    for (let i = 0; i < 4; i++) worker().crash();
    expect(errors).toEqual([workerMessages.gaveUp]);
  });

  it('ends its worker when disposed and sends nothing afterwards', () => {
    const { client, worker } = setup();
    client.inspect(1, runs);
    client.dispose();
    expect(worker().terminated).toBe(true);
    client.inspect(2, runs);
    expect(FakeWorker.created).toHaveLength(1);
  });
});
