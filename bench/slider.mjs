// Budget 1, slider to pixels: 8 runs × 1,000 steps on `bumpy`, "Show all",
// 100 learning-rate changes through the real slider (keyboard: each arrow
// press moves the thumb one tick and fires one input event). Each change is
// awaited until the app records its `optiscope:input-to-paint` and
// `optiscope:input-to-frame` measures (src/plot/latency.ts), then a random
// pause follows so the inputs land at every phase of the display's frame.

import { appUrl, eightRuns, measures, openPage, percentile, settled, showAll, sleep } from './page.mjs';

export const sliderScene = `v=1&s=bumpy&n=1000&${eightRuns()}`;

const warmup = 10;
const changes = 100;
/** One frame at 60 Hz. */
export const frameMs = 1000 / 60;

export async function measureSlider(browser, baseURL, say) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(appUrl(baseURL, sliderScene));
    await settled(page);
    await showAll(page);
    const slider = page.locator('[data-testid="run-0-lr"]');
    await slider.focus();
    say(`slider: ${warmup} warm-up and ${changes} measured learning-rate changes`);
    for (let i = 0; i < warmup + changes; i++) {
      const seen = await page.evaluate(() => performance.getEntriesByName('optiscope:input-to-frame').length);
      // Ten ticks up, ten down: η stays within a factor 1.8 of where it started.
      await page.keyboard.press(Math.floor(i / 10) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction((n) => performance.getEntriesByName('optiscope:input-to-frame').length > n, seen, { polling: 5, timeout: 10_000 });
      await sleep(20 + Math.random() * 40);
    }
    const paint = (await measures(page, 'optiscope:input-to-paint')).slice(-changes);
    const frame = (await measures(page, 'optiscope:input-to-frame')).slice(-changes);
    // How long the key event waited for the main thread before any handler ran.
    const queued = await page.evaluate(() => window.__bench.events.filter((e) => e.type === 'keydown').map((e) => e.handled - e.stamp));
    if (paint.length < changes || frame.length < changes) throw new Error('the slider changes were not all measured');
    const p = paint.map((e) => e.duration);
    const f = frame.map((e) => e.duration);
    const q = queued.slice(-changes);
    return [
      { figure: 'slider: input → paint, p50', value: percentile(p, 50), unit: 'ms' },
      { figure: 'slider: input → paint, p95', value: percentile(p, 95), unit: 'ms', budget: frameMs, op: '≤' },
      { figure: 'slider: input → next frame, p50', value: percentile(f, 50), unit: 'ms' },
      { figure: 'slider: input → next frame, p95', value: percentile(f, 95), unit: 'ms' },
      { figure: 'slider: key event waited for the page, p95', value: percentile(q, 95), unit: 'ms' },
    ];
  } finally {
    await context.close();
  }
}
