import { describe, expect, it } from 'vitest';
import { createTrajectoryStore } from '../../src/state/trajectories';

/** `n` points (x, y, f) numbered from `from`, so a copy can be checked point by point. */
function chunk(from: number, n: number): Float64Array {
  const out = new Float64Array(3 * n);
  for (let k = 0; k < n; k++) out.set([from + k, -(from + k), 10 * (from + k)], 3 * k);
  return out;
}

describe('trajectory store buffers', () => {
  it('sizes a run for its step budget up front and fills that one buffer: no copy while it streams', () => {
    const store = createTrajectoryStore();
    store.reset(['a'], [1001]);
    const buffer = store.get('a')!.points;
    expect(buffer.length).toBe(3 * 1001);
    for (let from = 0; from < 1001; from += 143) store.append('a', chunk(from, Math.min(143, 1001 - from)));
    const run = store.get('a')!;
    expect(run.points).toBe(buffer);
    expect(run.count).toBe(1001);
    expect(Array.from(run.points.subarray(0, 6))).toEqual([0, -0, 0, 1, -1, 10]);
    expect(Array.from(run.points.subarray(3 * 1000))).toEqual([1000, -1000, 10000]);
  });

  it("reuses a run's memory for its next generation, as a new view, and keeps a run it is told to keep", () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b'], [1001, 1001]);
    store.append('a', chunk(0, 1001));
    store.append('b', chunk(0, 1001));
    store.finish('b', 'budget', 1000, '');
    const first = store.get('a')!.points;
    const kept = store.get('b')!;
    store.reset(['a', 'b'], [1000, 1001], new Set(['b']));
    const next = store.get('a')!.points;
    // The same memory (no 24 KB of garbage per run), a new object (painters' caches start over), sized for 1000 points.
    expect(next).not.toBe(first);
    expect(next.buffer).toBe(first.buffer);
    expect(next.length).toBe(3 * 1000);
    expect(store.get('a')!.count).toBe(0);
    expect(store.get('b')).toBe(kept);
    expect(store.get('b')).toMatchObject({ count: 1001, status: 'budget' });
    // Far smaller runs get memory of their own: a big buffer is not kept alive for a few points.
    store.reset(['a'], [10]);
    expect(store.get('a')!.points.buffer).not.toBe(first.buffer);
    expect(store.get('a')!.points.length).toBe(30);
  });

  it('grows past a capacity that was too small, keeping every point', () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b'], [2]);
    store.append('a', chunk(0, 5));
    store.append('b', chunk(0, 700));
    expect(store.get('a')!.count).toBe(5);
    expect(Array.from(store.get('a')!.points.subarray(0, 15))).toEqual(Array.from(chunk(0, 5)));
    expect(Array.from(store.get('b')!.points.subarray(3 * 699, 3 * 700))).toEqual([699, -699, 6990]);
  });

  it('gives back the unused room of a run that stopped early', () => {
    const store = createTrajectoryStore();
    store.reset(['a'], [100_001]);
    store.append('a', chunk(0, 40));
    store.finish('a', 'converged', 39, '');
    const run = store.get('a')!;
    expect(run.points.length).toBe(3 * 40);
    expect(Array.from(run.points)).toEqual(Array.from(chunk(0, 40)));
    expect(run.status).toBe('converged');
  });

  it('never preallocates more than the largest step budget, whatever it is asked', () => {
    const store = createTrajectoryStore();
    store.reset(['a', 'b', 'c'], [1e12, NaN, -5]);
    expect(store.get('a')!.points.length).toBe(3 * 100_001);
    expect(store.get('b')!.points.length).toBe(0);
    expect(store.get('c')!.points.length).toBe(0);
  });
});
