/**
 * Accessibility: an axe-core scan (WCAG 2 A and AA rules) of the page finds
 * no serious or critical violation in light and dark colour schemes, with a
 * run's Advanced options unfolded, with the preset gallery open, and in
 * Korean; and the header and a run card work from the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { contrastRatio } from '../../../src/plot/colors';
import { expect, test, openApp, runsSettled } from '../visualizer/helpers';

// A full axe scan of this page takes 10–25 s on a loaded 2-core machine; 30 s per test is too tight.
test.describe.configure({ timeout: 90_000 });

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Violations axe rates serious or critical (or, with `all`, any), one readable line per failing element. */
async function seriousViolations(page: Page, all = false): Promise<string[]> {
  const results = await (all ? new AxeBuilder({ page }) : new AxeBuilder({ page }).withTags(wcagTags)).analyze();
  return results.violations
    .filter((v) => all || v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id} (${v.impact}) at ${node.target.join(' ')}: ${v.help}\n    ${node.failureSummary?.replace(/\n/g, ' ') ?? ''}`),
    );
}

/** Open a run card's Advanced options and wait until they show. */
async function openAdvanced(page: Page, run = 0): Promise<void> {
  const details = page.getByTestId(`run-${run}`).locator('details.advanced');
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the page in the ${colorScheme} colour scheme has no serious or critical axe violation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // Three runs with different colours and a schedule, so paths, legend and statuses all show.
    await openApp(page, 'v=1&s=rosenbrock&run=gd(lr=0.001)&run=momentum&run=adam(lr=0.05)');
    expect(await seriousViolations(page), 'page').toEqual([]);

    await openAdvanced(page, 0);
    await openAdvanced(page, 2);
    expect(await seriousViolations(page), 'Advanced options open').toEqual([]);

    // Side by side: one small plot per run, sharing the surface and the timeline.
    await page.getByTestId('layout-multiples').click();
    await expect(page.getByTestId('layout-multiples')).toHaveAttribute('aria-pressed', 'true');
    await runsSettled(page);
    expect(await seriousViolations(page), 'side by side').toEqual([]);
  });

  test(`the preset gallery and a preset's note in the ${colorScheme} colour scheme have no serious or critical axe violation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await openApp(page);
    await page.getByTestId('presets').click();
    await expect(page.getByTestId('preset-gallery')).toBeVisible();
    expect(await seriousViolations(page), 'gallery open').toEqual([]);
    // Best practices too: the dialog adds no second banner landmark to the page.
    expect(await seriousViolations(page, true), 'gallery open, every axe rule').toEqual([]);

    await page.getByTestId('preset-card-saito').getByRole('button').click();
    await expect(page.getByTestId('preset-gallery')).toHaveCount(0);
    await expect(page.getByTestId('preset-note')).toBeVisible();
    await runsSettled(page);
    expect(await seriousViolations(page), 'preset note').toEqual([]);
  });
}

test('the page in Korean has no serious or critical axe violation', async ({ page }) => {
  await page.goto('./?lang=ko#v=1&s=saddle&run=gd&run=newton&run=adam');
  await runsSettled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  expect(await seriousViolations(page), 'Korean page').toEqual([]);
  await openAdvanced(page, 2);
  await page.getByTestId('presets').click();
  await expect(page.getByTestId('preset-gallery')).toBeVisible();
  expect(await seriousViolations(page), 'Korean gallery').toEqual([]);
});

/** What the focused element is and what a screen reader would call it. */
interface Focused {
  tag: string;
  testId: string | null;
  name: string;
  inRunCard: boolean;
}

/** The focused element, and its accessible name as Chromium's accessibility tree computes it. */
async function focused(page: Page, cdp: CDPSession): Promise<Focused> {
  const info = await page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      testId: el?.getAttribute('data-testid') ?? null,
      inRunCard: el?.closest('[data-testid="run-0"]') != null,
    };
  });
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
  const name = String(nodes[0]?.name?.value ?? '');
  return { ...info, name };
}

test('Tab walks the header and the first run card, every stop has a name, and arrows move the learning rate', async ({ page }) => {
  await openApp(page, 'v=1&s=ellipse&run=gd(lr=0.1)&run=adam');
  const cdp = await page.context().newCDPSession(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const stops: Focused[] = [];
  let seenRunCard = false;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page, cdp);
    stops.push(stop);
    if (stop.inRunCard) seenRunCard = true;
    else if (seenRunCard) break; // past the first run card
  }
  const unnamed = stops.filter((s) => s.name.trim() === '');
  expect(unnamed, `focus stops without an accessible name:\n${JSON.stringify(stops, null, 1)}`).toEqual([]);
  expect(seenRunCard, 'Tab reaches the first run card').toBe(true);
  expect(stops.some((s) => s.testId === 'presets'), 'Tab reaches the Presets button').toBe(true);
  const slider = page.getByTestId('run-0-lr');
  expect(stops.some((s) => s.testId === 'run-0-lr'), 'Tab reaches the learning-rate slider').toBe(true);

  // Arrow keys on the focused slider change the learning rate, and the link follows.
  await slider.focus();
  const typed = page.getByTestId('run-0-lr-text');
  await expect(typed).toHaveValue('0.1');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await typed.inputValue())).toBeGreaterThan(0.1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  // Two steps down from one step up: below where it started (the poll waits for the second key too).
  await expect.poll(async () => Number(await typed.inputValue())).toBeLessThan(0.1);
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toMatch(/run=gd\(lr=0\.0\d+/);
  await runsSettled(page);

  // Enter unfolds the Advanced options; Enter on Presets opens the gallery with the focus inside, Escape closes it.
  const advanced = page.getByTestId('run-0').locator('details.advanced');
  await advanced.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(advanced).toHaveAttribute('open', '');
  await page.getByTestId('presets').focus();
  await page.keyboard.press('Enter');
  const gallery = page.getByTestId('preset-gallery');
  await expect(gallery).toBeVisible();
  expect(await gallery.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(gallery).toHaveCount(0);
  await expect(page.getByTestId('presets')).toBeFocused();
});

/**
 * Text drawn in the plot's SVG (ticks, axis names, the colour legend) is
 * something axe leaves "incomplete": the trajectory canvas overlaps it. It sits
 * in the margins, off the contour bands, so it is measured against the page
 * behind it, as is the loss chart's ink. (The paths' own contrast against the
 * bands is their casing's, checked in test/plot/colors.test.ts.)
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`plot text keeps 4.5:1 contrast with the page in the ${colorScheme} colour scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page, 'v=1&s=rosenbrock');
    const measured = await page.evaluate(() => {
      const opaque = (el: Element | null): string => {
        for (let at = el; at; at = at.parentElement) {
          const bg = getComputedStyle(at).backgroundColor;
          if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const plot = document.querySelector('[data-testid="contour-plot"]')!;
      const bands = plot.querySelector('.plot-hit')!.getBoundingClientRect();
      const texts = [...plot.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
      const loss = document.querySelector('.plot-loss canvas');
      return {
        texts: texts.map((t) => {
          const box = t.getBoundingClientRect();
          const overBands = box.right > bands.left + 1 && box.left < bands.right - 1 && box.bottom > bands.top + 1 && box.top < bands.bottom - 1;
          return { text: t.textContent!.trim(), fill: getComputedStyle(t).fill, background: opaque(t), overBands };
        }),
        loss: loss ? { ink: getComputedStyle(loss).color, background: opaque(loss) } : null,
      };
    });
    expect(measured.texts.length, 'texts in the plot').toBeGreaterThan(5);
    const poor = measured.texts
      .map((t) => ({ ...t, ratio: contrastRatio(t.fill, t.background) }))
      .filter((t) => t.overBands || t.ratio < 4.5);
    expect(poor, 'plot texts over the bands or below 4.5:1').toEqual([]);
    expect(measured.loss, 'the loss chart').not.toBeNull();
    expect(contrastRatio(measured.loss!.ink, measured.loss!.background), 'loss chart ink').toBeGreaterThanOrEqual(4.5);
  });
}
