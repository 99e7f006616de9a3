// Chromium's own trace (the Performance panel's data) for a stretch of a
// scenario: every task the page's main thread ran, with what it spent its
// time on. The long task API only reports tasks over 50 ms; the trace sees
// every task, so it can hold work to one frame.

const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'cc',
];

export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories });
}

/** Names of the work inside a task worth reporting. */
const interesting = new Set([
  'EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'TimerFire', 'HandlePostMessage', 'RunMicrotasks',
  'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'LayerTreeHost::DoUpdateLayers',
  'MajorGC', 'MinorGC', 'EvaluateScript', 'v8.compile', 'ParseHTML',
]);

/**
 * Stops tracing; resolves to the page main thread's tasks, longest first:
 * { ms, cpuMs, what, marks } where `ms` is the task's wall time, `cpuMs` the
 * time the thread actually ran in it (on two cores the browser's other
 * threads and the worker take the page's core for part of a task: wall
 * above CPU is time the page waited), `what` lists the task's biggest
 * pieces, e.g. "Commit 40.1, FunctionCall 12.0", and `marks` the app's User
 * Timing marks made inside it (e.g. "optiscope:grid": the task that
 * received a grid).
 */
export async function stopTrace(browser) {
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const key = (e) => `${e.pid}:${e.tid}`;
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(key(e), e.args?.name);
  // The page's main thread: the renderer main thread that ran the most script.
  const calls = new Map();
  for (const e of events) if (e.name === 'FunctionCall' && names.get(key(e)) === 'CrRendererMain') calls.set(key(e), (calls.get(key(e)) ?? 0) + 1);
  const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && key(e) === main).sort((a, b) => a.ts - b.ts);
  const userMarks = events.filter((e) => key(e) === main && String(e.cat).includes('user_timing') && e.name?.startsWith('optiscope:') && e.ph !== 'e');
  const tasks = complete.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // Both names wrap the same task in recent Chromium; keep the outer one.
  const outer = [];
  for (const task of tasks) {
    const last = outer[outer.length - 1];
    if (last && task.ts >= last.ts && task.ts + task.dur <= last.ts + last.dur) continue;
    outer.push(task);
  }
  let cursor = 0;
  return outer
    .map((task) => {
      const end = task.ts + task.dur;
      while (cursor < complete.length && complete[cursor].ts < task.ts) cursor++;
      const parts = new Map();
      for (let i = cursor; i < complete.length && complete[i].ts < end; i++) {
        const e = complete[i];
        if (!interesting.has(e.name) || e.ts + e.dur > end) continue;
        const label = e.name === 'EventDispatch' ? `${e.name}(${e.args?.data?.type})` : e.name;
        parts.set(label, Math.max(parts.get(label) ?? 0, 0) + e.dur);
      }
      const what = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
      const marks = userMarks.filter((m) => m.ts >= task.ts && m.ts <= end).map((m) => m.name);
      return { ms: task.dur / 1000, cpuMs: typeof task.tdur === 'number' ? task.tdur / 1000 : NaN, what, marks };
    })
    .sort((a, b) => b.ms - a.ms);
}
