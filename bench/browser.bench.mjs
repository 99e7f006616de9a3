// The browser measurements of `npm run bench`: Playwright drives headless
// Chromium at 1280×800 over the production build. Each scenario opens its own
// browser context (cold cache) and returns rows for the table:
//   { figure, value, unit, budget?, op?, note?, fail? }
// Rows without a budget are context for the ones with one.
//
// By hand, against a build already being served:
//   node bench/browser.bench.mjs --url http://localhost:4173/ --dist dist [--only slider,zoom]

import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { measureLongRuns } from './longRuns.mjs';
import { measureOpen } from './open.mjs';
import { measureSlider } from './slider.mjs';
import { measureZoom } from './zoom.mjs';

export const scenarios = ['open', 'slider', 'zoom', 'long'];

/**
 * Runs the chosen scenarios one after another in one browser. A scenario that
 * throws gives a failing row saying why, and the others still run.
 */
export async function measureBrowser({ baseURL, distDir, executablePath, only = scenarios, say = console.log }) {
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
  const rows = [];
  try {
    const run = {
      open: () => measureOpen(browser, baseURL, distDir, say),
      slider: () => measureSlider(browser, baseURL, say),
      zoom: () => measureZoom(browser, baseURL, say),
      long: () => measureLongRuns(browser, baseURL, say),
    };
    for (const name of scenarios.filter((s) => only.includes(s))) {
      try {
        rows.push(...(await run[name]()));
      } catch (error) {
        rows.push({ figure: `${name}: could not be measured`, value: NaN, unit: '', fail: String(error?.message ?? error).split('\n')[0] });
      }
    }
    return { rows, version: browser.version() };
  } finally {
    await browser.close();
  }
}

const invokedDirectly = import.meta.url === `file://${process.argv[1]}`;
if (invokedDirectly) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { printTable } = await import('./table.mjs');
  const { executablePath, version } = await findChromium();
  const { rows } = await measureBrowser({
    baseURL: arg('url') ?? 'http://localhost:4173/',
    distDir: arg('dist') ?? 'dist',
    executablePath,
    only: arg('only')?.split(',') ?? scenarios,
  });
  process.exitCode = printTable(rows, { chromium: version }) ? 0 : 1;
}
