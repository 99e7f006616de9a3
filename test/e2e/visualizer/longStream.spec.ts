import { expect, test, decodePng, differingPixels, openApp, plotShot, runsSettled, showWholePaths } from './helpers';

// While runs stream in, the paths are kept on a layer and only the new part of each is stroked
// (src/plot/pathLayer.ts); the paint that completes the runs draws every path anew.
test('runs that stream in for a while end in the picture a fresh paint draws', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page, 'v=1&s=bumpy&n=1000&run=gd(lr=0.01)&run=momentum(lr=0.01)&run=adam(lr=0.05)&run=rmsprop(lr=0.01)');
  // "Show all" first: pressed after the stream, it would itself repaint every path.
  await showWholePaths(page);
  await page.getByTestId('steps').fill('100000');
  await page.getByTestId('steps').press('Enter');
  await runsSettled(page);
  await expect(page.getByTestId('show-all')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(0, 0);
  const counts = await page.evaluate(() => {
    type Store = { keys(): string[]; get(key: string): { count: number } };
    const store = (window as unknown as { __optiscope: { trajectories: Store } }).__optiscope.trajectories;
    return store.keys().map((key) => store.get(key).count);
  });
  expect(counts).toEqual([100_001, 100_001, 100_001, 100_001]);
  const streamed = await decodePng(page, await plotShot(page));

  // Hiding a run and showing it again repaints every path: a full paint, not the layer.
  await page.getByRole('button', { name: 'Hide', exact: true }).first().click();
  await expect.poll(async () => differingPixels(streamed, await decodePng(page, await plotShot(page))), { message: 'a run hidden' })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => differingPixels(streamed, await decodePng(page, await plotShot(page))), { message: 'pixels unlike the fresh paint', timeout: 5_000 })
    .toBe(0);
});
