/**
 * A shared-memory mailbox for the runs' replies, so the page can read the
 * worker's answer to a slider step inside the frame that moved the slider.
 *
 * Why: a drag's input event is handled at the start of a frame; the worker
 * computes the changed run in ~1 ms, but a posted reply is a task of its
 * own, which Chromium runs only after that frame's render (React, layout,
 * paint, commit: 8–20 ms on two cores). The new paths were therefore always
 * painted a frame after the thumb moved (traces of the slider bench). The
 * worker still computes everything; with a mailbox it also writes a reply
 * into shared memory, and the page looks there in the same frame's
 * animation callbacks (client.ts), before its render.
 *
 * Shared memory needs a cross-origin isolated page (the COOP and COEP
 * headers, see vite.config.ts and public/_headers). Without it there is no
 * mailbox and every reply is posted, as before.
 *
 * Order: every run reply the worker sends (a batch, chunk, end or run error)
 * takes the next number, posted or mailed. A mailed one is announced by a
 * posted `{ type: 'mailed' }`, so the page counts posted replies itself and
 * takes mail only when its number is the next one due: a reply is never
 * applied before one sent earlier. The box holds one reply; while it is
 * full the worker posts.
 *
 * Layout of the shared buffer: a header of four int32 (state: 0 empty, 1
 * full; the reply's number; its JSON's bytes; room for numbers, set when
 * the box is made), then the chunks' float64 numbers, then the JSON, in
 * which a chunk's `points` is replaced by where its numbers are (`at`, `n`).
 */
import type { FromWorker, MailedNotice } from './protocol';

export type RunReply = Extract<FromWorker, { type: 'batch' | 'chunk' | 'done' | 'error' }>;

/** Whether a reply belongs to the runs' numbered sequence (see above). */
export function isRunReply(message: FromWorker): message is RunReply {
  switch (message?.type) {
    case 'batch':
    case 'chunk':
    case 'done':
      return true;
    case 'error':
      return message.scope === 'run';
    default:
      return false;
  }
}

const headerBytes = 16;
const state = 0;
const number = 1;
const jsonLength = 2;
/** Set once by createMailbox: where the numbers end and the JSON begins. */
const floatRoom = 3;

/** Room for 8 runs × ~20,000 steps of numbers (3 a step) and their ends. */
export const mailboxSizes = { floats: 512 * 1024, bytes: 64 * 1024 } as const;

export interface Mailbox {
  buffer: SharedArrayBuffer;
  header: Int32Array;
  floats: Float64Array;
  bytes: Uint8Array;
}

/** A mailbox over `buffer` (made by createMailbox), for either side. */
export function openMailbox(buffer: SharedArrayBuffer): Mailbox {
  const header = new Int32Array(buffer, 0, headerBytes / 4);
  const floats = Atomics.load(header, floatRoom);
  return {
    buffer,
    header,
    floats: new Float64Array(buffer, headerBytes, floats),
    bytes: new Uint8Array(buffer, headerBytes + floats * 8),
  };
}

/** A new, empty mailbox, or null where shared memory is not allowed (a page that is not cross-origin isolated). */
export function createMailbox(
  sizes: { floats: number; bytes: number } = mailboxSizes,
  isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
): Mailbox | null {
  if (!isolated || typeof SharedArrayBuffer !== 'function') return null;
  try {
    const buffer = new SharedArrayBuffer(headerBytes + sizes.floats * 8 + sizes.bytes);
    Atomics.store(new Int32Array(buffer, 0, headerBytes / 4), floatRoom, sizes.floats);
    return openMailbox(buffer);
  } catch {
    return null;
  }
}

interface ChunkRef {
  type: 'chunk';
  generation: number;
  key: string;
  at: number;
  n: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Worker side: put reply number `seq` in the box. False (and the box left
 * alone) when the box is still full, the reply does not fit, or it carries
 * what the box cannot hold (a run's per-step record): then post it.
 */
export function writeMail(box: Mailbox, seq: number, reply: RunReply): boolean {
  if (Atomics.load(box.header, state) !== 0) return false;
  const parts = reply.type === 'batch' ? reply.messages : [reply];
  let floats = 0;
  const refs: unknown[] = [];
  for (const part of parts) {
    if (part.type === 'done' && part.explain) return false;
    if (part.type !== 'chunk') {
      refs.push(part);
      continue;
    }
    const n = part.points.length;
    if (floats + n > box.floats.length) return false;
    box.floats.set(part.points, floats);
    refs.push({ type: 'chunk', generation: part.generation, key: part.key, at: floats, n } satisfies ChunkRef);
    floats += n;
  }
  const json = encoder.encode(JSON.stringify(reply.type === 'batch' ? { ...reply, messages: refs } : refs[0]));
  if (json.length > box.bytes.length) return false;
  box.bytes.set(json);
  box.header[number] = seq;
  box.header[jsonLength] = json.length;
  // Last, and atomically: the page reads nothing of a reply before it sees the box full.
  Atomics.store(box.header, state, 1);
  return true;
}

/** Page side: whether the box holds reply number `seq`. */
export function holdsMail(box: Mailbox, seq: number): boolean {
  return Atomics.load(box.header, state) === 1 && box.header[number] === seq;
}

/**
 * Page side: if the box holds reply number `seq`, hand it to `receive` and
 * empty the box; true if it did. The box is emptied even if reading the
 * reply or `receive` throws (the error is rethrown). A chunk's points are a
 * view of the shared memory, valid only during `receive` (the trajectory
 * store copies them).
 */
export function takeMail(box: Mailbox, seq: number, receive: (reply: RunReply) => void): boolean {
  if (!holdsMail(box, seq)) return false;
  try {
    const json = decoder.decode(box.bytes.slice(0, box.header[jsonLength]));
    const parsed = JSON.parse(json) as RunReply | ChunkRef | { type: 'batch'; messages: Array<RunReply | ChunkRef> };
    const revive = (part: RunReply | ChunkRef): RunReply =>
      part.type === 'chunk' && 'at' in part
        ? { type: 'chunk', generation: part.generation, key: part.key, points: box.floats.subarray(part.at, part.at + part.n) }
        : (part as RunReply);
    const reply = parsed.type === 'batch' ? { ...parsed, messages: parsed.messages.map(revive) } as RunReply : revive(parsed as RunReply | ChunkRef);
    receive(reply);
  } finally {
    Atomics.store(box.header, state, 0);
  }
  return true;
}

/**
 * The worker's poster with a mailbox: numbers the run replies, mails each
 * one that fits while the box is empty and posts a `mailed` notice for it,
 * posts the rest as they are. `recycle` gets the chunk buffers of a mailed
 * reply (they were not transferred), for the chunk pool.
 */
export function createMailingPost(
  postMessage: (message: FromWorker | MailedNotice, transfer: Transferable[]) => void,
  recycle: (buffers: ArrayBuffer[]) => void,
) {
  let box: Mailbox | null = null;
  let sent = 0;
  return {
    /** Use this shared buffer from now on (the page sends it once, first). */
    attach(buffer: SharedArrayBuffer) {
      box = openMailbox(buffer);
    },
    post(message: FromWorker, transfer: Transferable[] = []) {
      if (!isRunReply(message)) {
        postMessage(message, transfer);
        return;
      }
      if (box && writeMail(box, sent + 1, message)) {
        sent++;
        postMessage({ type: 'mailed', seq: sent }, []);
        recycle(transfer.filter((item): item is ArrayBuffer => item instanceof ArrayBuffer));
        return;
      }
      // Counted only once posted: a reply that could not be cloned was never sent.
      postMessage(message, transfer);
      sent++;
    },
  };
}
