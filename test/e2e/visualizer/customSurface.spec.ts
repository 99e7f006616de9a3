/**
 * Your own f(x, y), as a person uses it: pick it, type an expression, see the
 * contours change and the runs walk the new surface, type a broken one and
 * read where it is broken while the picture stays, share the link, open an
 * example, and watch a run stop where f is undefined.
 */
import type { Page } from '@playwright/test';
import { createEvaluator, compileTree, parseExpression } from '../../../src/core/expression';
import { watchPage } from '../support/pageWatch';
import {
  expect, test, comparable, decodePng, differingPixels, exportJson, hashValue, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

/** The contour levels the bands are drawn at: they change when the surface does. */
async function bandLevels(page: Page): Promise<string> {
  return (await page.getByTestId('contour-bands').getAttribute('data-levels')) ?? '';
}

/** f as the core computes it, for checking the exported points. */
function evaluate(expression: string): (x: number, y: number) => number {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return createEvaluator(compileTree(parsed.tree)).value;
}

const booth = '(x + 2*y - 7)^2 + (2*x + y - 5)^2';

test('typing f(x, y) redraws the contours, runs walk the new surface, and a broken one is pointed out', async ({ page, browser, baseURL }) => {
  // Two pages, a dozen edits and two exports: ~30 s on a busy two-core machine.
  test.setTimeout(60_000);
  await openApp(page, 'v=1&s=bowl&n=80&run=gd(lr=0.02)&run=adam(lr=0.3)');
  const bowlBands = await bandLevels(page);

  await page.getByTestId('surface').selectOption('custom');
  const field = page.getByTestId('expression');
  await expect(field).toBeVisible();
  await expect.poll(() => hashValue(page, 's')).toBe('custom');

  // Type Booth's function and a box around its minimum at (1, 3).
  await field.fill(booth);
  await page.getByTestId('box-x0').fill('-4');
  await page.getByTestId('box-x0').press('Enter');
  await page.getByTestId('box-x1').fill('6');
  await page.getByTestId('box-x1').press('Enter');
  await page.getByTestId('box-y0').fill('-2');
  await page.getByTestId('box-y0').press('Enter');
  await page.getByTestId('box-y1').fill('8');
  await page.getByTestId('box-y1').press('Enter');
  await expect.poll(() => hashValue(page, 'fx')).toBe(booth);
  await expect.poll(() => hashValue(page, 'box')).toBe('-4,6,-2,8');
  await runsSettled(page);
  await expect.poll(() => bandLevels(page)).not.toBe(bowlBands);
  const boothBands = await bandLevels(page);
  // The one critical point, a minimum, is marked.
  await expect(page.getByTestId('contour-plot').locator('g.plot-critical > g')).toHaveCount(1);
  await expect(page.getByTestId('contour-plot').locator('g.plot-critical-min')).toHaveCount(1);

  // Every exported point lies on the typed surface, and Adam ends near (1, 3).
  await showWholePaths(page);
  const sent = await exportJson(page);
  const f = evaluate(booth);
  for (const run of sent.runs) {
    expect(run.points.length, run.label).toBeGreaterThan(10);
    for (const [x, y, value] of run.points) expect(value).toBeCloseTo(f(x, y), 9);
  }
  const [ax, ay] = sent.runs[1].points.at(-1)!;
  expect(Math.hypot(ax - 1, ay - 3)).toBeLessThan(0.5);
  const picture = await decodePng(page, await plotShot(page));

  // A broken expression: the message names the column, nothing else changes.
  await field.fill('(x + 2*y - 7)^2 + cos(x');
  const error = page.getByTestId('expression-error');
  await expect(error).toContainText("Column 24: expected ')' after 'cos(x'");
  await expect(error).toContainText('The plot keeps the last f that worked.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.waitForTimeout(600);
  expect(await bandLevels(page)).toBe(boothBands);
  expect(differingPixels(picture, await decodePng(page, await plotShot(page))), 'pixels changed by a broken expression').toBe(0);
  expect(hashValue(page, 'fx')).toBe(booth);

  // The link, opened in a fresh browser, shows the same surface, field and paths.
  const link = page.url();
  const context = await browser.newContext({ baseURL, viewport: page.viewportSize(), acceptDownloads: true });
  try {
    const friend = await context.newPage();
    const problems = watchPage(friend);
    await friend.goto(link);
    await runsSettled(friend);
    await expect(friend.getByTestId('expression')).toHaveValue(booth);
    await expect(friend.getByTestId('box-y1')).toHaveValue('8');
    await showWholePaths(friend);
    expect(comparable(await exportJson(friend))).toEqual(comparable(sent));
    await expect
      .poll(async () => differingPixels(picture, await decodePng(friend, await plotShot(friend))), { message: 'pixels that differ', timeout: 5_000 })
      .toBe(0);
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a run that steps where f is undefined stops and says so; finite differences work on a typed f too', async ({ page }) => {
  // x − log(x) is undefined for x ≤ 0; GD with η = 5 from (3, 2) jumps to x = 3 − 5·(2/3) < 0 at once.
  await openApp(page, 'v=1&s=custom&fx=x%20-%20log(x)%20+%20(y-1)%5E2&box=0,4,-1,3&start=3,2&n=40'
    + '&run=gd(lr=5)&run=gd(lr=0.1)&run=gd(lr=0.1,grad=central:0.0001)');
  await showWholePaths(page);
  const status = page.getByTestId('run-0-status');
  await expect(status).toHaveAttribute('data-status', 'diverged');
  await expect(status).toHaveText('left the domain at step 1');
  await expect(status).toHaveAttribute('title', /^Stopped at step 1: .* is outside the function's domain/);
  await expect(page.getByTestId('run-legend')).toContainText('left the domain at step 1');

  // The exact gradient and central differences walk the same path, to the differences' accuracy.
  const data = await exportJson(page);
  expect(data.runs[1].points).toHaveLength(41);
  data.runs[1].points.forEach(([x, y], k) => {
    expect(data.runs[2].points[k][0]).toBeCloseTo(x, 5);
    expect(data.runs[2].points[k][1]).toBeCloseTo(y, 5);
  });

  // In Korean the badge says the same.
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(status).toHaveText('1 스텝에서 정의역을 벗어남');
});

test('an example from the menu is a link: it loads the surface and Back returns', async ({ page }) => {
  await openApp(page, 'v=1&s=custom&fx=x%5E2%20+%20y%5E2&box=-2,2,-2,2&run=adam(lr=0.1)');
  await page.getByTestId('custom-examples').locator('summary').click();
  const matyas = page.getByTestId('example-matyas');
  await expect(matyas).toHaveAttribute('href', /^(\?lang=en)?#v=1&s=custom&fx=0\.26\*\(x%5E2%20\+%20y%5E2\)%20-%200\.48\*x\*y&box=-10,10,-10,10&run=adam\(lr=0\.1\)$/);
  await matyas.click();
  await expect(page.getByTestId('expression')).toHaveValue('0.26*(x^2 + y^2) - 0.48*x*y');
  await runsSettled(page);
  await expect(page.getByTestId('start-x')).toHaveValue('-5');
  await page.goBack();
  await expect(page.getByTestId('expression')).toHaveValue('x^2 + y^2');
});

test('an example followed while the replay is paused opens replaying, not at the paused step; the inspector stays open', async ({ page }) => {
  await page.goto('./?at=3&insp=1#v=1&s=custom&fx=x%5E2%20+%20y%5E2&box=-2,2,-2,2&run=adam(lr=0.1)');
  await runsSettled(page);
  await expect(page.getByTestId('step-count')).toHaveText('step 3 / 60');
  await expect(page.getByTestId('inspector-toggle')).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('custom-examples').locator('summary').click();
  await page.getByTestId('example-matyas').click();
  await expect(page.getByTestId('expression')).toHaveValue('0.26*(x^2 + y^2) - 0.48*x*y');
  expect(new URL(page.url()).searchParams.get('at')).toBeNull();
  // As when a preset is chosen.
  await expect(page.getByTestId('inspector-toggle')).toHaveAttribute('aria-expanded', 'true');
  expect(new URL(page.url()).searchParams.get('insp')).toBe('1');
  // The new scene replays from 0 to its end.
  await expect(page.getByTestId('step-count')).toHaveText('step 60 / 60', { timeout: 10_000 });
});

test('a link with a broken expression opens on the default example and says where the text went wrong', async ({ page }) => {
  await openApp(page, 'v=1&s=custom&fx=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByTestId('notices')).toContainText(
    "Ignored the expression '<img src=x onerror=alert…': unexpected character '<' (column 1)",
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('expression')).toHaveValue('(x^2 - 1)^2 - 0.3*x + 2*y^2');
});
