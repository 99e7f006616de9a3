import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { decodePng, expect, test, openApp } from './helpers';

/** The bands canvas's own pixels (RGBA), drawn one to one into a canvas that reads them back (it is shown bitmaps, plot/bandCanvas.ts). */
async function bandPixels(page: Page): Promise<{ width: number; height: number; data: Buffer }> {
  const read = await page.getByTestId('contour-bands').evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let text = '';
    for (let i = 0; i < rgba.length; i += 0x8000) text += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, data: btoa(text) };
  });
  return { ...read, data: Buffer.from(read.data, 'base64') };
}

const link = 'v=1&s=himmelblau&n=200&run=momentum(lr=0.01,b=0.9)';
/** A typed f undefined on the left half: its region is hatched over the bands. */
const undefinedLink = 'v=1&s=custom&fx=log(x)%20+%20y%5E2&box=-3,3,-3,3&start=2,2&run=gd(lr=0.3)';

const pictures = [['', link], [', its undefined region hatched too', undefinedLink]] as const;

for (const [what, url] of pictures) test(`the worker paints the contour bands, the same picture the page paints without it${what}`, async ({ page, context }) => {
  await openApp(page, url);
  const bands = page.getByTestId('contour-bands');
  await expect(bands).toHaveAttribute('data-painter', 'worker');
  const fromWorker = await bandPixels(page);

  // A worker without OffscreenCanvas (as in older browsers) sends no picture: the page paints the paths.
  await context.route(/optimizer\.worker-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `self.OffscreenCanvas = undefined;\n${await response.text()}` });
  });
  const other = await context.newPage();
  await openApp(other, url);
  await expect(other.getByTestId('contour-bands')).toHaveAttribute('data-painter', 'page');
  const fromPage = await bandPixels(other);

  expect([fromPage.width, fromPage.height]).toEqual([fromWorker.width, fromWorker.height]);
  let differing = 0;
  let opaque = 0;
  let pale = 0;
  for (let i = 0; i < fromPage.data.length; i += 4) {
    const d = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(fromPage.data[i + c] - fromWorker.data[i + c])));
    if (d > 2) differing++;
    if (fromWorker.data[i + 3] === 255) opaque++;
    if (Math.min(fromWorker.data[i], fromWorker.data[i + 1], fromWorker.data[i + 2]) >= 240) pale++;
  }
  const pixels = fromPage.data.length / 4;
  // The undefined half is washed out (the hatch lines take a share of it); no band of the ramp is that pale.
  if (url === undefinedLink) expect(pale / pixels).toBeGreaterThan(0.3);
  else expect(pale / pixels).toBeLessThan(0.05);
  // The bands cover the whole plotting area, and the two paintings agree everywhere.
  expect(opaque / pixels).toBeGreaterThan(0.99);
  expect(differing / pixels).toBeLessThan(0.001);
  await other.close();
});

test('on a screen with another pixel ratio the bands and paths are painted again at it', async ({ page, context }) => {
  await openApp(page, link);
  const bands = page.getByTestId('contour-bands');
  const paths = page.getByTestId('trajectory-canvas');
  await expect(bands).toHaveAttribute('data-painter', 'worker');
  const cssWidth = await bands.evaluate((canvas) => canvas.getBoundingClientRect().width);
  const backing = (locator: typeof bands) => locator.evaluate((canvas: HTMLCanvasElement) => canvas.width);
  expect(await backing(bands)).toBe(Math.round(cssWidth));
  await expect(bands).toHaveAttribute('data-picture-ratio', '1');
  // The window moves to a 2× screen: the same CSS size, twice the device pixels.
  const cdp = await context.newCDPSession(page);
  const viewport = page.viewportSize()!;
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 2, mobile: false });
  await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(2);
  await expect.poll(() => backing(bands), { message: 'bands canvas device pixels' }).toBe(Math.round(cssWidth * 2));
  await expect.poll(() => backing(paths), { message: 'paths canvas device pixels' }).toBe(Math.round(cssWidth * 2));
  // Copied from a picture the worker painted at 2×, not a 1× one stretched.
  await expect(bands).toHaveAttribute('data-painter', 'worker');
  await expect(bands).toHaveAttribute('data-picture-ratio', '2');
});

test('Save PNG has the bands the canvas shows, under the axes and paths', async ({ page }) => {
  await openApp(page, link);
  const bands = page.getByTestId('contour-bands');
  await expect(bands).toHaveAttribute('data-painter', 'worker');
  const shown = await bandPixels(page);
  // Where the bands' box sits in the figure: the saved PNG starts at the SVG's corner, at the screen's pixel ratio (1 here).
  const offset = await page.evaluate(() => {
    const box = document.querySelector('.plot-bands-box')!.getBoundingClientRect();
    const svg = document.querySelector('[data-testid="contour-plot"]')!.getBoundingClientRect();
    return { x: Math.round(box.left - svg.left), y: Math.round(box.top - svg.top) };
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const saved = await decodePng(page, await readFile(await download.path()));
  // A 9 × 9 lattice over the plotting area: a path or marker may cover a few points, not most.
  let same = 0;
  let points = 0;
  for (let i = 1; i <= 9; i++) {
    for (let j = 1; j <= 9; j++) {
      const x = Math.round((shown.width * i) / 10);
      const y = Math.round((shown.height * j) / 10);
      const a = 4 * (y * shown.width + x);
      const b = 4 * ((y + offset.y) * saved.width + x + offset.x);
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(shown.data[a + c] - saved.data[b + c])));
      points++;
      if (d <= 3) same++;
    }
  }
  expect(same / points).toBeGreaterThan(0.85);
});
