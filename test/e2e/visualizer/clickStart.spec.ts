import {
  expect, test, countColor, decodePng, exportJson, hashValue, legendColors, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

test('clicking the plot restarts every run from the clicked point', async ({ page }) => {
  await openApp(page);
  await showWholePaths(page);
  const colors = await legendColors(page);
  const area = await page.getByTestId('trajectory-canvas').boundingBox();
  if (!area) throw new Error('no trajectory canvas');
  // Ellipse, default view x ∈ [−10, 10], y ∈ [−5, 5]: the point 70 % across and 25 % down is (4, 2.5).
  const click = { x: 0.7 * area.width, y: 0.25 * area.height };
  const oldStart = { x: 0.15 * area.width, y: 0.3 * area.height }; // (−7, 2), where the default runs start
  const runPixelsNear = async (point: { x: number; y: number }) => {
    const pixels = await decodePng(page, await plotShot(page));
    return colors.reduce((sum, c) => sum + countColor(pixels, c, { cx: point.x, cy: point.y, radius: 30 }), 0);
  };
  expect(await runPixelsNear(click), 'no path near the clicked point yet').toBe(0);
  expect(await runPixelsNear(oldStart)).toBeGreaterThan(50);

  await page.mouse.click(area.x + click.x, area.y + click.y);
  await page.mouse.move(0, 0);

  // The start fields and the link follow the click, within a pixel of where it landed.
  const pixelInX = 20 / area.width;
  await expect.poll(async () => Number(await page.getByTestId('start-x').inputValue())).not.toBe(-7);
  const x = Number(await page.getByTestId('start-x').inputValue());
  const y = Number(await page.getByTestId('start-y').inputValue());
  expect(Math.abs(x - 4)).toBeLessThanOrEqual(pixelInX);
  expect(Math.abs(y - 2.5)).toBeLessThanOrEqual(10 / area.height);
  await expect.poll(() => hashValue(page, 'start')).toBe(`${x},${y}`);
  // The start's handle (its ring on hover and focus) is a circle centred on the new start.
  const handle = await page.getByRole('button', { name: /^Start point/ }).boundingBox();
  if (!handle) throw new Error('no start handle');
  expect(handle.height).toBeCloseTo(handle.width, 0);
  expect(Math.abs(handle.x + handle.width / 2 - (area.x + click.x))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(handle.y + handle.height / 2 - (area.y + click.y))).toBeLessThanOrEqual(1.5);

  // The runs redraw from there, and nothing is left at the old start.
  await runsSettled(page);
  await expect.poll(() => runPixelsNear(click)).toBeGreaterThan(50);
  expect(await runPixelsNear(oldStart)).toBe(0);

  // Every exported trajectory begins exactly at the clicked point.
  const data = await exportJson(page);
  expect(data.runs).toHaveLength(4);
  for (const run of data.runs) {
    const [x0, y0, f0] = run.points[0];
    expect([x0, y0], run.label).toEqual([x, y]);
    expect(f0).toBeCloseTo(x * x / 20 + y * y, 12);
    expect(run.status).not.toBe('running');
  }
});

test('a click whose pointer wobbles a pixel or two sets the start and leaves the view where it was', async ({ page }) => {
  await openApp(page);
  const area = await page.getByTestId('trajectory-canvas').boundingBox();
  if (!area) throw new Error('no trajectory canvas');
  await expect(page.getByTestId('contour-plot').locator('.plot-zoom-area')).toHaveAttribute('data-zoom', 'ready');
  const at = { x: area.x + 0.7 * area.width, y: area.y + 0.25 * area.height };
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 2, at.y + 1);
  await page.mouse.up();
  await expect.poll(async () => Number(await page.getByTestId('start-x').inputValue())).not.toBe(-7);
  await expect.poll(() => hashValue(page, 'start')).toBeDefined();
  // d3-zoom pans on every move; a click's wobble must not put a view in the link (it did: 2 px off).
  expect(hashValue(page, 'view')).toBeUndefined();
  // A real drag still pans (away from the start ring, now at the click, which a drag would move).
  const from = { x: area.x + 0.4 * area.width, y: area.y + 0.7 * area.height };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 40, from.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => hashValue(page, 'view')).toBeDefined();
});
