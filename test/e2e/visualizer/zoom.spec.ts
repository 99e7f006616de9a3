import type { BrowserContext, Page } from '@playwright/test';
import { refreshMs } from '../../../src/plot/gesturePacing';
import { expect, test, decodePng, differingPixels, hashPairs, openApp, plotShot, runsSettled, settledShot, showWholePaths } from './helpers';

/** The view in the link, as [x0, x1, y0, y1]; null while the surface's own box is shown. */
function linkedView(pairs: Array<[string, string]>): number[] | null {
  const view = pairs.find(([key]) => key === 'view');
  return view ? view[1].split(',').map(Number) : null;
}

test('zooming with the wheel sharpens the contours for the new view, and "Reset view" goes back', async ({ page }) => {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)');
  const bands = page.getByTestId('contour-bands');
  const levelsBefore = await bands.getAttribute('data-levels');
  const fullGrid = await bands.getAttribute('data-grid-size');
  const plot = await page.getByTestId('contour-plot').locator('.plot-hit').boundingBox();
  if (!plot) throw new Error('no plotting area');
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  // d3-zoom comes in a chunk of its own, attached once it arrives.
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -100);

  // The link names the smaller view, and the worker's grid for exactly that view replaces the stretched picture.
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'a view in the link' }).not.toBeNull();
  const [x0, x1, y0, y1] = linkedView(hashPairs(page))!;
  expect(x1 - x0).toBeLessThan(4);
  expect(y1 - y0).toBeLessThan(4);
  await expect(bands).toHaveAttribute('data-stretched', 'false');
  await expect(bands).not.toHaveAttribute('data-levels', levelsBefore ?? '');
  // Painted for the view on screen: no transform left on the canvas.
  await expect.poll(() => bands.evaluate((canvas) => canvas.style.transform)).toBe('');
  // Mid-gesture grids are coarser; when the gesture ends the full grid follows, painted by the worker.
  await expect(bands).toHaveAttribute('data-grid-size', fullGrid ?? '');
  await expect(bands).toHaveAttribute('data-painter', 'worker');

  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect.poll(() => linkedView(hashPairs(page))).toBeNull();
  await expect(bands).toHaveAttribute('data-levels', levelsBefore ?? '');
  await expect(bands).toHaveAttribute('data-stretched', 'false');
  // The opening's grid, kept, shown again with the worker's picture: showing it the first time did not use it up.
  await expect(bands).toHaveAttribute('data-painter', 'worker');
});

test('a wheel gesture keeps its bands\' colours while it moves; the view it ends on chooses new levels', async ({ page }) => {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)');
  const bands = page.getByTestId('contour-bands');
  const levelsBefore = (await bands.getAttribute('data-levels')) ?? '';
  const fullGrid = await bands.getAttribute('data-grid-size');
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="contour-bands"]')!;
    const seen: Array<{ levels: string; size: string }> = [];
    (window as unknown as { __levels: typeof seen }).__levels = seen;
    new MutationObserver(() => seen.push({ levels: canvas.dataset.levels ?? '', size: canvas.dataset.gridSize ?? '' }))
      .observe(canvas, { attributes: true, attributeFilter: ['data-paints'] });
  });
  const plot = await page.getByTestId('contour-plot').locator('.plot-hit').boundingBox();
  await page.mouse.move(plot!.x + plot!.width / 2, plot!.y + plot!.height / 2);
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  // On a busy machine every coarse grid of a gesture may be replaced by the next notch's before it is
  // painted (and the gesture's end asks for the full one): then there is nothing to check, and the
  // gesture is made again, further in, up to three times.
  let seen: Array<{ levels: string; size: string }> = [];
  let levelsAtStart = levelsBefore;
  for (let attempt = 0; attempt < 3; attempt++) {
    levelsAtStart = (await bands.getAttribute('data-levels')) ?? '';
    await page.evaluate(() => {
      (window as unknown as { __levels: unknown[] }).__levels.length = 0;
    });
    for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -100);
    await expect(bands).toHaveAttribute('data-grid-size', fullGrid ?? '');
    await expect(bands).not.toHaveAttribute('data-levels', levelsAtStart);
    seen = await page.evaluate(() => [...(window as unknown as { __levels: Array<{ levels: string; size: string }> }).__levels]);
    if (seen.some((paint) => paint.size !== fullGrid)) break;
  }
  expect(seen.filter((paint) => paint.size !== fullGrid).length, 'grids painted mid-gesture').toBeGreaterThan(0);
  // Every level but the lowest, which moves down to the lowest value sampled when a view reaches below it.
  const upper = (levels: string) => levels.split(' ').slice(1).join(' ');
  // A gesture's grids have the levels of the full grid on screen when it began. On a busy machine the
  // notches may come more than 150 ms apart and make two gestures, the second starting on the full
  // grid the first ended with: each mid-gesture picture is compared with the last full one before it.
  let onScreen = levelsAtStart;
  for (const paint of seen) {
    if (paint.size === fullGrid) onScreen = paint.levels;
    else expect(upper(paint.levels)).toBe(upper(onScreen));
  }
  await expect(bands).toHaveAttribute('data-stretched', 'false');
});

test('a wheel over the start handle or the zoom buttons zooms the plot, and never scrolls the page', async ({ page }) => {
  await openApp(page, 'v=1&s=bowl&start=-1,1&run=gd(lr=0.1)');
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  const handle = page.locator('.plot-start-handle');
  const box = await handle.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  const scrolled = () => page.evaluate(() => window.scrollY);
  const before = await scrolled();
  await page.mouse.wheel(0, -100);
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'a view in the link' }).not.toBeNull();
  const [x0, x1] = linkedView(hashPairs(page))!;
  // The bowl's own box is −3 … 3.
  expect(x1 - x0, 'zoomed in about the handle').toBeLessThan(6);
  expect(await scrolled()).toBe(before);
  // Over the zoom buttons too.
  const zoomIn = await page.getByRole('button', { name: 'Zoom in' }).boundingBox();
  await page.mouse.move(zoomIn!.x + zoomIn!.width / 2, zoomIn!.y + zoomIn!.height / 2);
  await page.mouse.wheel(0, 100);
  await expect.poll(() => { const view = linkedView(hashPairs(page)); return view ? view[1] - view[0] : 6; }).toBeGreaterThan(x1 - x0);
  expect(await scrolled()).toBe(before);
});

/**
 * From now on, what the bands canvas shows at each of its paints, and every
 * state of the plot's grid attribute ("preview" while a coarse grid is drawn).
 */
async function recordBandPaints(page: Page): Promise<() => Promise<Array<{ stretched?: string; size?: string; grid?: string }>>> {
  await page.evaluate(() => {
    const bands = document.querySelector<HTMLCanvasElement>('[data-testid="contour-bands"]')!;
    const plot = document.querySelector('[data-testid="contour-plot"]')!;
    const seen: Array<{ stretched?: string; size?: string; grid?: string }> = [];
    (window as unknown as { __bandPaints: typeof seen }).__bandPaints = seen;
    new MutationObserver(() => seen.push({ stretched: bands.dataset.stretched, size: bands.dataset.gridSize, grid: plot.getAttribute('data-grid') ?? '' }))
      .observe(bands, { attributes: true, attributeFilter: ['data-paints', 'data-stretched'] });
    new MutationObserver(() => seen.push({ grid: plot.getAttribute('data-grid') ?? '' })).observe(plot, { attributes: true, attributeFilter: ['data-grid'] });
  });
  return () => page.evaluate(() => (window as unknown as { __bandPaints: Array<{ stretched?: string; size?: string; grid?: string }> }).__bandPaints.splice(0));
}

test('Reset view and a surface chosen again show their full contours at once, never the old picture shrunk', async ({ page }) => {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)');
  const bands = page.getByTestId('contour-bands');
  const levels = await bands.getAttribute('data-levels');
  const fullGrid = await bands.getAttribute('data-grid-size');
  const plot = await page.getByTestId('contour-plot').locator('.plot-hit').boundingBox();
  if (!plot) throw new Error('no plotting area');
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -100);
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'a view in the link' }).not.toBeNull();
  await expect(bands).toHaveAttribute('data-grid-size', fullGrid ?? '');
  await expect(bands).toHaveAttribute('data-stretched', 'false');
  await expect(bands).not.toHaveAttribute('data-levels', levels ?? '');

  // The grid for the surface's own box was kept: Reset view paints it in the same frame.
  const painted = await recordBandPaints(page);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(bands).toHaveAttribute('data-levels', levels ?? '');
  const afterReset = await painted();
  expect(afterReset.length).toBeGreaterThan(0);
  expect(afterReset.filter((p) => p.stretched === 'true'), 'the zoomed picture shrunk in a grey frame').toEqual([]);
  expect(afterReset.filter((p) => p.size !== undefined && p.size !== fullGrid), 'a coarser grid').toEqual([]);

  // Another surface, then back: no coarse preview the second time, the kept full grid at once.
  await page.getByTestId('surface').selectOption('bumpy');
  await runsSettled(page);
  await painted();
  await page.getByTestId('surface').selectOption('rosenbrock');
  await runsSettled(page);
  await expect(bands).toHaveAttribute('data-levels', levels ?? '');
  const afterReturn = await painted();
  expect(afterReturn.filter((p) => p.grid === 'preview'), 'a coarse preview').toEqual([]);
  expect(afterReturn.filter((p) => p.size !== undefined && p.size !== fullGrid), 'a coarser grid or none').toEqual([]);
});

/** Rosenbrock opened on its own view, the pointer over the plot and d3-zoom attached; the x axis's ticks. */
async function rosenbrockUnderTheWheel(page: Page) {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)');
  const xTicks = () => page.locator('.plot-axis-bottom .tick text').allTextContents();
  const before = await xTicks();
  const plot = await page.getByTestId('contour-plot').locator('.plot-hit').boundingBox();
  if (!plot) throw new Error('no plotting area');
  await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height * 0.7);
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  return { xTicks, before };
}

test('zooming in and back out by the same notches gives back the plain link and the end ticks', async ({ page }) => {
  const { xTicks, before } = await rosenbrockUnderTheWheel(page);
  for (let notch = 0; notch < 3; notch++) await page.mouse.wheel(0, -100);
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'a view in the link' }).not.toBeNull();
  for (let notch = 0; notch < 3; notch++) await page.mouse.wheel(0, 100);
  // The transforms' arithmetic ends a hair off the box (-1.9999999999999991); the gesture's end tidies it away.
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'no view in the link' }).toBeNull();
  expect(await xTicks()).toEqual(before);
});

test('"Reset view" pressed while a wheel gesture is still under way goes back, and stays back when it ends', async ({ page }) => {
  const { xTicks, before } = await rosenbrockUnderTheWheel(page);
  // Three notches and the reset in one go, within the 150 ms d3-zoom waits after a wheel's last
  // notch before it ends the gesture. (Playwright's wheels could reach a busy page after the reset,
  // and then rightly zoom again from there.) The page opened on the surface's own view, so the
  // reset leaves the link as it is mid-gesture.
  const midGesture = await page.evaluate(async () => {
    const area = document.querySelector('[data-testid="contour-plot"] .plot-zoom-area')!;
    const box = area.getBoundingClientRect();
    const at = { clientX: box.x + box.width * 0.3, clientY: box.y + box.height * 0.7 };
    for (let notch = 0; notch < 3; notch++) {
      area.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, deltaMode: 0, ...at, bubbles: true, cancelable: true }));
    }
    // React renders the axes in a microtask queued by the steps.
    await Promise.resolve();
    const zoomed = document.querySelector('.plot-axis-bottom .tick text')?.textContent;
    (document.querySelector('button[aria-label="Reset view"]') as HTMLButtonElement).click();
    return zoomed;
  });
  expect(midGesture, 'the wheel had zoomed in').not.toBe(before[0]);
  await expect.poll(xTicks).toEqual(before);
  // The gesture's end (150 ms after the last notch) keeps the reset view.
  await page.waitForTimeout(400);
  expect(linkedView(hashPairs(page))).toBeNull();
  expect(await xTicks()).toEqual(before);
  await expect(page.getByTestId('contour-bands')).toHaveAttribute('data-stretched', 'false');
});

test('after a zoom the paths are painted for the new view, as a page opened on its link paints them', async ({ page, context }) => {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)&run=momentum(lr=0.001)');
  await showWholePaths(page);
  const plot = await page.getByTestId('contour-plot').locator('.plot-hit').boundingBox();
  if (!plot) throw new Error('no plotting area');
  await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height * 0.6);
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  const fullGrid = await page.getByTestId('contour-bands').getAttribute('data-grid-size');
  for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -100);
  // A zoom step moves the paths' last picture for a frame; then they are painted for the view.
  await page.mouse.move(0, 0);
  await expectAsOpenedOnItsLink(page, context, fullGrid);
});

/**
 * Once the gesture has ended: the full grid for the view in the link, no picture left moved, and
 * the plot pixel for pixel as a page opened on that link paints it.
 */
async function expectAsOpenedOnItsLink(page: Page, context: BrowserContext, fullGrid: string | null) {
  await expect.poll(() => linkedView(hashPairs(page)), { message: 'a view in the link' }).not.toBeNull();
  await expect(page.getByTestId('contour-bands')).toHaveAttribute('data-grid-size', fullGrid ?? '');
  await expect(page.getByTestId('contour-bands')).toHaveAttribute('data-stretched', 'false');
  await expect.poll(() => page.getByTestId('trajectory-canvas').evaluate((canvas) => canvas.style.transform)).toBe('');
  const picture = await settledShot(page);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await runsSettled(fresh);
  await showWholePaths(fresh);
  await expect
    .poll(async () => differingPixels(picture, await decodePng(fresh, await plotShot(fresh))), { message: 'pixels unlike the fresh page', timeout: 5_000 })
    .toBe(0);
}

test('under a wheel in every frame (a trackpad) the grid is made a few times a second, and everything is right at the end', async ({ page, context }) => {
  await openApp(page, 'v=1&s=rosenbrock&n=300&run=adam(lr=0.05)&run=momentum(lr=0.001)');
  await showWholePaths(page);
  await page.mouse.move(0, 0);
  const area = page.getByTestId('contour-plot').locator('.plot-zoom-area');
  await expect(area).toHaveAttribute('data-zoom', 'ready');
  const fullGrid = await page.getByTestId('contour-bands').getAttribute('data-grid-size');
  // Sixty small wheel steps, one per animation frame, as a trackpad sends them; count the paints of the bands.
  const seen = await area.evaluate((element) => new Promise<{ made: number; ms: number }>((resolve) => {
    const box = element.getBoundingClientRect();
    const bands = document.querySelector<HTMLCanvasElement>('[data-testid="contour-bands"]')!;
    const paintsBefore = Number(bands.dataset.paints);
    let frames = 0;
    const start = performance.now();
    const step = () => {
      if (frames++ === 60) {
        resolve({ made: Number(bands.dataset.paints) - paintsBefore, ms: performance.now() - start });
        return;
      }
      element.dispatchEvent(new WheelEvent('wheel', {
        deltaY: -6, clientX: box.x + box.width * 0.4, clientY: box.y + box.height * 0.6, bubbles: true, cancelable: true,
      }));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }));
  // Made anew for every step, a trackpad's zoom cost the worker a grid and the page a repaint
  // (20–47 grids painted in such a second); paced, the first step's and one per refreshMs at
  // most (plot/gesturePacing.ts; a machine whose frames come late gets fewer frames, not more grids).
  expect(seen.made).toBeLessThanOrEqual(2 + seen.ms / refreshMs);
  // When the gesture ends: the full grid for the view on screen, and the paths painted for it.
  await expectAsOpenedOnItsLink(page, context, fullGrid);
});
