// Chromium's own trace (the Performance panel's data) for a stretch of a
// scenario: every task the page's main thread ran, with what it spent its
// time on. The long task API only reports tasks over 50 ms; the trace sees
// every task, so it can hold work to one frame.

const categories = [
  'devtools.timeline',
  // Blink's garbage collector (V8's is in devtools.timeline): its sweeps run as tasks of their own.
  'blink_gc',
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
  'EvaluateScript', 'v8.compile', 'ParseHTML',
]);

/** V8's and Blink's garbage collectors, under whichever of their names a trace uses. */
const isGc = (name) => /^(V8\.GC|BlinkGC|CppGC|MajorGC|MinorGC)/.test(name);

/**
 * Stops tracing; resolves to the page main thread's tasks, longest first:
 * { ms, cpuMs, what, marks } where `ms` is the task's wall time, `cpuMs` the
 * time the thread actually ran in it (on two cores the browser's other
 * threads and the worker take the page's core for part of a task, or the
 * thread blocks on another: wall above CPU is time the page waited,
 * descheduled or blocked), `what` lists the task's biggest
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
  // Parents before their children when they start together.
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && key(e) === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
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
      // Time inside no piece worth naming (outermost pieces only, so nested ones count once).
      let named = 0;
      let namedUntil = -Infinity;
      let gcUntil = -Infinity;
      for (let i = cursor; i < complete.length && complete[i].ts < end; i++) {
        const e = complete[i];
        const gc = isGc(e.name);
        if ((!interesting.has(e.name) && !gc) || e.ts + e.dur > end) continue;
        const label = gc ? 'GC' : e.name === 'EventDispatch' ? `${e.name}(${e.args?.data?.type})` : e.name;
        // A collection's phases nest: count its outermost event only.
        if (gc && e.ts < gcUntil) continue;
        if (gc) gcUntil = e.ts + e.dur;
        parts.set(label, Math.max(parts.get(label) ?? 0, 0) + e.dur);
        if (e.ts >= namedUntil) {
          named += e.dur;
          namedUntil = e.ts + e.dur;
        }
      }
      const other = task.dur - named;
      if (other > 1000) parts.set('other', other);
      const what = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
      const marks = userMarks.filter((m) => m.ts >= task.ts && m.ts <= end).map((m) => m.name);
      return { ms: task.dur / 1000, cpuMs: typeof task.tdur === 'number' ? task.tdur / 1000 : NaN, what, marks };
    })
    .sort((a, b) => b.ms - a.ms);
}
