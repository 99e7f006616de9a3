// What every browser scenario shares: a fresh page at 1280×800 with probes
// installed before the app's first script, waiting for the app to settle,
// reading its User Timing entries, and small statistics.

/**
 * Runs in the page before any of its scripts (addInitScript), so the long
 * task observer sees the boot too. It records:
 * - every long task (> 50 ms, the browser's definition) with its start,
 * - every long animation frame (> 50 ms) with the scripts that ran in it,
 * - for chosen DOM events, when the browser stamped the event and when its
 *   first listener ran (the gap is how long input waited for the main thread),
 * - animation frame times while `__bench.frames.on` is set,
 * - every paint of contour bands drawn for the view on screen (the bands
 *   canvas is not stretching an older view's bands, so the grid was sampled
 *   for exactly this view), with the start of the next animation frame after
 *   it and the grid's size (coarser mid-gesture).
 */
function probes() {
  const bench = { longTasks: [], longFrames: [], events: [], frames: { on: false, times: [] }, contours: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTaskUnsupported = true;
  }
  try {
    // Long animation frames, with the scripts that ran in them: what a long task was.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map((s) => ({
            invoker: s.invoker, invokerType: s.invokerType, fn: s.sourceFunctionName, start: s.startTime, duration: s.duration,
            layout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    bench.longFrameUnsupported = true;
  }
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel']) {
    window.addEventListener(type, (event) => {
      bench.events.push({ type, stamp: event.timeStamp, handled: performance.now() });
    }, { capture: true, passive: true });
  }
  new MutationObserver((records) => {
    // The bands canvas counts its paints; one not stretched shows a grid sampled for exactly this view.
    const painted = records.some((r) => r.target instanceof HTMLCanvasElement && r.target.dataset.testid === 'contour-bands' &&
      r.target.dataset.stretched === 'false' && Number(r.target.dataset.bands) > 0);
    if (!painted) return;
    const canvas = records.find((r) => r.target instanceof HTMLCanvasElement && r.target.dataset.testid === 'contour-bands').target;
    const entry = { at: performance.now(), frame: NaN, size: canvas.dataset.gridSize };
    bench.contours.push(entry);
    requestAnimationFrame(() => { entry.frame = performance.now(); });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-paints'] });
  const tick = (time) => {
    if (bench.frames.on) bench.frames.times.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** A new context (cold cache) and page at 1280×800 with the probes installed. */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript(probes);
  const page = await context.newPage();
  return { context, page };
}

/** The app's link for a scene: `#v=1&…` is appended to the base URL. */
export function appUrl(baseURL, hash) {
  return `${baseURL}#${hash}`;
}

/** Wait until contour bands are drawn and every run of the current generation has stopped. */
export async function settled(page, timeout = 120_000) {
  await page.waitForFunction(
    () => {
      const app = window.__optiscope;
      const full = document.querySelector('[data-testid="contour-plot"][data-grid="full"]');
      const bands = full ? Number(full.parentElement.querySelector('[data-testid="contour-bands"]')?.dataset.bands ?? 0) : 0;
      return Boolean(app && bands > 2 && app.trajectories.keys().length > 0 && app.trajectories.complete());
    },
    null,
    { timeout, polling: 50 },
  );
}

/** Press "Show all" so every path is drawn whole, and park the pointer off the plot. */
export async function showAll(page) {
  await page.click('[data-testid="show-all"]');
  await page.waitForSelector('[data-testid="show-all"][aria-pressed="true"]');
  // Clicking may have scrolled the button into view (eight runs push it down): bring the plot back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
}

/** Durations of the app's measures with this name, in order. */
export function measures(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => ({ start: e.startTime, duration: e.duration })), name);
}

/** Start times of the app's marks with this name, in order. */
export function marks(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark').map((e) => e.startTime), name);
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values) {
  return percentile(values, 50);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The eight runs the speed budgets use, on `bumpy`, each with a learning rate that stays on the surface. */
export function eightRuns() {
  return [
    'gd(lr=0.01)', 'momentum(lr=0.01)', 'nesterov(lr=0.01)', 'adagrad(lr=0.1)',
    'rmsprop(lr=0.01)', 'adadelta(lr=1)', 'adam(lr=0.01)', 'adamw(lr=0.01)',
  ].map((run) => `run=${run}`).join('&');
}

/**
 * What a long task was, from the long animation frame holding it: the
 * frame's length, its scripts over 5 ms (by function, or what invoked them)
 * and its rendering. Empty when no frame holds the task.
 */
export function describeLongTask(task, longFrames) {
  const frame = longFrames.find((f) => f.start <= task.start + 1 && task.start + task.duration <= f.start + f.duration + 1);
  if (!frame) return '';
  const scripts = frame.scripts
    .filter((s) => s.duration >= 5)
    .map((s) => `${s.fn || s.invoker || s.invokerType} ${s.duration.toFixed(0)}`);
  const render = frame.renderStart > 0 ? frame.start + frame.duration - frame.renderStart : 0;
  const parts = [...scripts];
  if (render >= 5) parts.push(`rendering ${render.toFixed(0)}`);
  return `frame ${frame.duration.toFixed(0)} ms: ${parts.join(', ') || 'no script or rendering over 5 ms'}`;
}
