import type { Page } from '@playwright/test';
import { expect, test, openApp } from './helpers';

/** The k of "step k / n" under the plot. */
async function shownStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-count').textContent()) ?? '';
  const match = /step (\d+) \/ (\d+)/.exec(text);
  if (!match) throw new Error(`unexpected step count "${text}"`);
  return Number(match[1]);
}

test('space pauses and plays the replay, and the right arrow steps once', async ({ page }) => {
  await openApp(page, 'v=1&s=ellipse&n=200');
  // Back to step 0, paused; then click somewhere neutral so no button has the focus.
  await page.getByRole('button', { name: '↺ Reset' }).click();
  await page.locator('.tagline').click();
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.getByTestId('step-count')).toHaveText('step 0 / 200');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('step 1 / 200');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('step 2 / 200');

  // Space plays: the button turns into "Pause" and the steps move on.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect(page.getByTestId('play')).toHaveCount(0);
  await expect.poll(() => shownStep(page)).toBeGreaterThan(2);

  // Space again pauses: "Play" is back and the step stays where it stopped.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toBeVisible();
  const paused = await shownStep(page);
  expect(paused).toBeLessThan(200);
  await page.waitForTimeout(300); // long enough for a running replay (50 steps/s here) to move on
  expect(await shownStep(page)).toBe(paused);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText(`step ${paused + 1} / 200`);
  await expect(page.getByTestId('play')).toBeVisible();
});

test('the replay\'s row keeps its shape while the count gains digits', async ({ page }) => {
  // "step 5 / 5000" grew to "step 5000 / 5000": the count widened 23 px and the row rewrapped under it.
  await openApp(page, 'v=1&s=ellipse&n=5000');
  await page.getByRole('button', { name: '↺ Reset' }).click();
  const shape = () => page.getByRole('group', { name: 'Playback' }).evaluate((row) =>
    [...row.children].map((child) => { const box = child.getBoundingClientRect(); return [box.x, box.y, box.width].map(Math.round).join(','); }).join(' '));
  await expect(page.getByTestId('step-count')).toHaveText('step 0 / 5000');
  const atStart = await shape();
  await page.getByTestId('show-all').click();
  await expect(page.getByTestId('step-count')).toHaveText('step 5000 / 5000');
  expect(await shape()).toBe(atStart);
});
