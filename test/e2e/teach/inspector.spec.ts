/**
 * The step inspector, as a learner uses it: open a link, open the inspector,
 * step to step 3, and read numbers that a hand calculation (and the core's
 * own `simulate`) agree with; see the update rule typeset, and a number and
 * its symbol light each other up. The built site's CSP must not block any of it.
 */
import type { Page } from '@playwright/test';
import { simulate } from '../../../src/core';
import type { SimulationConfig } from '../../../src/core/types';
import { expect, openApp, test } from '../visualizer/helpers';

const link = 'v=1&s=ellipse&start=-7,2&n=30&run=momentum(lr=0.1)';
const config: SimulationConfig = {
  surface: 'ellipse', optimizer: { id: 'momentum', learningRate: 0.1, beta: 0.9, form: 'heavy-ball' }, steps: 30, start: [-7, 2],
};

/** A number as the inspector writes it ("−6.7977", "1e−8") back to a number. */
const parse = (text: string) => Number(text.trim().replace(/−/g, '-'));
const pair = (text: string) => text.replace(/[()]/g, '').split(',').map(parse);

async function value(page: Page, row: string): Promise<string> {
  return (await page.locator(`[data-testid="inspector-table"] tr[data-row="${row}"] .inspector-value`).textContent()) ?? '';
}

/** Within half a unit of the sixth significant digit, which is all six digits can promise. */
function expectSixDigits(shown: number[], wanted: number[], what: string) {
  expect(shown.length, what).toBe(wanted.length);
  shown.forEach((v, i) => expect(Math.abs(v - wanted[i]), `${what}[${i}]: ${v} vs ${wanted[i]}`).toBeLessThanOrEqual(5e-6 * Math.abs(wanted[i]) + 1e-300));
}

test.beforeEach(async ({ page }) => {
  // Before the page's own scripts and its meta CSP: record every violation.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    }, true);
  });
});

test('the inspector shows heavy-ball momentum’s step 3 as computed by hand, with its rule typeset and linked', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page, link);
  await page.mouse.move(0, 0);

  // KaTeX is not part of the first load.
  expect(requested.filter((url) => /katex/i.test(url))).toEqual([]);

  await page.getByTestId('inspector-toggle').click();
  await expect(page.getByTestId('inspector-toggle')).toHaveAttribute('aria-expanded', 'true');

  // Reset, then → three times.
  await page.getByRole('button', { name: /↺/ }).click();
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('step 3 / 30');
  await expect(page.getByTestId('inspector-step')).toHaveText('Step 3');
  await expect(page.getByTestId('inspector-table')).toBeVisible();

  // By hand: f = x²/20 + y², ∇f = (x/10, 2y); heavy ball v ← 0.9v + ∇f, x ← x − 0.1v, from (−7, 2), v = 0.
  //   step 1: g = (−0.7, 4),        v₁ = (−0.7, 4),        x₁ = (−6.93, 1.6)
  //   step 2: g = (−0.693, 3.2),    v₂ = (−1.323, 6.8),    x₂ = (−6.7977, 0.92)
  //   step 3: g = (−0.67977, 1.84), v₃ = 0.9·v₂ + g = (−1.87047, 7.96),
  //           Δx = −0.1·v₃ = (0.187047, −0.796),     x₃ = (−6.610653, 0.124)
  //   f(x₂) = 6.7977²/20 + 0.92² = 3.1568362645;  f(x₃) = 6.610653²/20 + 0.124² = 2.2004126543
  //   ‖g‖ = √(0.67977² + 1.84²) = 1.9615522560
  const byHand: Record<string, number[]> = {
    step: [3],
    from: [-6.7977, 0.92],
    f: [3.1568362645],
    gradient: [-0.67977, 1.84],
    gradientNorm: [1.961552256],
    learningRate: [0.1],
    beta: [0.9],
    'velocity-prev': [-1.323, 6.8],
    velocity: [-1.87047, 7.96],
    delta: [0.187047, -0.796],
    to: [-6.610653, 0.124],
    fTo: [2.2004126543],
  };
  for (const [row, wanted] of Object.entries(byHand)) expectSixDigits(pair(await value(page, row)), wanted, row);
  expect(await value(page, 'from')).toBe('(−6.7977, 0.92)');
  expect(await value(page, 'velocity')).toBe('(−1.87047, 7.96)');
  expect(await value(page, 'delta')).toBe('(0.187047, −0.796)');

  // And the core agrees, run independently here in Node.
  const run = simulate({ ...config, explain: true });
  const record = run.explain!;
  expectSixDigits(pair(await value(page, 'gradient')), [record.gradients[4], record.gradients[5]], 'gradient vs simulate');
  expectSixDigits(pair(await value(page, 'velocity')), [record.state.velocity[4], record.state.velocity[5]], 'velocity vs simulate');
  expectSixDigits(pair(await value(page, 'to')), [run.points[9], run.points[10]], 'x₃ vs simulate');

  // The update rule, typeset by KaTeX, its symbols marked.
  const formula = page.getByTestId('inspector-formula');
  await expect(formula).toHaveAttribute('data-status', 'ready');
  await expect(formula.locator('.katex')).toHaveCount(1);
  await expect(formula.locator('.katex-display [data-sym="velocity"]')).toHaveCount(2); // v_t, on the left and in Δx
  // KaTeX's style sheet is applied (it sets .katex's font), so its fonts came from this site.
  const fontFamily = await formula.locator('.katex').first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).toMatch(/KaTeX_Main/);

  // A number lights its symbol …
  await page.locator('tr[data-row="velocity"]').hover();
  await expect(formula.locator('[data-sym="velocity"].is-lit')).toHaveCount(2);
  await expect(formula.locator('.is-lit')).toHaveCount(2);
  // … and a symbol lights its number.
  await formula.locator('[data-sym="eta"]').first().hover();
  await expect(page.locator('tr[data-row="learningRate"]')).toHaveClass(/is-lit/);
  await expect(formula.locator('.is-lit')).toHaveCount(1); // η appears once, in Δx = −η v
  await expect(page.locator('tr[data-row="velocity"]')).not.toHaveClass(/is-lit/);

  // The overlay draws the run's arrows, with a legend naming them.
  await expect(page.getByTestId('inspector-canvas')).toHaveAttribute('data-runs', '1');
  await expect(page.getByTestId('inspector-legend')).toContainText('Δx: the step taken');
  const painted = await page.getByTestId('inspector-canvas').evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(50);

  // KaTeX came as separate files from this site; nothing was blocked or fetched from elsewhere.
  expect(requested.some((url) => /katex.*\.js$/i.test(url))).toBe(true);
  expect(requested.some((url) => /KaTeX_Main-Regular.*\.woff2$/.test(url))).toBe(true);
  expect(requested.filter((url) => !new URL(url).hostname.match(/^(localhost|127\.0\.0\.1)$/) && !url.startsWith('data:'))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

test('dragging the timeline inspects the step it lands on; step 0 is the start, and a diverged step says so', async ({ page }) => {
  await openApp(page, `${link}&run=gd(lr=21)`);
  await page.getByTestId('inspector-toggle').click();
  // Stop the replay: pause it if it still plays (it may finish meanwhile), until no Pause button is left.
  const pause = page.getByTestId('pause');
  await expect(async () => {
    if (await pause.isVisible()) await pause.click({ timeout: 1_000 });
    await expect(pause).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.locator('input.timeline').fill('10');
  await expect(page.getByTestId('inspector-step')).toHaveText('Step 10');
  const run = simulate({ ...config, explain: true });
  const k = 9; // step 10 is record index 9
  expectSixDigits(pair(await value(page, 'from')), [run.points[3 * k], run.points[3 * k + 1]], 'x₉');
  expectSixDigits(pair(await value(page, 'velocity')), [run.explain!.state.velocity[2 * k], run.explain!.state.velocity[2 * k + 1]], 'v₁₀');

  // Step 0: only the start point.
  await page.locator('input.timeline').fill('0');
  await expect(page.getByTestId('inspector-notice')).toContainText('start point');
  expect(await value(page, 'from')).toBe('(−7, 2)');

  // GD at η = 21 multiplies y by 1 − 2·21 = −41 each step, so |y| passes 1e6 within a few steps.
  const diverging = simulate({ ...config, optimizer: { id: 'gd', learningRate: 21 } });
  expect(diverging.status).toBe('diverged');
  await page.getByTestId('inspector-run').selectOption({ index: 1 });
  await page.locator('input.timeline').fill(String(diverging.stoppedAt));
  // The run's own reason, as the core says it: the point passed the 1e6 bound (it is still finite).
  await expect(page.getByTestId('inspector-notice')).toHaveText(diverging.message);
  expect(await value(page, 'delta')).toBe('diverged');
  const shown = await page.getByTestId('inspector').innerText();
  expect(shown).not.toMatch(/NaN|Infinity|undefined/);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
