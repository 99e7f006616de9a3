import {
  expect, test, bandCount, countColor, countExactColor, decodePng, legendColors, openApp, plotShot, runColor, showWholePaths,
} from './helpers';

test('the page opens with filled contours and every run’s path drawn in its own colour', async ({ page }) => {
  await openApp(page);

  // The contours: filled bands, and a colour legend beside them.
  expect(await bandCount(page)).toBeGreaterThanOrEqual(8);
  // The legend's swatches: one colour per band, and the plot shows them.
  const swatches = await page.getByTestId('contour-plot').locator('.plot-legend rect:not(.plot-legend-frame)').evaluateAll((rects) =>
    [...new Set(rects.map((r) => getComputedStyle(r).fill))].map((fill) => {
      const [r, g, b] = (fill.match(/\d+/g) ?? []).map(Number);
      return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }),
  );
  expect(swatches.length, 'distinct band colours').toBeGreaterThanOrEqual(8);
  const bands = await decodePng(page, await plotShot(page));
  const shown = swatches.filter((color) => countExactColor(bands, color) > 50);
  expect(shown.length, 'band colours on the plot').toBeGreaterThanOrEqual(8);

  // The default view has Saito's four runs, coloured from the palette in order.
  const colors = await legendColors(page);
  expect(colors).toEqual([0, 1, 2, 3].map((i) => runColor(i).toLowerCase()));

  await showWholePaths(page);
  const pixels = await decodePng(page, await plotShot(page));
  for (const [i, color] of colors.entries()) {
    // A whole path is hundreds of pixels long; 100 leaves room for where runs overlap (AdaGrad under Adam).
    expect(countColor(pixels, color), `pixels of run ${i + 1} (${color})`).toBeGreaterThan(100);
  }
  // Colours no run uses (and the bands never come near) show nowhere: the counts above are the paths.
  for (const unused of [runColor(4), runColor(6)]) expect(countColor(pixels, unused), unused).toBeLessThan(10);
});
