import {
  expect, test, colorMoved, decodePng, legendColors, linkRuns, openApp, plotShot, runsSettled, showWholePaths,
} from './helpers';
import type { Page } from '@playwright/test';
import { trajectoryPrints, withoutKeys } from '../security/pageGuards';

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

  // Grab the thumb where the value puts it and drag it one decade to the left (η ≈ 0.095),
  // scrolled into view first as a reader would (the opening note sits above the runs).
  await slider.scrollIntoViewIfNeeded();
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

/** A page of the same build served without the isolation headers: every reply is posted, as on a host that cannot send them. */
async function plainPage(page: Page): Promise<Page> {
  const plain = await page.context().newPage();
  await plain.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  return plain;
}

const mailTaken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __optiscope: { client: { mailTaken: number } } }).__optiscope.client.mailTaken);

test('on a cross-origin isolated page each slider step comes through the shared mailbox, bit for bit as posted replies give it', async ({ page }) => {
  await openApp(page, 'v=1&s=bumpy&n=1000&run=gd(lr=0.01)&run=adam(lr=0.01)&run=momentum(lr=0.01)');
  // vite preview sends COOP and COEP (vite.config.ts), as a host with public/_headers does.
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  const before = await mailTaken(page);
  const slider = page.getByTestId('run-1-lr');
  await slider.focus();
  // One step at a time: each is one reply, and the box is empty again once the store has it.
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowRight']) {
    await page.keyboard.press(key);
    await runsSettled(page);
  }
  expect((await mailTaken(page)) - before, 'slider steps read from the mailbox').toBeGreaterThanOrEqual(4);
  const stepped = withoutKeys(await trajectoryPrints(page));
  expect(stepped.map((run) => run.count)).toEqual([1001, 1001, 1001]);
  // The link is written in idle time: wait until it holds the η on screen.
  const typed = page.getByTestId('run-1-lr-text');
  await expect
    .poll(async () => linkLearningRate(linkRuns(page), 1) === Number(await typed.inputValue()), { message: 'link agrees with the field' })
    .toBe(true);
  const link = new URL(page.url()).hash.slice(1);
  expect(link).not.toContain('run=adam(lr=0.01)');
  // The same link on a page without the headers: no mailbox, the same bits.
  const plain = await plainPage(page);
  await openApp(plain, link);
  expect(await plain.evaluate(() => window.crossOriginIsolated)).toBe(false);
  expect(await mailTaken(plain)).toBe(0);
  expect(withoutKeys(await trajectoryPrints(plain))).toEqual(stepped);
});

test('a long stream read through the mailbox ends with the bits of an all-posted one', async ({ page }) => {
  test.slow();
  const link = 'v=1&s=rosenbrock&n=60000&run=gd(lr=0.001)&run=adam(lr=0.01)&run=rmsprop(lr=0.001)';
  await openApp(page, link);
  expect(await mailTaken(page), 'replies read from the mailbox').toBeGreaterThan(0);
  const mailed = withoutKeys(await trajectoryPrints(page));
  const plain = await plainPage(page);
  await openApp(plain, link);
  expect(await mailTaken(plain)).toBe(0);
  expect(withoutKeys(await trajectoryPrints(plain))).toEqual(mailed);
});
