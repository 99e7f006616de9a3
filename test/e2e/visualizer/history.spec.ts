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
