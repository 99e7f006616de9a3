import {
  expect, test, comparable, decodePng, differingPixels, exportJson, hashValue, openApp, plotShot, runsSettled, settledShot, showWholePaths,
} from './helpers';

test('reloading the page draws the same picture and exports the same runs', async ({ page }) => {
  await openApp(page);
  // Make the view one of the user's own: a clicked start, a typed learning rate, another step budget.
  const area = await page.getByTestId('trajectory-canvas').boundingBox();
  if (!area) throw new Error('no trajectory canvas');
  await page.mouse.click(area.x + 0.3 * area.width, area.y + 0.8 * area.height);
  await expect.poll(() => hashValue(page, 'start')).toBeDefined();
  await page.getByTestId('run-1-lr-text').fill('0.05');
  await page.getByTestId('run-1-lr-text').press('Enter');
  await page.getByTestId('steps').fill('90');
  await page.getByTestId('steps').press('Enter');
  await expect.poll(() => hashValue(page, 'n')).toBe('90');
  await runsSettled(page);
  await showWholePaths(page);
  const link = page.url();
  // The sender's picture too must be the settled one.
  const picture = await settledShot(page, 'the picture settles before the reload');
  const exported = await exportJson(page);
  expect(exported.runs.every((run) => run.points.length === 91 || run.status !== 'budget')).toBe(true);

  await page.reload();
  await runsSettled(page);
  expect(page.url()).toBe(link);
  await expect(page.getByTestId('steps')).toHaveValue('90');
  await expect(page.getByTestId('run-1-lr-text')).toHaveValue('0.05');
  await showWholePaths(page);
  // The last frame of "Show all" may still be on its way: wait for the picture to settle.
  await expect
    .poll(async () => differingPixels(picture, await decodePng(page, await plotShot(page))), { message: 'pixels that changed', timeout: 5_000 })
    .toBe(0);
  expect(comparable(await exportJson(page))).toEqual(comparable(exported));
});

test('a paused replay opens from its link at the same step, inspector and picture', async ({ page }) => {
  await openApp(page, 'v=1&s=ellipse&start=-7,2&n=30&run=gd(lr=0.95)&run=adam(lr=0.3)');
  // A teacher lets the replay end, scrubs back to step 12 and opens the inspector on Adam.
  await expect(page.getByTestId('play')).toBeVisible();
  await page.getByRole('slider', { name: 'Step shown' }).fill('12');
  await expect.poll(() => new URL(page.url()).searchParams.get('at'), { message: 'the step in the link' }).toBe('12');
  await page.getByTestId('inspector-toggle').click();
  await page.getByTestId('inspector-run').selectOption({ label: 'Adam · lr 0.3' });
  await expect.poll(() => new URL(page.url()).searchParams.get('insp'), { message: 'the inspected run in the link' }).toBe('2');
  await expect(page.getByTestId('inspector-table')).toBeVisible();
  const numbers = await page.getByTestId('inspector-table').innerText();
  await page.mouse.move(0, 0);
  const picture = await settledShot(page, 'the paused picture settles');
  const link = page.url();

  await page.goto('about:blank');
  await page.goto(link);
  await runsSettled(page);
  await expect(page.getByTestId('play'), 'paused, not replaying').toBeVisible();
  await expect(page.getByTestId('step-count')).toContainText('12');
  // How the runs end is told when the replay gets there, not while their dots are mid-path.
  await expect(page.getByTestId('run-legend')).not.toContainText('ran all steps', { useInnerText: true });
  // The run card tells the computation, which is done: in words that do not say the dots have finished.
  await expect(page.getByTestId('run-0-status')).toHaveText('computed all 30 steps');
  await expect(page.getByTestId('inspector-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('inspector-step')).toContainText('12');
  await expect.poll(() => page.getByTestId('inspector-table').innerText(), { message: 'the same numbers' }).toBe(numbers);
  await expect
    .poll(async () => differingPixels(picture, await decodePng(page, await plotShot(page))), { message: 'pixels that differ', timeout: 5_000 })
    .toBe(0);
  // Playing on from there replays to the end and takes the step out of the link again.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('step-count')).toContainText('30');
  await expect(page.getByTestId('run-legend')).toContainText('ran all steps', { useInnerText: true });
  await expect.poll(() => new URL(page.url()).searchParams.get('at')).toBeNull();
});
