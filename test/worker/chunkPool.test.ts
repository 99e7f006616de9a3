import { describe, expect, it } from 'vitest';
import { createChunkPool } from '../../src/worker/chunkPool';

describe('chunk pool', () => {
  it('makes a new buffer when none is kept: a power of two, at least 16 KB, the view at its start', () => {
    const pool = createChunkPool();
    const small = pool.take(3);
    expect(small.length).toBe(3);
    expect(small.byteOffset).toBe(0);
    expect(small.buffer.byteLength).toBe(16 * 1024);
    const large = pool.take(3 * 1000); // 24,000 bytes
    expect(large.buffer.byteLength).toBe(32 * 1024);
  });

  it('uses a given buffer again, the smallest that fits', () => {
    const pool = createChunkPool();
    const big = new ArrayBuffer(64 * 1024);
    const middle = new ArrayBuffer(32 * 1024);
    const tiny = new ArrayBuffer(1024);
    pool.give([big, middle, tiny]);
    expect(pool.size).toBe(3);
    const chunk = pool.take(3 * 1000); // 24,000 bytes: fits middle and big
    expect(chunk.buffer).toBe(middle);
    expect(chunk.length).toBe(3000);
    expect(pool.take(3 * 2000).buffer).toBe(big);
    // Only the tiny one is left, too small for this: a new buffer.
    const fresh = pool.take(3 * 1000);
    expect(fresh.buffer).not.toBe(tiny);
    expect(pool.size).toBe(1);
  });

  it('ignores what is not a usable buffer, and keeps at most 64 buffers and 16 MB', () => {
    const pool = createChunkPool();
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    pool.give([detached, null, 'x', new Float64Array(4), undefined]);
    expect(pool.size).toBe(0);
    pool.give(Array.from({ length: 100 }, () => new ArrayBuffer(1024)));
    expect(pool.size).toBe(64);
    const roomy = createChunkPool();
    roomy.give(Array.from({ length: 10 }, () => new ArrayBuffer(4 * 1024 * 1024)));
    expect(roomy.size).toBe(4);
    // Past the bytes cap a large buffer is let go, a small one after it still kept.
    const mixed = createChunkPool();
    mixed.give([...Array.from({ length: 3 }, () => new ArrayBuffer(4 * 1024 * 1024)), new ArrayBuffer(8 * 1024 * 1024), new ArrayBuffer(1024)]);
    expect(mixed.size).toBe(4);
  });

  it('keeps a buffer given twice once: two chunks written into it would mix their points', () => {
    const pool = createChunkPool();
    const buffer = new ArrayBuffer(64 * 1024);
    pool.give([buffer, buffer]);
    pool.give([buffer]);
    expect(pool.size).toBe(1);
    expect(pool.take(30).buffer).toBe(buffer);
    expect(pool.take(30).buffer).not.toBe(buffer);
  });
});
