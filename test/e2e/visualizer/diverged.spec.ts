import {
  expect, test, countColor, decodePng, exportJson, legendColors, openApp, plotShot, showWholePaths,
} from './helpers';

test('a link with a diverging learning rate marks the run diverged, with no NaN anywhere', async ({ page }) => {
  // GD with η = 10 on the bowl: every step overshoots further.
  await openApp(page, 'v=1&s=bowl&start=-1,1&n=100&run=gd(lr=10)');
  await showWholePaths(page);

  const status = page.getByTestId('run-0-status');
  await expect(status).toHaveAttribute('data-status', 'diverged');
  await expect(status).toHaveText('diverged at step 5');
  await expect(page.getByTestId('run-legend')).toContainText('diverged at step 5');

  // What was drawn before it blew up is still on the plot.
  const [color] = await legendColors(page);
  expect(countColor(await decodePng(page, await plotShot(page)), color)).toBeGreaterThan(20);

  // The export says so too, and holds only finite numbers (JSON writes NaN and ±∞ as null).
  const data = await exportJson(page);
  expect(data.runs[0]).toMatchObject({ status: 'diverged', stoppedAt: 5 });
  expect(data.runs[0].points.flat().every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);

  // No NaN (or undefined, or Infinity) leaks into the page: not in its text, not in an attribute a screen reader reads.
  const leaks = await page.evaluate(() => {
    const found: string[] = [];
    const bad = /\b(NaN|undefined|Infinity)\b/;
    if (bad.test(document.body.innerText)) found.push('text');
    for (const el of document.querySelectorAll('*')) {
      if (el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE' && el.children.length === 0 && bad.test(el.textContent ?? '')) {
        found.push(`text of <${el.tagName.toLowerCase()}>: ${el.textContent}`);
      }
      for (const attr of el.attributes) {
        if (bad.test(attr.value)) found.push(`${el.tagName.toLowerCase()}[${attr.name}="${attr.value.slice(0, 80)}"]`);
      }
    }
    for (const input of document.querySelectorAll('input')) if (bad.test(input.value)) found.push(`input value ${input.value}`);
    return found;
  });
  expect(leaks).toEqual([]);
});
