import type { Page } from '@playwright/test';
import {
  expect, test, centerOf, comparable, decodePng, differingPixels, exportJson, hashValue, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';
import { watchPage } from '../support/pageWatch';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Press "Copy link" and read what landed on the clipboard. */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a shared link opened in a fresh browser gives exactly the same trajectories', async ({ page, browser, baseURL }) => {
  // The sender: the learning-rate experiment on the bowl, plus a seed and a run of their own.
  await openApp(page, 'v=1&s=bowl&n=50&run=gd(lr=1.1)&run=momentum(lr=0.05,b=0.5)&run=adam(lr=0.2)');
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await expect.poll(() => hashValue(page, 'seed')).toBe('7');
  await page.getByTestId('add-run').click(); // Adam with its defaults
  await expect(page.getByTestId('run-legend').locator('li')).toHaveCount(4);
  await runsSettled(page);
  await showWholePaths(page);
  const sent = await exportJson(page);
  expect(sent.runs).toHaveLength(4);
  for (const run of sent.runs) expect(run.points.length, run.label).toBeGreaterThan(1);
  // The address bar catches up with the last change once the edit goes quiet.
  await expect.poll(() => new URL(page.url()).hash).toBe(sent.link);
  const link = await copyLink(page);
  expect(new URL(link).hash).toBe(sent.link);
  const sentPicture = await decodePng(page, await plotShot(page));

  // The receiver: a fresh browser context (no storage, no history) opening the link.
  const context = await browser.newContext({ baseURL, viewport: page.viewportSize(), acceptDownloads: true });
  try {
    const friend = await context.newPage();
    const problems = watchPage(friend);
    await friend.goto(link);
    await runsSettled(friend);
    expect(friend.url()).toBe(link);
    await showWholePaths(friend);
    const received = await exportJson(friend);
    expect(received.runs.map((run) => run.points)).toEqual(sent.runs.map((run) => run.points));
    expect(comparable(received)).toEqual(comparable(sent));
    // The last frame of "Show all" may still be on its way when the export finishes: wait for the picture to settle.
    await expect
      .poll(async () => differingPixels(sentPicture, await decodePng(friend, await plotShot(friend))), { message: 'pixels that differ', timeout: 5_000 })
      .toBe(0);
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  } finally {
    await context.close();
  }
});

test('"Copy link" right after dragging a slider copies the link of what is on screen', async ({ page }) => {
  await openApp(page, 'v=1&s=bowl&n=50&run=gd(lr=1.1)');
  const copy = await centerOf(page.getByTestId('copy-link'));
  const slider = await page.getByTestId('run-0-lr').boundingBox();
  if (!slider) throw new Error('no slider');
  // Drag η down, let go, and go straight to the button, as a user in a hurry does.
  const y = slider.y + slider.height / 2;
  await page.mouse.move(slider.x + 0.9 * slider.width, y);
  await page.mouse.down();
  await page.mouse.move(slider.x + 0.6 * slider.width, y, { steps: 6 });
  await page.mouse.up();
  await page.mouse.click(copy.x, copy.y);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const shown = await exportJson(page);
  expect(shown.runs[0].config).toMatchObject({ optimizer: { learningRate: Number(await page.getByTestId('run-0-lr-text').inputValue()) } });
  expect(new URL(link).hash).toBe(shown.link);
});
