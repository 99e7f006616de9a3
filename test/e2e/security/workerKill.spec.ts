/**
 * The computation worker dies in the middle of a long run: the page must say
 * so, start a new worker, recompute the current state to exactly what an
 * uninterrupted run gives, and leave the user's settings alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { workerMessages } from '../../../src/worker/client';
import { expectNothingRan, installGuards, noticeTexts, trajectoryPrints, withoutKeys } from './pageGuards';

// 8 runs on the logistic-regression loss, the slowest surface (every step also evaluates the
// full loss), two of them on mini-batches, so the recomputation must also replay the seeded
// shuffling to match. 30,000 steps each take ≈ 3 s in Chromium; the step budget's maximum,
// OPTISCOPE_KILL_STEPS=100000, takes ≈ 10 s per page and over a minute on a busy machine.
const steps = Number(process.env.OPTISCOPE_KILL_STEPS ?? 30_000);
const link = [
  'v=1', 's=logreg', `n=${steps}`, 'seed=7',
  'run=gd(lr=0.5)', 'run=gd(lr=0.5,bs=32)', 'run=momentum(lr=0.1)', 'run=nesterov(lr=0.1)',
  'run=rmsprop(lr=0.01)', 'run=adam(lr=0.05,bs=16)', 'run=adagrad(lr=0.5)', 'run=adamw(lr=0.05,wd=0.1)',
].join('&');

interface Api {
  __optiscope: {
    client: { kill(): void; readonly restartCount: number };
    trajectories: {
      keys(): string[]; get(key: string): { count: number } | undefined; complete(): boolean; subscribe(listener: () => void): () => void;
    };
    store: { getState(): { scene: unknown } };
  };
}

/** What the user set up: the link, the scene in the store, and what the run cards show. */
async function settings(page: Page) {
  return {
    hash: new URL(page.url()).hash,
    scene: await page.evaluate(() => JSON.stringify((window as unknown as Api).__optiscope.store.getState().scene)),
    cards: await page.locator('.run-card').evaluateAll((cards) => cards.map((card) =>
      [...card.querySelectorAll('input, select')].map((el) => (el as HTMLInputElement).value).join(' | '))),
  };
}

/** All eight runs exist and have stopped (an empty store is vacuously complete, so count them). */
function complete(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const api = (window as unknown as Partial<Api>).__optiscope;
    return api !== undefined && api.trajectories.keys().length === 8 && api.trajectories.complete();
  });
}

test('a worker killed mid-run is replaced, the runs are recomputed exactly, and the settings stay', async ({ page, context }) => {
  test.setTimeout(180_000);
  const guards = await installGuards(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  // Kill from inside the page at the first change that shows points of unfinished runs, so the
  // runs are surely mid-way. The hook is armed before the page's scripts run (a setter catches the
  // test handle the moment the app creates it), so no run can finish before it: no race.
  await page.addInitScript(() => {
    const w = window as unknown as { __killedAt?: { done: boolean; points: number } };
    let api: Api['__optiscope'] | undefined;
    Object.defineProperty(window, '__optiscope', {
      configurable: true,
      get: () => api,
      set: (value: Api['__optiscope']) => {
        api = value;
        if (w.__killedAt) return;
        const { client, trajectories } = value;
        const points = () => trajectories.keys().reduce((sum, key) => sum + (trajectories.get(key)?.count ?? 0), 0);
        let stop = () => {};
        const check = () => {
          if (w.__killedAt) return;
          if (trajectories.keys().length === 8 && trajectories.complete() && points() > 0) {
            w.__killedAt = { done: true, points: points() };
            stop();
          } else if (points() > 0) {
            w.__killedAt = { done: false, points: points() };
            stop();
            client.kill();
          }
        };
        stop = trajectories.subscribe(check);
      },
    });
  });
  await page.goto(`./#${link}`);
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  await expect(page.locator('.run-card')).toHaveCount(8);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __killedAt?: unknown }).__killedAt !== undefined)).toBe(true);
  const killedAt = await page.evaluate(() => (window as unknown as { __killedAt: { done: boolean; points: number } }).__killedAt);
  const before = await settings(page);
  expect(killedAt.done, 'the runs were still computing when the worker was killed').toBe(false);
  expect(killedAt.points).toBeLessThan(8 * (steps + 1));

  // The page says what happened and what was done.
  await expect.poll(() => noticeTexts(page)).toContain(workerMessages.restarted);
  // A new worker was started.
  expect(await page.evaluate(() => (window as unknown as Api).__optiscope.client.restartCount)).toBe(1);
  await expect.poll(() => workers.length).toBe(2);

  // The current state is recomputed to the end.
  await expect.poll(() => complete(page), { timeout: 150_000, intervals: [250] }).toBe(true);
  await expect(page.locator('[data-testid$="-status"][data-status="running"]')).toHaveCount(0);
  const recovered = await trajectoryPrints(page);
  expect(recovered).toHaveLength(8);
  for (const run of recovered) expect(run.count, `${run.key} has every step`).toBeGreaterThan(1);

  // The user's settings are untouched: same link, same scene, same run cards.
  expect(await settings(page)).toEqual(before);
  await expectNothingRan(page, guards);

  // An uninterrupted page on the same link computes bit-identical trajectories.
  await page.close();
  const fresh = await context.newPage();
  const freshGuards = await installGuards(fresh);
  await fresh.goto(`./#${link}`);
  await expect(fresh.getByTestId('contour-plot')).toBeVisible();
  await expect.poll(() => complete(fresh), { timeout: 150_000, intervals: [250] }).toBe(true);
  expect(withoutKeys(await trajectoryPrints(fresh))).toEqual(withoutKeys(recovered));
  expect(await noticeTexts(fresh)).toEqual([]);
  expect(await fresh.evaluate(() => (window as unknown as Api).__optiscope.client.restartCount)).toBe(0);
  await expectNothingRan(fresh, freshGuards);
});
