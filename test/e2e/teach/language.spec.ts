/**
 * Korean and English: the language follows the browser on a first visit,
 * rides in the link as `?lang=`, switches from the header, and keeps
 * <html lang> in step. Notices already on screen follow the switch.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, runsSettled } from '../visualizer/helpers';
import { watchPage } from '../support/pageWatch';

const search = (page: Page) => new URL(page.url()).searchParams;
const hash = (page: Page) => new URL(page.url()).hash;

/** A fresh browser whose preferred language is `locale`. */
async function browserIn(browser: Browser, locale: string, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

test('a Korean link opens in Korean, switches to English, and the reload keeps English', async ({ page }) => {
  // An English browser (the default context) opening a teacher's Korean link.
  await page.goto('./?lang=ko#v=1&s=moon&run=adam');
  await runsSettled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('#runs-title')).toHaveText('실행');
  await expect(page.locator('#scene-title')).toHaveText('손실 곡면');
  await expect(page.getByTestId('play')).toContainText('재생');
  await expect(page.getByTestId('lang-ko')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('lang-ko')).toHaveAttribute('lang', 'ko');
  // The link's correction is said in Korean too.
  await expect(page.getByTestId('notices')).toContainText("알 수 없는 곡면 'moon'");
  await expect(page).toHaveTitle(/최적화/);
  const sceneHash = hash(page);

  await page.getByTestId('lang-en').click();
  await expect(page.locator('#runs-title')).toHaveText('Runs');
  await expect(page.locator('#scene-title')).toHaveText('Surface');
  await expect(page.getByTestId('notices')).toContainText("Ignored unknown surface 'moon'; showing the ellipse.");
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => search(page).get('lang')).toBe('en');
  expect(hash(page)).toBe(sceneHash);

  const link = page.url();
  await page.reload();
  await runsSettled(page);
  expect(page.url()).toBe(link);
  await expect(page.locator('#runs-title')).toHaveText('Runs');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a Korean browser opening a link without a language gets Korean, and the link says so', async ({ browser, baseURL }) => {
  const { context, page, problems } = await browserIn(browser, 'ko-KR', baseURL);
  try {
    await page.goto('./#v=1&s=saddle');
    await runsSettled(page);
    await expect(page.locator('#runs-title')).toHaveText('실행');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('surface').locator('option:checked')).toHaveText('안장');
    expect(search(page).get('lang')).toBe('ko');
    // The scene's hash is the codec's (canonicalised, default runs written out), untouched by the language.
    expect(hash(page)).toMatch(/^#v=1&s=saddle&run=/);
    // "Copy link" hands on the language with the scene.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-link').click();
    await expect(page.getByRole('status').filter({ hasText: '링크를 복사했습니다' })).toBeVisible();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('lang')).toBe('ko');
    expect(copied.hash).toBe(hash(page));
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an English browser opening a bare link gets English; an unknown language is reported', async ({ browser, baseURL }) => {
  const { context, page, problems } = await browserIn(browser, 'en-US', baseURL);
  try {
    await page.goto('./?lang=xx');
    await runsSettled(page);
    await expect(page.locator('#runs-title')).toHaveText('Runs');
    await expect(page.getByTestId('notices')).toContainText("Ignored unknown language 'xx'.");
    await expect.poll(() => search(page).get('lang')).toBe('en');
    await page.getByTestId('lang-ko').click();
    await expect(page.getByTestId('notices')).toContainText("알 수 없는 언어 'xx'");
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  } finally {
    await context.close();
  }
});
