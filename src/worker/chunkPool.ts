/**
 * Buffers for the runs' chunks, given back by the page once it has copied
 * them (a 'recycle' message) and used again for later chunks.
 *
 * Why: every chunk's buffer is transferred to the page, which copies its
 * points into the trajectory store and drops it. A stream of 8 × 100,000
 * steps left ~500 such buffers a stream for the page's garbage collector,
 * and freeing them fell in its sweeps' finalization on the page's thread:
 * single tasks of 13–85 ms in traces of the long-run benchmark
 * (`CppGC.SweepFinalizeSweptPages`). A page that kept every buffer alive
 * had none over 20 ms. Given back, the same few dozen buffers go back and
 * forth and none is freed.
 */

/** Smallest buffer made (bytes): chunks of a few points still get a buffer worth keeping. */
const minBytes = 16 * 1024;
/** At most this many buffers wait to be used, and at most this many bytes in all. */
const maxKept = 64;
const maxKeptBytes = 16 * 1024 * 1024;

export interface ChunkPool {
  /** A Float64Array of `length` numbers at the start of a kept buffer, or of a new one. */
  take(length: number): Float64Array;
  /** Keep these buffers for later chunks (the page's copies are done); extra ones are let go. */
  give(buffers: readonly unknown[]): void;
  /** Buffers waiting to be used (tests). */
  readonly size: number;
}

export function createChunkPool(): ChunkPool {
  const kept: ArrayBuffer[] = [];
  let keptBytes = 0;
  return {
    take(length) {
      const bytes = length * Float64Array.BYTES_PER_ELEMENT;
      // The smallest that fits, so large buffers stay for large chunks.
      let best = -1;
      for (let i = 0; i < kept.length; i++) {
        if (kept[i].byteLength >= bytes && (best < 0 || kept[i].byteLength < kept[best].byteLength)) best = i;
      }
      if (best >= 0) {
        const [buffer] = kept.splice(best, 1);
        keptBytes -= buffer.byteLength;
        return new Float64Array(buffer, 0, length);
      }
      // Powers of two: a buffer made for one chunk fits most chunks of a stream.
      return new Float64Array(new ArrayBuffer(Math.max(minBytes, 2 ** Math.ceil(Math.log2(Math.max(1, bytes))))), 0, length);
    },
    give(buffers) {
      for (const buffer of buffers) {
        // Anything else (a detached buffer, a stray value from a broken page) is ignored,
        // and so is a buffer kept already: two chunks written into one would mix their points.
        if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0 || kept.includes(buffer)) continue;
        if (kept.length >= maxKept) return;
        if (keptBytes + buffer.byteLength > maxKeptBytes) continue;
        kept.push(buffer);
        keptBytes += buffer.byteLength;
      }
    },
    get size() {
      return kept.length;
    },
  };
}
