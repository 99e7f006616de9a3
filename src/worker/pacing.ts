/**
 * How the worker paces its work: how it yields between time slices (a
 * MessageChannel task, so a newer request is seen between two slices) and,
 * on a machine with few cores, how long it pauses between slices of runs.
 */

/** Runs `task` later, after pending messages had a chance to arrive. */
export type Schedule = (task: () => void) => void;
/** Runs `task` after a pause; returns a function that cancels it. */
export type Rest = (task: () => void) => () => void;

/** The pause between two slices of runs (ms), see restFor. */
const restMs = 4;

/**
 * The pause between slices of runs for a machine with `cores` logical
 * processors: a timer of restMs after each slice (8 ms of work, then 4 of
 * rest) where there are two or fewer, none where there are more.
 *
 * On two cores a stream of long runs kept both busy, the worker's and the
 * page's, and the browser's own threads (compositor, GPU process, raster)
 * took their time from one of them, often the page's: its tasks ran twice
 * their CPU time in traces (a commit of 58 ms wall for 24 ms of CPU), and
 * some crossed 50 ms. Fourteen alternated long-run benchmarks (8 × 100,000
 * steps, 2 cores): without the pause, a long task (52–56 ms) in four and a
 * click waiting over 50 ms in three (up to 244 ms); with it, one long task
 * (55 ms) and clicks waiting 10–49 ms at most, for streams ~12 % longer
 * (~710 ms against ~630 on average).
 */
export function restFor(cores: number | undefined): Rest | null {
  if (!(typeof cores === 'number' && cores <= 2)) return null;
  return (task) => {
    const timer = setTimeout(task, restMs);
    return () => clearTimeout(timer);
  };
}

/**
 * Yield to the event loop without setTimeout's 4 ms clamp on nested timers:
 * a MessageChannel task runs as soon as already-queued messages are handled.
 */
export function createTaskScheduler(): Schedule {
  if (typeof MessageChannel !== 'function') return (task) => void setTimeout(task, 0);
  let channel: MessageChannel | null = null;
  const queue: Array<() => void> = [];
  return (task) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
      // In Node an open port would keep the process alive.
      (channel.port1 as unknown as { unref?: () => void }).unref?.();
    }
    queue.push(task);
    channel.port2.postMessage(null);
  };
}
