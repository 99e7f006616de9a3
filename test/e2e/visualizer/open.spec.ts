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

test('the first picture comes without the formula engine, which arrives with the settings, and a typed link still opens', async ({ page }) => {
  // The engine that reads a typed f(x, y) is ~6 KB gzipped of the page's 150 KB first-paint budget,
  // so it is a chunk of its own (src/state/formulaEngine.ts). 'POWK' is one of its opcode names, which
  // minification keeps: a script holding it is the engine.
  const scriptsHolding = (marker: string, before?: string) => page.evaluate(async ([text, mark]) => {
    const until = mark ? performance.getEntriesByName(mark)[0]?.startTime ?? Infinity : Infinity;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType !== 'other' && /\.js(\?|$)/.test(entry.name) && entry.startTime < until)
      .map((entry) => entry.name);
    const bodies = await Promise.all(scripts.map(async (url) => [url, await (await fetch(url)).text()] as const));
    return bodies.filter(([, body]) => body.includes(text)).map(([url]) => url);
  }, [marker, before] as const);

  await openApp(page);
  expect(await scriptsHolding('POWK', 'optiscope:first-paths'), 'scripts before the first paths').toEqual([]);
  // The settings column brings it, ready for a reader who picks "Your own f(x, y)".
  await expect(page.getByRole('complementary')).toHaveAttribute('aria-busy', 'false');
  expect((await scriptsHolding('POWK')).length, 'the engine, once the settings are there').toBeGreaterThan(0);

  // A typed link waits for the engine, then shows its own f.
  await page.goto('./#v=1&s=custom&fx=x%5E2%2B3*y%5E2&box=-2,2,-1,1');
  await page.reload();
  await expect(page.getByTestId('contour-plot')).toHaveAttribute('data-grid', 'full');
  expect(new URL(page.url()).hash).toContain('fx=x%5E2');
  await expect(page.getByTestId('notices')).toHaveCount(0);
});
