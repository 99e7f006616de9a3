/**
 * Runaway numbers typed by hand: every number field takes NaN, ±Infinity,
 * 1e999, denormals, hex and markup without putting a broken number on screen,
 * and the link the page writes afterwards always decodes cleanly.
 */
import { expect, test } from '@playwright/test';
import { decodeScene } from '../../../src/state/urlCodec';
import { expectNoBrokenNumbers, expectNothingRan, installGuards } from './pageGuards';

const hostile = ['NaN', 'Infinity', '1e999', '-1e999', '1e308', '5e-324', '-0', '', '0x10', '<b>1</b>'];

test('hostile values typed into every number field never reach the screen or the link', async ({ page }) => {
  test.setTimeout(120_000);
  const guards = await installGuards(page);
  // Newton shows no learning rate; GD does. Short runs keep each commit cheap.
  await page.goto('./#v=1&s=rosenbrock&n=200&run=gd(lr=0.001)&run=adam(lr=0.05)');
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  const fields = ['steps', 'seed', 'start-x', 'start-y', 'run-0-lr-text', 'run-1-lr-text'];
  for (const id of fields) {
    const field = page.getByTestId(id);
    for (const value of hostile) {
      await field.fill(value);
      await field.press('Enter');
      // The field shows a number again once the value is committed or refused.
      await expect(field).not.toHaveValue(/NaN|Infinity|undefined|<b>/);
    }
  }
  await expect(page.locator('[data-testid$="-status"][data-status="running"]')).toHaveCount(0, { timeout: 30_000 });
  await expectNoBrokenNumbers(page);
  await expectNothingRan(page, guards);
  // Let the address bar catch up with the last commit, then read it as a fresh visitor would.
  await page.waitForTimeout(600);
  const { notices } = decodeScene(new URL(page.url()).hash);
  expect(notices, `the page wrote a link that needs correcting: ${page.url()}`).toEqual([]);
});
