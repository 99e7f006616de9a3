import {
  expect, test, countColor, decodePng, hashValue, legendColors, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('on a 375 px phone the page does not scroll sideways and the plot is in view with its paths', async ({ page }) => {
  await openApp(page);
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);

  const plot = page.getByTestId('contour-plot');
  await expect(plot).toBeInViewport();
  const box = await plot.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(box!.width, 'the plot uses most of the width').toBeGreaterThan(300);
  // The view's note is in the first screen, under the playback bar: not after the plot's panels
  // at the top of the settings, a screen and a half down, as in the two-column layout.
  const note = page.getByTestId('opening-note');
  await expect(note).toBeInViewport();
  const [playback, settings] = await Promise.all([page.getByRole('button', { name: 'Show all' }).boundingBox(), page.getByRole('complementary').boundingBox()]);
  const noteBox = await note.boundingBox();
  expect(noteBox!.y).toBeGreaterThan(playback!.y);
  expect(noteBox!.y).toBeLessThan(settings!.y);

  // The zoom buttons stand in a column at the plot's right edge: in a row, with Reset view in words,
  // they covered the top of half the plotting area's width.
  const area = await plot.locator('.plot-hit').boundingBox();
  const reset = page.getByRole('button', { name: 'Reset view' });
  const [zoomIn, resetBox] = await Promise.all([page.getByRole('button', { name: 'Zoom in' }).boundingBox(), reset.boundingBox()]);
  expect(resetBox!.y, 'Reset view under Zoom in').toBeGreaterThan(zoomIn!.y);
  expect(Math.max(zoomIn!.x + zoomIn!.width, resetBox!.x + resetBox!.width) - Math.min(zoomIn!.x, resetBox!.x)).toBeLessThan(area!.width * 0.2);
  await expect(reset.locator('.plot-button-words')).toBeHidden();
  await expect(reset.locator('.plot-button-icon')).toBeVisible();
  // Big enough for a finger (they were 28 px).
  for (const button of [zoomIn!, resetBox!]) expect(Math.min(button.width, button.height)).toBeGreaterThanOrEqual(40);
  // The house still resets: a zoom in puts a view in the link, Reset view takes it out.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain('view=');
  await reset.click();
  await expect.poll(() => new URL(page.url()).hash).not.toContain('view=');

  // The paths are drawn on the small screen too.
  await showWholePaths(page);
  const pixels = await decodePng(page, await plotShot(page));
  for (const color of await legendColors(page)) expect(countColor(pixels, color), color).toBeGreaterThan(30);
});

test('on a phone nothing moves under the plot while the page opens', async ({ page }) => {
  // The view's note sits under the replay's bar and the runs' key, which come just after the first
  // picture: their places are kept, or the note jumped down (65 px for the bar, 95 more for the key).
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { __shifts: string[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { sources?: Array<{ node?: Node | null }> }>) {
        for (const source of entry.sources ?? []) shifts.push((source.node as Element | null)?.className || String(source.node?.nodeName));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const query of ['./', './?lang=ko']) {
    await page.goto(query);
    await expect(page.getByRole('group', { name: query.includes('ko') ? '재생' : 'Playback' })).toBeVisible();
    await expect(page.getByTestId('run-legend')).toBeVisible();
    await runsSettled(page);
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts), query).toEqual([]);
  }
});

test('on a phone a tap on the plot moves the start there', async ({ page }) => {
  await openApp(page);
  const area = await page.getByTestId('trajectory-canvas').boundingBox();
  if (!area) throw new Error('no trajectory canvas');
  await page.touchscreen.tap(area.x + 0.7 * area.width, area.y + 0.25 * area.height);
  // Ellipse, default view x ∈ [−10, 10], y ∈ [−5, 5]: near (4, 2.5), within a couple of pixels.
  await expect.poll(async () => Number(await page.getByTestId('start-x').inputValue())).toBeCloseTo(4, 0);
  expect(Number(await page.getByTestId('start-y').inputValue())).toBeCloseTo(2.5, 0);
  await expect.poll(() => hashValue(page, 'start')).toBeDefined();
  await runsSettled(page);
});

test('on a phone the step inspector leaves the plot visible and the page as wide as the screen', async ({ page }) => {
  // Its key covered most of the plot it explains, and its table made the page 413 px wide.
  await page.goto('./?lang=en&at=6&insp=4#v=1&s=ellipse&run=gd(lr=0.95)&run=momentum(lr=0.1)&run=adagrad(lr=1.5)&run=adam(lr=0.3)');
  await expect(page.getByTestId('inspector-table')).toBeVisible();
  const plotArea = (await page.locator('.plot-hit').boundingBox())!;
  const toggle = page.getByTestId('inspector-legend-toggle');
  await expect(toggle).toBeVisible();
  await expect(page.getByTestId('inspector-legend')).toHaveCount(0);
  const folded = (await toggle.boundingBox())!;
  expect(folded.width * folded.height, 'the folded key').toBeLessThan(plotArea.width * plotArea.height * 0.1);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);

  // Asked for, the key stays inside the plot; × folds it again.
  await toggle.tap();
  const key = page.getByTestId('inspector-legend');
  await expect(key).toBeVisible();
  const box = (await key.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(plotArea.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(plotArea.y + plotArea.height + 1);
  await page.getByRole('button', { name: 'Fold the arrow key' }).tap();
  await expect(key).toHaveCount(0);
  await expect(toggle).toBeVisible();
});

test('on a phone one finger over the plot scrolls the page, and two fingers pan and pinch the plot', async ({ page }) => {
  // A swipe over the plot, most of the screen's width, panned it: the page could hardly be scrolled.
  await openApp(page);
  const area = (await page.locator('.plot-hit').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>) => {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  };
  const x = area.x + area.width / 2;
  const y = area.y + area.height * 0.8;
  await touch('touchStart', [[x, y]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[x, y - 15 * i]]);
  await touch('touchEnd', []);
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'the page scrolled' }).toBeGreaterThan(50);
  await page.waitForTimeout(300);
  expect(new URL(page.url()).hash, 'the view did not move').not.toContain('view=');

  // Two fingers spread apart: the plot zooms in, and its view goes into the link.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await page.locator('.plot-hit').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await touch('touchStart', [[cx - 20, cy], [cx + 20, cy]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[cx - 20 - 8 * i, cy], [cx + 20 + 8 * i, cy]]);
  await touch('touchEnd', []);
  await expect.poll(() => new URL(page.url()).hash).toContain('view=');
});
