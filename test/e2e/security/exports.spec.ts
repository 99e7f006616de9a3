/**
 * Sharing and exporting a hostile link's view under the production CSP: the
 * exports carry labels as literal data, and making them (a blob download, an
 * SVG rasterised through an image) breaks no rule of the policy.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNothingRan, installGuards } from './pageGuards';

const label = '<img src=x onerror=alert(1)>';
const link = `v=1&s=bowl&run=gd(lr=0.1,label=${encodeURIComponent(label).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)})&run=adam(lr=0.3)`;

test('copy link, Export JSON and Save PNG keep a markup label inert and violate no CSP rule', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const guards = await installGuards(page);
  await page.goto(`./#${link}`);
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  await expect(page.locator('[data-testid$="-status"][data-status="running"]')).toHaveCount(0);

  await page.getByTestId('copy-link').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const data = JSON.parse(await readFile(await json.path(), 'utf8')) as { runs: Array<{ label: string }> };
  expect(data.runs[0].label).toBe(label);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(0, 8).toString('hex'), 'a PNG file').toBe('89504e470d0a1a0a');
  expect(bytes.length).toBeGreaterThan(5_000);

  await expectNothingRan(page, guards);
});
