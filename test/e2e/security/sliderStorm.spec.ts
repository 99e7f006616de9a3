/**
 * Ten seconds of learning-rate sliders moved as fast as a script can: the
 * picture must end up exactly what the final settings give on a fresh page,
 * with no stale run left in the store or on the canvas, one history entry
 * for the whole gesture, and the heap back near where it started.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { expectNothingRan, installGuards, trajectoryPrints, visiblyDifferentPixels, withoutKeys } from './pageGuards';

// Four runs of 3,000 steps on Rosenbrock: every slider move restarts 12,000 steps of work.
const link = 'v=1&s=rosenbrock&n=3000&run=gd(lr=0.001)&run=momentum(lr=0.0005)&run=adam(lr=0.05)&run=rmsprop(lr=0.01)';
const stormMs = 10_000;

interface Api {
  __optiscope: {
    trajectories: { keys(): string[]; complete(): boolean };
    store: { getState(): { scene: { runs: Array<{ key: string }> } } };
  };
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => {
    const api = (window as unknown as Partial<Api>).__optiscope;
    return api !== undefined && api.trajectories.keys().length === 4 && api.trajectories.complete();
  }), { intervals: [50, 100, 250], timeout: 30_000 }).toBe(true);
  await expect(page.locator('[data-testid$="-status"][data-status="running"]')).toHaveCount(0);
  // The full grid, not the coarse preview that comes first: pixels are compared.
  await expect(page.getByTestId('contour-plot')).toHaveAttribute('data-grid', 'full');
}

/**
 * Bytes in use after a full garbage collection: the V8 heap, plus Blink's heap (canvas
 * state, DOM) and ArrayBuffer backing stores (where the Float64Array trajectories live).
 */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage') as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0);
}

/** The whole paths, not a replay frame, with the pointer away from the plot. */
async function wholePicture(page: Page): Promise<Buffer> {
  await page.getByTestId('show-all').click();
  await expect(page.getByTestId('show-all')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(0, 0);
  // Two frames: the canvas repaints on the next animation frame after the store changes.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.getByTestId('trajectory-canvas').screenshot({ animations: 'disabled' });
}

test('a 10-second slider storm ends on the final state, with nothing stale and no leak', async ({ page, context }) => {
  test.setTimeout(90_000);
  const guards = await installGuards(page);
  await page.goto(`./#${link}`);
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  await settled(page);
  const cdp = await context.newCDPSession(page);
  const heapBefore = await heapAfterGc(cdp);
  const historyBefore = await page.evaluate(() => history.length);

  // As fast as a script can: bursts of input events on every learning-rate slider, with a
  // macrotask between bursts so the page (worker replies, painting, URL writes) can breathe.
  const storm = await page.evaluate(async (ms) => {
    const sliders = [...document.querySelectorAll<HTMLInputElement>('input[type="range"][data-testid$="-lr"]')];
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let events = 0;
    let bursts = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const burstEnd = performance.now() + 8;
      while (performance.now() < burstEnd) {
        const slider = sliders[events % sliders.length];
        const min = Number(slider.min);
        const max = Number(slider.max);
        // Stay below η ≈ 0.01 on Rosenbrock half the time, so both calm and diverging runs are drawn.
        setValue.call(slider, String(min + random() * (max - min) * (events % 2 ? 1 : 0.5)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        events++;
      }
      bursts++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { events, bursts, sliders: sliders.length };
  }, stormMs);
  expect(storm.sliders).toBe(4);
  // Each event re-renders the controls and restarts four runs, and the page repaints between bursts;
  // on a 2-core machine shared with other work that allowed 7–30 events a second.
  expect(storm.events).toBeGreaterThan(30);

  // Let the last request finish and the address bar catch up (urlSync writes after 400 ms of quiet).
  await settled(page);
  await expect.poll(async () => {
    const first = page.url();
    await page.waitForTimeout(600);
    return page.url() === first;
  }, { message: 'the link stopped changing' }).toBe(true);
  const finalUrl = page.url();
  await expectNothingRan(page, guards);

  // No stale run: the store holds exactly the scene's runs, and they are what the final link computes.
  const keys = await page.evaluate(() => {
    const { store, trajectories } = (window as unknown as Api).__optiscope;
    return { scene: store.getState().scene.runs.map((run) => run.key), stored: trajectories.keys() };
  });
  expect(keys.stored).toEqual(keys.scene);
  const stormed = await trajectoryPrints(page);
  const stormedPicture = await wholePicture(page);
  // One gesture, one Back press: the storm replaced its own history entry instead of piling them up.
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(historyBefore + 2);

  // Memory: back near where it started once the garbage is collected.
  const heapAfter = await heapAfterGc(cdp);
  console.log(`slider storm: ${storm.events} input events in ${storm.bursts} bursts; memory after GC ${(heapBefore / 2 ** 20).toFixed(1)} MB → ${(heapAfter / 2 ** 20).toFixed(1)} MB`);
  expect(heapAfter).toBeLessThan(Math.max(2 * heapBefore, heapBefore + 20 * 2 ** 20));

  // A fresh page on the final link draws the same trajectories and the same pixels.
  const fresh = await context.newPage();
  await fresh.goto(finalUrl);
  await expect(fresh.getByTestId('contour-plot')).toBeVisible();
  await settled(fresh);
  expect(withoutKeys(stormed)).toEqual(withoutKeys(await trajectoryPrints(fresh)));
  const freshPicture = await wholePicture(fresh);
  // A stale path would differ by hundreds of pixels; anti-aliasing moves a handful by a level or two.
  expect(await visiblyDifferentPixels(fresh, stormedPicture, freshPicture), 'pixels that differ from a fresh page').toBe(0);
});
