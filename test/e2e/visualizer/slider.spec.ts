import {
  expect, test, colorMoved, decodePng, legendColors, linkRuns, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';

/** The learning rate a link gives run `index`, or undefined when it is the optimizer's default. */
function linkLearningRate(runs: string[], index: number): number | undefined {
  const match = /[(,]lr=([^,)]+)/.exec(runs[index] ?? '');
  return match ? Number(match[1]) : undefined;
}

test('dragging a learning-rate slider redraws that run’s path and rewrites lr in the link', async ({ page }) => {
  await openApp(page);
  await showWholePaths(page);
  const [gdColor] = await legendColors(page);
  const before = await decodePng(page, await plotShot(page));
  // The default view's first run is GD at η = 0.95.
  const slider = page.getByTestId('run-0-lr');
  expect(Number(await slider.inputValue())).toBeCloseTo(Math.log10(0.95), 1);

  // Grab the thumb where the value puts it and drag it one decade to the left (η ≈ 0.095).
  const box = await slider.boundingBox();
  if (!box) throw new Error('no slider');
  const [min, max, value] = await slider.evaluate((el: HTMLInputElement) => [el.min, el.max, el.value].map(Number));
  const thumbHalf = 8;
  const from = box.x + thumbHalf + ((value - min) / (max - min)) * (box.width - 2 * thumbHalf);
  const to = from - (box.width - 2 * thumbHalf) / (max - min);
  const y = box.y + box.height / 2;
  await page.mouse.move(from, y);
  await page.mouse.down();
  await page.mouse.move((from + to) / 2, y, { steps: 5 });
  // Mid-gesture the run already follows the thumb: the link's learning rate is no longer 0.95.
  await expect.poll(() => linkLearningRate(linkRuns(page), 0)).toBeLessThan(0.9);
  await page.mouse.move(to, y, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(0, 0);

  // The link, the slider and the typed field agree on the new η, about a decade lower.
  // (The link's last write of a gesture lands once the gesture goes quiet.)
  const typed = page.getByTestId('run-0-lr-text');
  await expect
    .poll(async () => linkLearningRate(linkRuns(page), 0) === Number(await typed.inputValue()), { message: 'link agrees with the field' })
    .toBe(true);
  const lr = linkLearningRate(linkRuns(page), 0)!;
  expect(lr).toBeGreaterThan(0.05);
  expect(lr).toBeLessThan(0.2);
  expect(Number(await slider.inputValue())).toBeCloseTo(Math.log10(lr), 1);
  // The other runs keep their settings.
  const runs = linkRuns(page);
  expect([1, 2, 3].map((i) => linkLearningRate(runs, i))).toEqual([0.1, 1.5, 0.3]);

  // And GD's path is redrawn: many of its pixels moved.
  await runsSettled(page);
  await expect
    .poll(async () => colorMoved(before, await decodePng(page, await plotShot(page)), gdColor), { message: 'GD pixels that moved' })
    .toBeGreaterThan(300);
});
