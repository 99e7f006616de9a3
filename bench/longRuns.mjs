// Budget 2, long runs stay smooth: 8 runs on `bumpy` with "Show all", then the
// steps field is set to 100,000 the way a user does it (type, Enter), three
// times (100,000 → 99,999 → 100,000), each stream awaited to its end. While
// the runs stream, the pointer clicks an inert spot (the page's tagline) and
// Node times a round trip into the page, so we see how long input waits.
// Memory: JS heap plus ArrayBuffer memory after a forced GC, once before the
// first stream and once after the last.

import { appUrl, describeLongTask, eightRuns, openPage, percentile, settled, showAll, sleep } from './page.mjs';

const runs = 8;
const longSteps = 100_000;
/** x, y, f as float64 per point, the start included: what the page must keep for export. */
export const rawBytes = runs * (longSteps + 1) * 3 * 8;

async function heapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  // backingStorageSize: ArrayBuffer contents, where the trajectories live (not in usedSize).
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

async function setSteps(page, steps) {
  const field = page.locator('[data-testid="steps"]');
  await field.fill(String(steps));
  await field.press('Enter');
}

/** Every run of the generation has stopped and holds `steps` + 1 points. */
function streamed(page, steps) {
  return page.waitForFunction(
    (n) => {
      const t = window.__optiscope.trajectories;
      return t.complete() && t.keys().length > 0 && t.keys().every((k) => t.get(k).count === n + 1);
    },
    steps,
    { polling: 20, timeout: 300_000 },
  );
}

export async function measureLongRuns(browser, baseURL, say) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(appUrl(baseURL, `v=1&s=bumpy&n=1000&${eightRuns()}`));
    await settled(page);
    await showAll(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const before = await heapBytes(cdp);
    // The tagline (or the title) does nothing when clicked, so clicks only probe how soon the page listens.
    const spot = await page.locator('.app-header .tagline').or(page.locator('.app-header h1')).first().boundingBox();
    const inert = { x: spot.x + 5, y: spot.y + spot.height / 2 };

    const roundTrips = [];
    const streams = [];
    const t0 = await page.evaluate(() => performance.now());
    for (const steps of [longSteps, longSteps - 1, longSteps]) {
      say(`long runs: ${runs} × ${steps.toLocaleString('en')} steps streaming`);
      const started = await page.evaluate(() => {
        window.__bench.frames.times = [];
        window.__bench.frames.on = true;
        return performance.now();
      });
      await setSteps(page, steps);
      let done = false;
      const finished = streamed(page, steps).then(() => { done = true; });
      while (!done) {
        const sent = performance.now();
        await page.evaluate(() => 0);
        roundTrips.push(performance.now() - sent);
        await page.mouse.click(inert.x, inert.y);
        await sleep(15 + Math.random() * 20);
      }
      await finished;
      const ended = await page.evaluate(() => {
        window.__bench.frames.on = false;
        return performance.now();
      });
      const frames = await page.evaluate(() => window.__bench.frames.times);
      streams.push({ ms: ended - started, frameGap: Math.max(0, ...frames.slice(1).map((t, i) => t - frames[i])) });
      // Let the last paints and React's status updates run before the next change.
      await sleep(300);
    }
    const after = await heapBytes(cdp);
    const probe = await page.evaluate((from) => ({
      longTasks: window.__bench.longTasks.filter((task) => task.start >= from),
      longFrames: window.__bench.longFrames.filter((frame) => frame.start + frame.duration >= from),
      delays: window.__bench.events.filter((e) => e.type === 'pointerdown' && e.handled >= from).map((e) => e.handled - e.stamp),
    }), t0);
    const longest = Math.max(0, ...probe.longTasks.map((task) => task.duration));
    // The three longest, each with what its long animation frame ran.
    const what = [...probe.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 3)
      .map((task) => `${task.duration.toFixed(0)} ms (${describeLongTask(task, probe.longFrames) || 'in no long frame'})`);
    return [
      { figure: `long runs: stream 8 × 100,000 steps (mean of ${streams.length})`, value: streams.reduce((s, x) => s + x.ms, 0) / streams.length, unit: 'ms' },
      {
        figure: 'long runs: longest main-thread task (longtask)',
        value: longest, unit: 'ms', budget: 50, op: '≤',
        note: [`${probe.longTasks.length} long task(s)`, ...what].join('; '),
      },
      { figure: 'long runs: click waited for the page, p95', value: percentile(probe.delays, 95), unit: 'ms', note: `${probe.delays.length} clicks` },
      { figure: 'long runs: click waited for the page, max', value: Math.max(0, ...probe.delays), unit: 'ms', budget: 50, op: '≤' },
      { figure: 'long runs: Node → page round trip, max', value: Math.max(0, ...roundTrips), unit: 'ms' },
      { figure: 'long runs: longest gap between frames', value: Math.max(...streams.map((s) => s.frameGap)), unit: 'ms' },
      {
        figure: 'long runs: memory growth after 3 streams (heap + buffers, after GC)',
        value: (after - before) / 2 ** 20, unit: 'MB', budget: (2 * rawBytes) / 2 ** 20, op: '≤',
        note: `raw trajectories ${(rawBytes / 2 ** 20).toFixed(1)} MB`,
      },
    ];
  } finally {
    await context.close();
  }
}
