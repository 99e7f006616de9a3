import { expect, test } from '@playwright/test';
import { watchPage } from './support/pageWatch';

test('the page opens with its title and without a single error', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/');
  // Let the app mount, start its worker and fetch what it fetches.
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveTitle(/Optiscope/);
  expect(problems.pageErrors, 'uncaught errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
  expect(problems.errorResponses, 'HTTP errors').toEqual([]);
});
