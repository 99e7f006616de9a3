/**
 * The step inspector's side of the worker: the numbers of step t of a run
 * (gradient, learning rate, optimizer state before and after, the step taken),
 * read from the core's own `explain` record so they are the numbers the run
 * used, bit for bit.
 *
 * Recording every step of every streamed run would cost megabytes per
 * 100,000-step run, so the streamed runs record nothing; a run is re-simulated
 * with `explain` only when someone inspects it. Simulations are cached by
 * config and advanced ahead of the step asked (at least doubling), so scrubbing
 * back is a lookup and scrubbing forward re-simulates only the new steps. The
 * cache holds at most `maxCachedSteps` recorded steps (≈ 100–200 bytes each,
 * see StepRecord), least recently used first out.
 */
import { createSimulation, type Simulation } from '../core';
import type { StepRecord, Vec2 } from '../core/types';
import type { RunRequest, StepInspection } from './protocol';

export interface InspectionJob {
  generation: number;
  step: number;
  requests: RunRequest[];
  /** One per request, null until the first slice looks them up. */
  entries: Entry[] | null;
}

interface Entry {
  fingerprint: string;
  simulation: Simulation | null;
  /** Start then every iterate, x, y, f interleaved; `count` points valid. */
  points: Float64Array;
  count: number;
  /** The record as of `recordSteps` steps (a snapshot: the core copies on every read). */
  record: StepRecord | null;
  recordSteps: number;
  lastUsed: number;
  /** Why the run could not be simulated, when it could not. */
  error: string | null;
}

export interface InspectionCacheOptions {
  /** Recorded steps kept across all cached runs. */
  maxCachedSteps?: number;
  /** Steps advanced between two looks at the clock. */
  chunkSteps?: number;
}

export const inspectionDefaults = { maxCachedSteps: 400_000, chunkSteps: 512 } as const;

/** Steps a simulation is advanced past the one asked, so a step-by-step walk re-simulates rarely. */
const minimumLead = 1024;

export function createInspectionCache(options: InspectionCacheOptions = {}) {
  const maxCachedSteps = options.maxCachedSteps ?? inspectionDefaults.maxCachedSteps;
  const chunkSteps = options.chunkSteps ?? inspectionDefaults.chunkSteps;
  const cache = new Map<string, Entry>();
  let clock = 0;

  function lookUp(request: RunRequest): Entry {
    const fingerprint = JSON.stringify(request.config);
    let entry = cache.get(fingerprint);
    if (!entry) {
      entry = { fingerprint, simulation: null, points: new Float64Array(0), count: 0, record: null, recordSteps: -1, lastUsed: 0, error: null };
      try {
        entry.simulation = createSimulation({ ...request.config, explain: true });
        append(entry, entry.simulation.start);
      } catch (error) {
        entry.error = error instanceof Error ? error.message || error.name : String(error);
      }
      cache.set(fingerprint, entry);
    }
    entry.lastUsed = ++clock;
    return entry;
  }

  /** Advance `entry` towards `target` steps; false when the clock ran out first. */
  function advance(entry: Entry, step: number, deadline: number, now: () => number): boolean {
    const simulation = entry.simulation;
    if (!simulation) return true;
    const target = Math.max(step + minimumLead, 2 * simulation.steps);
    while (!simulation.done && simulation.steps < step) {
      append(entry, simulation.advance(Math.min(chunkSteps, target - simulation.steps)));
      if (now() >= deadline) return simulation.done || simulation.steps >= step;
    }
    // Ahead of the step asked, within what is left of the slice.
    while (!simulation.done && simulation.steps < target && now() < deadline) {
      append(entry, simulation.advance(Math.min(chunkSteps, target - simulation.steps)));
    }
    return true;
  }

  function evict(keep: ReadonlySet<Entry>) {
    let total = 0;
    for (const entry of cache.values()) total += entry.simulation?.steps ?? 0;
    if (total <= maxCachedSteps) return;
    // Others first, least recently used first; then, if still too much, the ones just answered.
    const order = [...cache.values()].sort((a, b) => Number(keep.has(a)) - Number(keep.has(b)) || a.lastUsed - b.lastUsed);
    for (const entry of order) {
      if (total <= maxCachedSteps) break;
      total -= entry.simulation?.steps ?? 0;
      cache.delete(entry.fingerprint);
    }
  }

  return {
    /**
     * Work on `job` until every run has reached its step (or stopped) or the
     * clock passes `deadline`. Returns the answer when done, null when more
     * slices are needed. At least one chunk of work is done per call.
     */
    work(job: InspectionJob, deadline: number, now: () => number): StepInspection[] | null {
      const entries = (job.entries ??= job.requests.map(lookUp));
      let finished = true;
      for (const entry of entries) {
        let reached: boolean;
        try {
          reached = advance(entry, job.step, deadline, now);
        } catch (error) {
          // One run that throws (a custom surface, say) is reported; the others are still answered.
          entry.error = error instanceof Error ? error.message || error.name : String(error);
          entry.simulation = null;
          reached = true;
        }
        if (!reached) {
          finished = false;
          break;
        }
      }
      if (!finished) return null;
      const answer = entries.map((entry, i) => describe(entry, job.requests[i].key, job.step));
      evict(new Set(entries));
      return answer;
    },
    /** Recorded steps held, over all cached runs. */
    cachedSteps(): number {
      let total = 0;
      for (const entry of cache.values()) total += entry.simulation?.steps ?? 0;
      return total;
    },
    clear() {
      cache.clear();
    },
  };
}

export type InspectionCache = ReturnType<typeof createInspectionCache>;

function append(entry: Entry, points: Float64Array) {
  const needed = entry.count * 3 + points.length;
  if (needed > entry.points.length) {
    const next = new Float64Array(Math.max(needed, entry.points.length * 2, 3 * 1024));
    next.set(entry.points.subarray(0, entry.count * 3));
    entry.points = next;
  }
  entry.points.set(points, entry.count * 3);
  entry.count += points.length / 3;
}

const pointAt = (entry: Entry, k: number): [number, number, number] =>
  [entry.points[3 * k], entry.points[3 * k + 1], entry.points[3 * k + 2]];

const pair = (values: Float64Array, k: number): Vec2 => [values[2 * k], values[2 * k + 1]];

/** What the run did at step `step` (1-based: step t moves x_{t−1} to x_t; 0 is the start). */
function describe(entry: Entry, key: string, step: number): StepInspection {
  const simulation = entry.simulation;
  // How far ahead the cache happens to be must not show: the end is told only once the step reaches it.
  const ended = simulation !== null && simulation.done && simulation.stoppedAt <= step;
  const base: StepInspection = {
    key, step, kind: 'stopped', from: null, to: null, delta: null, gradient: null, learningRate: null, before: {}, after: {},
    status: ended ? simulation.status : 'running',
    stoppedAt: ended ? simulation.stoppedAt : 0,
    message: entry.error ?? (ended ? simulation.message : ''),
  };
  if (!simulation || entry.error !== null) return { ...base, kind: 'error' };
  if (entry.count === 0) return base; // the start was not finite: no point at all
  if (step <= 0) return { ...base, kind: 'start', from: pointAt(entry, 0) };
  if (step >= entry.count) {
    // No step t: the run stopped before it. `from` is the last point reached.
    return { ...base, from: pointAt(entry, entry.count - 1) };
  }
  if (entry.recordSteps !== simulation.steps) {
    entry.record = simulation.explain ?? null;
    entry.recordSteps = simulation.steps;
  }
  const record = entry.record;
  if (!record) return { ...base, kind: 'error', message: 'The run did not record its steps.' };
  const k = step - 1;
  const from = pointAt(entry, k);
  const to = pointAt(entry, step);
  const before: Record<string, Vec2> = {};
  const after: Record<string, Vec2> = {};
  for (const [name, values] of Object.entries(record.state)) {
    // Every optimizer's state starts at zero (core optimizers/optimizer.ts `vector`).
    before[name] = k === 0 ? [0, 0] : pair(values, k - 1);
    after[name] = pair(values, k);
  }
  return {
    ...base,
    kind: 'step',
    from,
    to,
    delta: [to[0] - from[0], to[1] - from[1]],
    gradient: pair(record.gradients, k),
    learningRate: record.learningRates[k],
    before,
    after,
  };
}
