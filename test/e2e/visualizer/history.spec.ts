import {
  expect, test, decodePng, differingPixels, hashValue, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

test('Back after changing the surface brings the previous surface back, and Forward the new one', async ({ page }) => {
  await openApp(page, 'v=1&s=ellipse&run=gd(lr=0.95)&run=adam(lr=0.3)');
  await showWholePaths(page);
  const surface = page.getByTestId('surface');
  const formula = page.getByTestId('formula');
  const ellipseFormula = await formula.textContent();
  const ellipsePicture = await decodePng(page, await plotShot(page));
  const ellipseLabel = await page.getByTestId('contour-plot').getAttribute('aria-label');

  await surface.selectOption('rosenbrock');
  await expect.poll(() => hashValue(page, 's')).toBe('rosenbrock');
  await expect(formula).not.toHaveText(ellipseFormula ?? '');
  await expect(page.getByTestId('contour-plot')).not.toHaveAttribute('aria-label', ellipseLabel ?? '');
  await runsSettled(page);
  const rosenbrockFormula = await formula.textContent();

  await page.goBack();
  await expect(surface).toHaveValue('ellipse');
  await expect.poll(() => hashValue(page, 's')).toBe('ellipse');
  await expect(formula).toHaveText(ellipseFormula ?? '');
  // The contours and the paths are the ones we left, pixel for pixel.
  await expect(page.getByTestId('contour-plot')).toHaveAttribute('aria-label', ellipseLabel ?? '');
  await runsSettled(page);
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => differingPixels(ellipsePicture, await decodePng(page, await plotShot(page))), { message: 'pixels unlike before' })
    .toBe(0);

  await page.goForward();
  await expect(surface).toHaveValue('rosenbrock');
  await expect(formula).toHaveText(rosenbrockFormula ?? '');
  await expect.poll(() => hashValue(page, 's')).toBe('rosenbrock');
});

test('Back and Forward bring the step inspector back on the run each entry had', async ({ page }) => {
  // The inspector's write for the new runs ran between the page's popstate listeners, before its own
  // listener read the entry: every entry Back or Forward came to lost its `insp`.
  await page.goto('./?at=10&insp=2#v=1&s=ellipse&run=gd(lr=0.95)&run=momentum(lr=0.1)');
  const toggle = page.getByTestId('inspector-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('surface').selectOption('himmelblau');
  await expect.poll(() => hashValue(page, 's')).toBe('himmelblau');
  await expect.poll(() => new URL(page.url()).searchParams.get('insp')).toBe('2');

  await page.goBack();
  await expect.poll(() => hashValue(page, 's')).toBe('ellipse');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.waitForTimeout(300); // a later write would take it out again
  expect(new URL(page.url()).searchParams.get('insp')).toBe('2');
  expect(new URL(page.url()).searchParams.get('at')).toBe('10');

  await page.goForward();
  await expect.poll(() => hashValue(page, 's')).toBe('himmelblau');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.waitForTimeout(300);
  expect(new URL(page.url()).searchParams.get('insp')).toBe('2');
});
