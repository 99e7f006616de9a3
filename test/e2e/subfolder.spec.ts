import { expect, test } from '@playwright/test';
import { subfolderUrl, watchPage } from './support/pageWatch';

test('the build works from a sub-folder and fetches nothing from elsewhere', async ({ page }) => {
  const problems = watchPage(page);
  const response = await page.goto(subfolderUrl);
  expect(response?.status()).toBe(200);
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveTitle(/Optiscope/);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
  expect(problems.errorResponses, 'HTTP errors').toEqual([]);
  expect(problems.foreignRequests, 'requests that left this machine').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.pageErrors, 'uncaught errors').toEqual([]);
});
