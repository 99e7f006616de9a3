import type { Page } from '@playwright/test';
import {
  expect, test, countColor, decodePng, exportJson, legendColors, linkRuns, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

const twoRuns = 'v=1&s=ellipse&run=gd(lr=0.95)&run=adam(lr=0.3)';

const legendItems = (page: Page) => page.getByTestId('run-legend').locator('li');

async function colorPixels(page: Page, color: string): Promise<number> {
  return countColor(await decodePng(page, await plotShot(page)), color);
}

test('adding a run puts it in the legend, in the link and on the plot', async ({ page }) => {
  await openApp(page, twoRuns);
  await showWholePaths(page);
  await page.getByLabel('Optimizer to add').selectOption('rmsprop');
  await page.getByTestId('add-run').click();

  await expect(legendItems(page)).toHaveCount(3);
  await expect(legendItems(page).nth(2)).toContainText('RMSProp');
  await expect.poll(() => linkRuns(page)).toHaveLength(3);
  expect(linkRuns(page)[2]).toMatch(/^rmsprop\b/);
  await runsSettled(page);
  const colors = await legendColors(page);
  expect(new Set(colors).size, 'three distinct colours').toBe(3);
  await expect.poll(() => colorPixels(page, colors[2])).toBeGreaterThan(100);
});

test('duplicating a run adds an identical run right after it, in a new colour', async ({ page }) => {
  await openApp(page, twoRuns);
  await page.getByTestId('run-0').getByRole('button', { name: 'Copy' }).click();

  await expect(legendItems(page)).toHaveCount(3);
  const labels = await legendItems(page).locator('.legend-label').allTextContents();
  expect(labels[1]).toBe(labels[0]);
  expect(labels[2]).toMatch(/Adam/);
  await expect.poll(() => linkRuns(page)).toHaveLength(3);
  const [original, copy, adam] = linkRuns(page);
  expect(copy.replace(/,?c=\d+/, '')).toBe(original);
  expect(adam).toMatch(/^adam\b/);
  expect(new Set(await legendColors(page)).size).toBe(3);

  await runsSettled(page);
  const data = await exportJson(page);
  expect(data.runs[1].points).toEqual(data.runs[0].points);
});

test('hiding a run takes its path off the plot and marks it hidden; showing it brings it back', async ({ page }) => {
  await openApp(page, twoRuns);
  await showWholePaths(page);
  const adamColor = (await legendColors(page))[1];
  expect(await colorPixels(page, adamColor)).toBeGreaterThan(100);

  const hide = page.getByTestId('run-1').getByRole('button', { name: 'Hide' });
  await hide.click();
  await expect(legendItems(page).nth(1)).toContainText('hidden');
  await expect(page.getByTestId('run-1').getByRole('button', { name: 'Show' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => linkRuns(page)[1]).toMatch(/\bhide\b/);
  await page.mouse.move(0, 0);
  await expect.poll(() => colorPixels(page, adamColor), { message: 'Adam pixels while hidden' }).toBeLessThan(10);
  expect(await colorPixels(page, (await legendColors(page))[0]), 'GD stays').toBeGreaterThan(100);

  await page.getByTestId('run-1').getByRole('button', { name: 'Show' }).click();
  await expect(legendItems(page).nth(1)).not.toContainText('hidden');
  await expect.poll(() => linkRuns(page)[1]).not.toMatch(/\bhide\b/);
  await page.mouse.move(0, 0);
  await expect.poll(() => colorPixels(page, adamColor)).toBeGreaterThan(100);
});

test('removing a run takes it out of the legend, the link and the plot', async ({ page }) => {
  await openApp(page, twoRuns);
  await showWholePaths(page);
  const [gdColor, adamColor] = await legendColors(page);

  await page.getByRole('button', { name: 'Remove run 1' }).click();
  await expect(legendItems(page)).toHaveCount(1);
  await expect(legendItems(page)).toContainText('Adam');
  await expect(page.getByTestId('run-legend')).not.toContainText('GD');
  await expect.poll(() => linkRuns(page)).toHaveLength(1);
  // Adam keeps its colour, so the link now spells it out (c=1).
  expect(linkRuns(page)[0]).toMatch(/^adam\(lr=0\.3\b/);
  expect(await legendColors(page)).toEqual([adamColor]);
  await page.mouse.move(0, 0);
  await expect.poll(() => colorPixels(page, gdColor), { message: 'GD pixels after removal' }).toBeLessThan(10);
  expect(await colorPixels(page, adamColor)).toBeGreaterThan(100);
});

test('a run can be renamed by selecting its name and typing a new one, spaces and all', async ({ page }) => {
  await openApp(page, twoRuns);
  const name = page.getByLabel('Label of run 1');
  await name.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  // Emptied, the field stays empty while it is being typed in (the store shows the automatic name meanwhile).
  await expect(name).toHaveValue('');
  await page.keyboard.type('My first run');
  await expect(name).toHaveValue('My first run');
  await expect(legendItems(page).first().locator('.legend-label')).toHaveText('My first run');
  await page.keyboard.press('Enter');
  await expect(name).toHaveValue('My first run');
  await expect.poll(() => linkRuns(page)[0]).toMatch(/label=My(%20|\+| )first(%20|\+| )run/);
});

test('a typed value out of range is used at its limit, and the field says so', async ({ page }) => {
  await openApp(page, twoRuns);
  const rate = page.getByTestId('run-0-lr-text');
  await rate.fill('-3');
  await rate.press('Enter');
  await expect(page.getByTestId('run-0-lr-text-note')).toHaveText('Learning rate η must be between 0.00001 and 1000; used 0.00001.');
  await expect(rate).toHaveValue('1e-5');
  await expect.poll(() => linkRuns(page)[0]).toMatch(/lr=0\.00001|lr=1e-5/);
  const steps = page.getByTestId('steps');
  await steps.fill('10000000');
  await steps.press('Enter');
  await expect(page.getByTestId('steps-note')).toHaveText('Steps must be between 1 and 100000; used 100000.');
  // A valid value clears the message.
  await steps.fill('200');
  await expect(page.getByTestId('steps-note')).toHaveText('');
});
