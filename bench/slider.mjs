// Budget 1, slider to pixels: 8 runs × 1,000 steps on `bumpy`, "Show all",
// 100 learning-rate changes through the real slider, twice: dragging its
// thumb with the mouse (a few pixels a move, one input event each), which is
// what the budget holds, and with the arrow keys. Each change is awaited
// until the app records its `optiscope:input-to-paint` and
// `optiscope:input-to-frame` measures (src/plot/latency.ts), then a random
// pause follows so the inputs land at every phase of the display's frame.
//
// Why both: Chromium (DeferRendererTasksAfterInput, on by default, policy
// "all types") holds every task of the page after a discrete input — a key
// press, a click — until the frame after it has been drawn, the worker's
// reply included. A key press therefore shows its new paths a frame later
// than a drag does, however fast the app is; the key figures show that cost.

import { appUrl, eightRuns, measures, openPage, percentile, settled, showAll, sleep } from './page.mjs';

export const sliderScene = `v=1&s=bumpy&n=1000&${eightRuns()}`;

const warmup = 10;
const changes = 100;
/** One frame at 60 Hz. */
export const frameMs = 1000 / 60;

const measured = () => performance.getEntriesByName('optiscope:input-to-frame').length;

/** Wait for the measures of the change just made, then a random pause. */
async function awaitMeasure(page, seen) {
  await page.waitForFunction((n) => performance.getEntriesByName('optiscope:input-to-frame').length > n, seen, { polling: 5, timeout: 10_000 });
  await sleep(20 + Math.random() * 40);
}

/** The last `changes` measures of both kinds, as durations. */
async function lastMeasures(page) {
  const paint = (await measures(page, 'optiscope:input-to-paint')).slice(-changes);
  const frame = (await measures(page, 'optiscope:input-to-frame')).slice(-changes);
  if (paint.length < changes || frame.length < changes) throw new Error('the slider changes were not all measured');
  return { p: paint.map((e) => e.duration), f: frame.map((e) => e.duration) };
}

/** Drag the thumb: press on it, then move a few pixels at a time, 20 changes right, 20 left. */
async function drag(page, slider) {
  const box = await slider.boundingBox();
  const fraction = await slider.evaluate((el) => (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min)));
  // The thumb's centre: the track runs from half a thumb in from each end (~8 px here).
  const thumb = 8;
  const y = box.y + box.height / 2;
  let x = box.x + thumb + fraction * (box.width - 2 * thumb);
  await page.mouse.move(x, y);
  await page.mouse.down();
  let done = 0;
  for (let moves = 0; done < warmup + changes; moves++) {
    if (moves > 4 * (warmup + changes)) throw new Error('dragging the slider stopped changing the learning rate');
    const before = await slider.inputValue();
    const seen = await page.evaluate(measured);
    x += Math.floor(done / 20) % 2 === 0 ? 3 : -3;
    await page.mouse.move(x, y);
    // A move within one tick changes nothing, and nothing is measured.
    if ((await slider.inputValue()) === before) continue;
    await awaitMeasure(page, seen);
    done++;
  }
  await page.mouse.up();
}

export async function measureSlider(browser, baseURL, say) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(appUrl(baseURL, sliderScene));
    await settled(page);
    await showAll(page);
    // With COOP and COEP headers (vite.config.ts) the page reads the worker's reply in the input's own frame.
    const isolated = await page.evaluate(() => window.crossOriginIsolated === true);
    const slider = page.locator('[data-testid="run-0-lr"]');
    say(`slider: ${warmup} warm-up and ${changes} measured learning-rate changes, dragging the thumb`);
    await drag(page, slider);
    const dragged = await lastMeasures(page);
    say(`slider: the same with the arrow keys`);
    await slider.focus();
    for (let i = 0; i < warmup + changes; i++) {
      const seen = await page.evaluate(measured);
      // Ten ticks up, ten down: η stays within a factor 1.8 of where it started.
      await page.keyboard.press(Math.floor(i / 10) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await awaitMeasure(page, seen);
    }
    const keyed = await lastMeasures(page);
    // How long the key event waited for the main thread before any handler ran.
    const queued = await page.evaluate(() => window.__bench.events.filter((e) => e.type === 'keydown').map((e) => e.handled - e.stamp));
    const q = queued.slice(-changes);
    return [
      { figure: 'slider, dragged: input → paint, p50', value: percentile(dragged.p, 50), unit: 'ms' },
      {
        figure: 'slider, dragged: input → paint, p95', value: percentile(dragged.p, 95), unit: 'ms', budget: frameMs, op: '≤',
        note: isolated ? 'cross-origin isolated: replies read from the shared mailbox in the input\'s frame' : 'not cross-origin isolated: no shared mailbox, every reply waits for the input\'s frame to end',
      },
      { figure: 'slider, dragged: input → next frame, p50', value: percentile(dragged.f, 50), unit: 'ms' },
      { figure: 'slider, dragged: input → next frame, p95', value: percentile(dragged.f, 95), unit: 'ms' },
      {
        figure: 'slider, arrow keys: input → paint, p50 / p95', value: percentile(keyed.p, 95), unit: 'ms',
        note: `p50 ${percentile(keyed.p, 50).toFixed(1)} ms; Chromium holds the page's tasks after a key press until its frame is drawn`,
      },
      { figure: 'slider, arrow keys: key event waited for the page, p95', value: percentile(q, 95), unit: 'ms' },
    ];
  } finally {
    await context.close();
  }
}
