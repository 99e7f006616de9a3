import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailbox, createMailingPost, openMailbox, takeMail, writeMail, type RunReply } from '../../src/worker/mailbox';
import { answeredInOneSlice, createWorkerClient } from '../../src/worker/client';
import { dispatcherDefaults } from '../../src/worker/dispatcher';
import { createTrajectoryStore } from '../../src/state/trajectories';
import type { FromWorker, MailedNotice, ToWorker } from '../../src/worker/protocol';
import { FakeWorker } from './harness';

const small = { floats: 64, bytes: 1024 };
const box = () => createMailbox(small, true)!;

const batch = (generation: number): RunReply => ({
  type: 'batch',
  generation,
  messages: [
    { type: 'chunk', generation, key: 'a', points: new Float64Array([1, 2, 3, 4, 5, 6]) },
    { type: 'done', generation, key: 'a', status: 'budget', stoppedAt: 1, message: 'Ran all 1 steps.', steps: 1 },
    { type: 'chunk', generation, key: 'b', points: new Float64Array([-0.5, 1e-300, Number.MAX_VALUE]) },
    { type: 'error', generation, scope: 'run', key: 'c', message: 'The start is outside the domain.' },
  ],
});

describe('mailbox codec', () => {
  it('hands over a batch exactly, chunk numbers bit for bit, and empties the box', () => {
    const mailbox = box();
    expect(writeMail(mailbox, 1, batch(7))).toBe(true);
    const received: RunReply[] = [];
    expect(takeMail(mailbox, 1, (reply) => received.push(structuredClone(reply)))).toBe(true);
    expect(received).toEqual([batch(7)]);
    // Empty now: nothing more to take, and the worker may write again.
    expect(takeMail(mailbox, 2, () => {})).toBe(false);
    expect(writeMail(mailbox, 2, batch(8))).toBe(true);
  });

  it('gives a reply only when its number is the one due, and leaves it there otherwise', () => {
    const mailbox = box();
    writeMail(mailbox, 3, { type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 2, message: 'x', steps: 2 });
    const receive = vi.fn();
    expect(takeMail(mailbox, 2, receive)).toBe(false);
    expect(receive).not.toHaveBeenCalled();
    expect(takeMail(mailbox, 3, receive)).toBe(true);
    expect(receive).toHaveBeenCalledWith({ type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 2, message: 'x', steps: 2 });
  });

  it('refuses a reply while full, one too large, and one with a per-step record', () => {
    const mailbox = box();
    const chunk = (n: number): RunReply => ({ type: 'chunk', generation: 1, key: 'a', points: new Float64Array(n) });
    expect(writeMail(mailbox, 1, chunk(65))).toBe(false);
    expect(writeMail(mailbox, 1, { type: 'error', generation: 1, scope: 'run', message: 'x'.repeat(2000) })).toBe(false);
    const explain = { gradients: new Float64Array(2), learningRates: new Float64Array(1), state: {} };
    expect(writeMail(mailbox, 1, { type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 1, message: '', steps: 1, explain } as RunReply)).toBe(false);
    expect(writeMail(mailbox, 1, chunk(64))).toBe(true);
    expect(writeMail(mailbox, 2, chunk(1))).toBe(false);
  });

  it('is not made where the page is not cross-origin isolated', () => {
    expect(createMailbox(small, false)).toBeNull();
  });

  it('empties the box even when the receiver throws', () => {
    const mailbox = box();
    writeMail(mailbox, 1, batch(1));
    expect(() => takeMail(mailbox, 1, () => { throw new Error('listener'); })).toThrow('listener');
    expect(writeMail(mailbox, 2, batch(2))).toBe(true);
  });
});

describe('the worker side: createMailingPost', () => {
  it('numbers run replies, mails what fits while the box is empty, posts the rest and everything else', () => {
    const posted: Array<FromWorker | MailedNotice> = [];
    const recycled: ArrayBuffer[][] = [];
    const mail = createMailingPost((message) => posted.push(message), (buffers) => recycled.push(buffers));
    const grid = { type: 'error', generation: 4, scope: 'grid', message: 'g' } as const;
    // No box yet: everything is posted.
    mail.post(batch(1));
    const mailbox = box();
    mail.attach(mailbox.buffer);
    const chunk = batch(2);
    const buffers = (chunk as Extract<RunReply, { type: 'batch' }>).messages.flatMap((m) => (m.type === 'chunk' ? [m.points.buffer as ArrayBuffer] : []));
    mail.post(chunk, buffers);
    mail.post(batch(3)); // the box is still full: posted
    mail.post(grid); // not a run reply: posted, not numbered
    expect(posted.map((m) => m.type)).toEqual(['batch', 'mailed', 'batch', 'error']);
    expect(posted[1]).toEqual({ type: 'mailed', seq: 2 });
    expect(recycled).toEqual([buffers]);
    expect(takeMail(mailbox, 2, () => {})).toBe(true);
    mail.post(batch(4));
    expect(posted.at(-1)).toEqual({ type: 'mailed', seq: 4 });
  });

  it('does not count a reply that could not be posted', () => {
    let fail = true;
    const posted: Array<FromWorker | MailedNotice> = [];
    const mail = createMailingPost((message) => {
      if (fail && message.type === 'batch') throw new Error('DataCloneError');
      posted.push(message);
    }, () => {});
    expect(() => mail.post(batch(1))).toThrow('DataCloneError');
    fail = false;
    const mailbox = box();
    mail.attach(mailbox.buffer);
    mail.post(batch(2));
    expect(posted).toEqual([{ type: 'mailed', seq: 1 }]);
  });
});

describe('the page side: the client with a mailbox', () => {
  let frames: Array<() => void> = [];
  beforeEach(() => {
    FakeWorker.created = [];
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const runs = [
    { key: 'a', config: { surface: 'bumpy', optimizer: { id: 'gd', learningRate: 0.01 }, steps: 1 } },
    { key: 'b', config: { surface: 'bumpy', optimizer: { id: 'gd', learningRate: 0.02 }, steps: 1 } },
  ] as const;

  function setup() {
    const trajectories = createTrajectoryStore();
    const client = createWorkerClient({ createWorker: () => new FakeWorker(), trajectories, onGrid: () => {}, onError: () => {}, mailbox: true });
    client.run([...runs]);
    const worker = FakeWorker.created[0];
    const sent = worker.posted[0] as Extract<ToWorker, { type: 'mailbox' }>;
    return { trajectories, worker, sent };
  }

  it('sends the worker its mailbox first, and takes a mailed reply in the frame after the request', () => {
    const { trajectories, worker, sent } = setup();
    expect(sent.type).toBe('mailbox');
    expect(worker.posted[1]).toMatchObject({ type: 'run', generation: 1 });
    // The worker answers while the page's frame is still rendering: the notice is not read yet.
    const notices: Array<FromWorker | MailedNotice> = [];
    const quiet = createMailingPost((message) => notices.push(message), () => {});
    quiet.attach(sent.buffer);
    quiet.post(batch(1));
    expect(notices).toEqual([{ type: 'mailed', seq: 1 }]);
    expect(trajectories.get('a')!.count).toBe(0);
    // The frame's animation callbacks look in the box: the points are in the store now.
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(trajectories.get('a')).toMatchObject({ count: 2, status: 'budget' });
    expect(Array.from(trajectories.get('b')!.points.subarray(0, 3))).toEqual([-0.5, 1e-300, Number.MAX_VALUE]);
    // The notice, read later, finds nothing more to take.
    worker.reply(notices[0] as unknown as FromWorker);
    expect(trajectories.get('a')!.count).toBe(2);
  });

  it('waits in the frame, a few ms at most, for the answer to a small request', () => {
    // The clock: each read is 0.5 ms later; the worker's answer lands at the 4th read in the frame.
    let t = 0;
    let reads = 0;
    const worker = createMailingPost(() => {}, () => {});
    vi.spyOn(performance, 'now').mockImplementation(() => {
      if (++reads === 4) worker.post(batch(1));
      return (t += 0.5);
    });
    const { trajectories, sent } = setup();
    worker.attach(sent.buffer);
    reads = 0;
    frames[0]();
    expect(trajectories.get('a')).toMatchObject({ count: 2, status: 'budget' });
    expect(reads).toBeLessThan(10);
  });

  it('stops waiting at the deadline when no answer comes, and does not wait for a large request', () => {
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 0.5));
    const { trajectories } = setup();
    const sentAt = t;
    frames[0]();
    expect(trajectories.get('a')!.count).toBe(0);
    // Waited until 6 ms after the request, no longer.
    expect(t - sentAt).toBeGreaterThanOrEqual(6);
    expect(t - sentAt).toBeLessThan(8);
    // Many steps: the answer streams over many slices, so the frame does not wait.
    const big = createWorkerClient({ createWorker: () => new FakeWorker(), trajectories: createTrajectoryStore(), onGrid: () => {}, onError: () => {}, mailbox: true });
    big.run([{ key: 'c', config: { surface: 'bumpy', optimizer: { id: 'gd', learningRate: 0.01 }, steps: answeredInOneSlice + 1 } }]);
    const readsBefore = now.mock.calls.length;
    frames.at(-1)!();
    expect(now.mock.calls.length - readsBefore).toBeLessThan(3);
  });

  it('waits only for what the worker answers in one slice', () => {
    expect(answeredInOneSlice).toBe(dispatcherDefaults.eagerSteps);
  });

  it('never applies mail before a reply posted earlier', () => {
    const { trajectories, worker, sent } = setup();
    const queue: Array<FromWorker | MailedNotice> = [];
    const late = createMailingPost((message) => queue.push(message), () => {});
    late.attach(sent.buffer);
    // Reply 1 must be posted (the box is taken by a test entry), reply 2 is mailed.
    const blocker = openMailbox(sent.buffer);
    writeMail(blocker, 99, { type: 'done', generation: 1, key: 'z', status: 'budget', stoppedAt: 0, message: '', steps: 0 });
    late.post({ type: 'chunk', generation: 1, key: 'a', points: new Float64Array([1, 1, 1]) });
    takeMail(blocker, 99, () => {});
    late.post({ type: 'chunk', generation: 1, key: 'a', points: new Float64Array([2, 2, 2]) });
    expect(queue.map((m) => m.type)).toEqual(['chunk', 'mailed']);
    // The frame comes before the posted reply 1 is read: reply 2 stays in the box.
    frames[0]();
    expect(trajectories.get('a')!.count).toBe(0);
    for (const message of queue) worker.reply(message as FromWorker);
    expect(Array.from(trajectories.get('a')!.points.subarray(0, 6))).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('gives a restarted worker a new box and counts from one again', () => {
    const { trajectories, worker, sent } = setup();
    // The first worker's reply 1 was taken: the page had counted one.
    const first = createMailingPost((message) => worker.reply(message as FromWorker), () => {});
    first.attach(sent.buffer);
    first.post({ type: 'chunk', generation: 1, key: 'a', points: new Float64Array([9, 9, 9]) });
    expect(trajectories.get('a')!.count).toBe(1);
    worker.crash();
    const next = FakeWorker.created[1];
    const box = next.posted[0] as Extract<ToWorker, { type: 'mailbox' }>;
    expect(box.type).toBe('mailbox');
    expect(box.buffer).not.toBe(sent.buffer);
    // The new worker numbers from 1 again (its runs are generation 2, asked again after the crash).
    const second = createMailingPost((message) => next.reply(message as FromWorker), () => {});
    second.attach(box.buffer);
    second.post({ type: 'chunk', generation: 2, key: 'a', points: new Float64Array([1, 1, 1]) });
    expect(Array.from(trajectories.get('a')!.points.subarray(0, 3))).toEqual([1, 1, 1]);
  });

  it('counts a mailed reply it could not read, so later mail still comes in', () => {
    const { trajectories, worker, sent } = setup();
    // Reply 1 is unreadable JSON (written by hand): its notice throws, the box is emptied.
    const box = openMailbox(sent.buffer);
    writeMail(box, 1, { type: 'done', generation: 1, key: 'a', status: 'budget', stoppedAt: 0, message: '', steps: 0 });
    box.bytes[0] = 0x7b; box.bytes[1] = 0x7b;
    expect(() => worker.reply({ type: 'mailed', seq: 1 } as unknown as FromWorker)).toThrow();
    writeMail(box, 2, { type: 'chunk', generation: 1, key: 'b', points: new Float64Array([4, 4, 4]) });
    worker.reply({ type: 'mailed', seq: 2 } as unknown as FromWorker);
    expect(trajectories.get('b')!.count).toBe(1);
  });
});
