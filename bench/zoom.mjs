// Budget 3, zoom: wheel gestures over the plot (8 runs × 1,000 steps on
// `bumpy`, "Show all"). A gesture is six wheel notches a frame apart, in and
// out by turns. For each gesture: from the last wheel event — its timestamp
// plus the time Chromium takes to deliver a wheel to an idle page (the
// median over the gestures' first wheels), so a wheel that waited behind the
// page's own work counts that wait — to the first `optiscope:grid` mark
// after it (counted from when the page received it), and to the paint of contour
// bands for the view on screen (a bench probe watches the bands canvas paint
// bands it no longer stretches) and the frame after it — mid-gesture grids
// have a third of the samples, so these are the coarser grid's bands; the
// time to the full grid's, asked for when d3-zoom ends the gesture 150 ms
// after its last notch, is reported too — and the longest gap
// between animation frames during the gestures (the picture must move every
// frame). The latency from the bare timestamp is reported too, with the
// delivery times (~25 ms: Chromium forwarding Playwright's synthetic wheel
// and delivering it with the next frame).
// Then more gestures with Chromium's trace on, to find the main
// thread's tasks: the longest one that received a grid (the page's share of
// contour work, held to one frame) and the longest of all. Tracing slows the
// page (it records every task and paint), so the latencies are measured on
// gestures that are not traced.

import { appUrl, median, openPage, percentile, settled, showAll, sleep } from './page.mjs';
import { sliderScene, frameMs } from './slider.mjs';
import { startTrace, stopTrace } from './trace.mjs';
import { measureContinuousZoom } from './zoomContinuous.mjs';

const gestures = 20;
const tracedGestures = 10;
const notches = 6;

/** Six wheel notches a frame apart; zooms in on even gestures, out on odd ones. */
async function gesture(page, g) {
  const deltaY = g % 2 === 0 ? -100 : 100;
  for (let n = 0; n < notches; n++) {
    await page.mouse.wheel(0, deltaY);
    await sleep(frameMs);
  }
}

export async function measureZoom(browser, baseURL, say) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(appUrl(baseURL, sliderScene));
    await settled(page);
    await showAll(page);
    await page.waitForSelector('[data-testid="contour-plot"] .plot-zoom-area[data-zoom="ready"]');
    const fullSize = await page.getAttribute('[data-testid="contour-bands"]', 'data-grid-size');
    const plot = await page.locator('[data-testid="contour-plot"] .plot-hit').boundingBox();
    const centre = { x: plot.x + plot.width * 0.45, y: plot.y + plot.height * 0.55 };
    await page.mouse.move(centre.x, centre.y);
    say(`zoom: ${gestures} wheel gestures of ${notches} notches`);
    const toGrid = [];
    const toFrame = [];
    const delivery = [];
    const idleDelivery = [];
    const fromStamp = [];
    const toFull = [];
    const gestureFrames = [];
    for (let g = 0; g < gestures; g++) {
      const before = await page.evaluate(() => {
        window.__bench.frames.times = [];
        window.__bench.frames.on = true;
        return window.__bench.events.filter((e) => e.type === 'wheel').length;
      });
      await gesture(page, g);
      const [first, last] = await page.evaluate((n) => {
        const wheels = window.__bench.events.filter((e) => e.type === 'wheel');
        return [wheels[n], wheels[wheels.length - 1]];
      }, before);
      const lastWheel = last.handled;
      // The gesture's first wheel reaches a page idle for 150 ms or more: Chromium's own delivery time.
      idleDelivery.push(first.handled - first.stamp);
      delivery.push(last.handled - last.stamp);
      const settledAt = await page.waitForFunction(
        (after) => {
          const commit = window.__bench.contours.find((c) => c.at > after && Number.isFinite(c.frame));
          if (!commit) return null;
          const grids = performance.getEntriesByName('optiscope:grid', 'mark').filter((m) => m.startTime > after && m.startTime <= commit.at);
          return { grid: grids.length ? grids[grids.length - 1].startTime : NaN, contours: commit.at, frame: commit.frame };
        },
        lastWheel,
        { polling: 5, timeout: 10_000 },
      ).then((handle) => handle.jsonValue());
      toGrid.push(settledAt.grid - lastWheel);
      fromStamp.push(settledAt.contours - last.stamp);
      toFrame.push(settledAt.frame - lastWheel);
      const frames = await page.evaluate(() => {
        window.__bench.frames.on = false;
        return window.__bench.frames.times;
      });
      gestureFrames.push(...frames.slice(1).map((t, i) => t - frames[i]));
      // Grids are coarser mid-gesture; the full one follows when d3-zoom ends the gesture (150 ms after its last notch).
      const full = await page.waitForFunction(
        ([after, size]) => window.__bench.contours.find((c) => c.at > after && c.size === size)?.at ?? null,
        [lastWheel, fullSize],
        { polling: 20, timeout: 10_000 },
      ).then((handle) => handle.jsonValue());
      toFull.push(full - lastWheel);
      await sleep(150 + Math.random() * 100);
    }
    // From the last wheel's timestamp plus Chromium's delivery on an idle page: a wheel that
    // waited longer, behind the page's own work, counts that wait against the page.
    const base = median(idleDelivery);
    const toContours = fromStamp.map((ms) => ms - base);
    if (process.env.BENCH_DEBUG) say(`zoom: to grid ${toGrid.map(Math.round)}; to contours ${toContours.map(Math.round)}`);
    say(`zoom: ${tracedGestures} more gestures, traced`);
    await startTrace(browser, page);
    for (let g = 0; g < tracedGestures; g++) {
      await gesture(page, g);
      await sleep(300);
    }
    const tasks = await stopTrace(browser);
    const longest = tasks[0] ?? { ms: 0, what: '' };
    const overFrame = tasks.filter((t) => t.ms > frameMs).length;
    // The page's share of contour work: the task that receives a grid renders and paints it.
    const gridTasks = tasks.filter((t) => t.marks.includes('optiscope:grid'));
    const longestGrid = gridTasks[0] ?? { ms: NaN, what: '' };
    say('zoom: 6 gestures with a wheel step every frame');
    const continuous = await measureContinuousZoom(page, missedFrames);
    return [
      { figure: 'zoom: last wheel → new grid, p95', value: percentile(toGrid.filter(Number.isFinite), 95), unit: 'ms' },
      {
        figure: 'zoom: last wheel → contours painted, p95', value: percentile(toContours, 95), unit: 'ms', budget: 50, op: '≤',
        note: `from its timestamp + ${base.toFixed(0)} ms, Chromium's delivery of a wheel to an idle page (median)`,
      },
      { figure: 'zoom: last wheel → frame showing them, p95', value: percentile(toFrame, 95), unit: 'ms' },
      {
        figure: 'zoom: last wheel → full grid painted, p95', value: percentile(toFull, 95), unit: 'ms',
        note: `mid-gesture grids have a third of the samples; the full one (${fullSize}) is asked for when d3-zoom ends the gesture, 150 ms after its last wheel`,
      },
      {
        figure: 'zoom: last wheel, from its stamp → contours painted, p95', value: percentile(fromStamp, 95), unit: 'ms',
        note: `delivery of the last wheel: ${median(delivery).toFixed(0)} ms median, ${percentile(delivery, 95).toFixed(0)} ms p95; of a gesture's first, to an idle page: ${base.toFixed(0)} ms median`,
      },
      {
        figure: 'zoom: longest task receiving and painting a grid (trace)',
        value: longestGrid.ms, unit: 'ms', budget: frameMs, op: '≤',
        note: `${gridTasks.length} grids in ${tracedGestures} traced gestures; longest: ${cpuShare(longestGrid)}${longestGrid.what}`,
      },
      {
        figure: 'zoom: longest main-thread task (trace)',
        value: longest.ms, unit: 'ms',
        note: `${overFrame} task(s) over a frame; longest: ${cpuShare(longest)}${longest.what}`,
      },
      {
        // The picture moves every frame: no frame missed. A gap is read in frame intervals with half a
        // frame of jitter allowed (16.8 ms is the next frame, 33 ms one missed), as the display's clock is.
        figure: 'zoom: frames missed in gestures', value: missedFrames(gestureFrames), unit: 'frames', budget: 0, op: '≤',
        note: `${gestureFrames.length + missedFrames(gestureFrames)} frames in ${gestures} gestures; longest gap ${Math.max(0, ...gestureFrames).toFixed(1)} ms`,
      },
      ...continuous,
    ];
  } finally {
    await context.close();
  }
}

/** "page's thread ran 8.1 ms of it; " — the rest of a task's wall time the page waited (descheduled or blocked). */
function cpuShare(task) {
  return Number.isFinite(task.cpuMs) ? `page's thread ran ${task.cpuMs.toFixed(1)} ms of it; ` : '';
}

/** Frames that never came: a gap of n frame intervals hides n − 1 of them (half a frame of jitter allowed). */
function missedFrames(gaps) {
  return gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / frameMs) - 1), 0);
}
