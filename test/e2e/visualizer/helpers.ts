/**
 * What the visualizer specs share: opening the page and waiting for the runs,
 * reading the link, exporting the JSON a user would download, and looking at
 * screenshots pixel by pixel (decoded by the browser itself, so no PNG library
 * is needed on the Node side).
 */
import { readFile } from 'node:fs/promises';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { runColor } from '../../../src/plot/colors';
import { watchPage } from '../support/pageWatch';

export { expect, runColor };

/**
 * Playwright's `test`, where every test also fails when its page threw an
 * uncaught error or logged one to the console while the test drove it.
 */
export const test = base.extend<{ pageProblems: void }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems = watchPage(page);
      await use();
      expect(problems.pageErrors, 'uncaught errors on the page').toEqual([]);
      expect(problems.consoleErrors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Open the app at `hash` (without '#'), or at its default view. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(hash ? `./#${hash}` : './');
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  await runsSettled(page);
  // The replay's bar is its own chunk, fetched after the first picture: a test pausing the replay needs it there.
  await expect(page.getByTestId('step-count')).toBeVisible();
}

/** Wait until the contours are drawn (from the full grid, not the coarse preview) and no run is still computing. */
export async function runsSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('contour-plot').first()).toHaveAttribute('data-grid', 'full');
  await expect.poll(() => bandCount(page), { message: 'filled contour bands' }).toBeGreaterThan(2);
  await expect(page.locator('[data-testid^="run-"][data-status="running"]')).toHaveCount(0);
}

/** Filled contour bands the plot draws (its bands canvas says how many). */
export async function bandCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('contour-bands').first().getAttribute('data-bands'));
}

/** Press "Show all" so every path is drawn in full, not replayed. */
export async function showWholePaths(page: Page): Promise<void> {
  const button = page.getByTestId('show-all');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // Keep the pointer off the plot and the loss chart: hovering a step rings it on every path.
  await page.mouse.move(0, 0);
}

/** The link's hash as ordered [key, value] pairs (`run` repeats). */
export function hashPairs(page: Page): Array<[string, string]> {
  const hash = new URL(page.url()).hash.replace(/^#/, '');
  if (hash === '') return [];
  return hash.split('&').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part, ''] : [part.slice(0, at), decodeURIComponent(part.slice(at + 1))];
  });
}

/** One value of the link, or undefined. */
export function hashValue(page: Page, key: string): string | undefined {
  return hashPairs(page).find(([k]) => k === key)?.[1];
}

/** Every `run=` of the link, in order. */
export function linkRuns(page: Page): string[] {
  return hashPairs(page).filter(([k]) => k === 'run').map(([, v]) => v);
}

/** The subset of the export format the specs read (see src/app/exportData.ts). */
export interface ExportedRun {
  label: string;
  hidden: boolean;
  config: unknown;
  status: string;
  stoppedAt: number;
  message: string;
  steps: number;
  points: Array<[number, number, number]>;
}
export interface Exported {
  format: string;
  link: string;
  scene: { runs: Array<Record<string, unknown>> } & Record<string, unknown>;
  runs: ExportedRun[];
}

/** Click "Export JSON" and read the file the browser downloads. */
export async function exportJson(page: Page): Promise<Exported> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const path = await download.path();
  return JSON.parse(await readFile(path, 'utf8')) as Exported;
}

/** An export without what differs between two pages showing the same thing (run keys are made per page). */
export function comparable(data: Exported) {
  return {
    link: data.link,
    scene: { ...data.scene, runs: data.scene.runs.map(({ key: _key, ...rest }) => rest) },
    runs: data.runs,
  };
}

/** The trajectory canvas as it appears on screen (the contours shine through it). */
export async function plotShot(page: Page): Promise<Buffer> {
  return page.getByTestId('trajectory-canvas').screenshot({ animations: 'disabled' });
}

/** The plot's pixels once they stop changing: two shots in a row that agree. */
export async function settledShot(page: Page, message = 'the picture settles'): Promise<Pixels> {
  let picture = await decodePng(page, await plotShot(page));
  await expect.poll(async () => {
    const next = await decodePng(page, await plotShot(page));
    const changed = differingPixels(picture, next);
    picture = next;
    return changed;
  }, { message, timeout: 5_000 }).toBe(0);
  return picture;
}

/** A screenshot's pixels, decoded in the page; the returned buffer is RGBA. */
export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

export async function decodePng(page: Page, png: Buffer): Promise<Pixels> {
  const decoded = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let text = '';
    for (let i = 0; i < rgba.length; i += 0x8000) text += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
    return { width: bitmap.width, height: bitmap.height, data: btoa(text) };
  }, png.toString('base64'));
  return { width: decoded.width, height: decoded.height, data: Buffer.from(decoded.data, 'base64') };
}

/** RGB distance under which a pixel counts as a run's colour: line cores match; contour bands are far paler. */
const colorTolerance = 40;

function rgbOf(color: string): [number, number, number] {
  const hex = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Whether pixel `i` (an index into pixels, not bytes) is within tolerance of `rgb`. */
function near(pixels: Pixels, i: number, [r, g, b]: [number, number, number]): boolean {
  const d = pixels.data;
  const dr = d[4 * i] - r;
  const dg = d[4 * i + 1] - g;
  const db = d[4 * i + 2] - b;
  return dr * dr + dg * dg + db * db <= colorTolerance * colorTolerance;
}

/** How many pixels show `color`, optionally only within `radius` px of (cx, cy). */
export function countColor(pixels: Pixels, color: string, around?: { cx: number; cy: number; radius: number }): number {
  const rgb = rgbOf(color);
  let count = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      if (around && (x - around.cx) ** 2 + (y - around.cy) ** 2 > around.radius ** 2) continue;
      if (near(pixels, y * pixels.width + x, rgb)) count++;
    }
  }
  return count;
}

/** How many pixels are exactly `color` (up to the rasterizer's noise): a filled area's own colour, not a blend near it. */
export function countExactColor(pixels: Pixels, color: string): number {
  const [r, g, b] = rgbOf(color);
  const d = pixels.data;
  let count = 0;
  for (let k = 0; k < d.length; k += 4) {
    if (Math.abs(d[k] - r) <= rasterNoise && Math.abs(d[k + 1] - g) <= rasterNoise && Math.abs(d[k + 2] - b) <= rasterNoise) count++;
  }
  return count;
}

/** Pixels showing `color` in exactly one of two same-sized screenshots: how much that path moved. */
export function colorMoved(a: Pixels, b: Pixels, color: string): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  const rgb = rgbOf(color);
  let count = 0;
  for (let i = 0; i < a.width * a.height; i++) if (near(a, i, rgb) !== near(b, i, rgb)) count++;
  return count;
}

/**
 * Pixels whose colour differs by more than `rasterNoise` in some channel.
 * Chromium's software rasterizer may blend an anti-aliased edge one level
 * apart depending on which damaged region it repaints (seen under load: 10
 * edge pixels off by 1); a wrong or missing path differs by far more.
 */
export function differingPixels(a: Pixels, b: Pixels): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let count = 0;
  for (let i = 0; i < a.width * a.height; i++) {
    const k = 4 * i;
    if (
      Math.abs(a.data[k] - b.data[k]) > rasterNoise ||
      Math.abs(a.data[k + 1] - b.data[k + 1]) > rasterNoise ||
      Math.abs(a.data[k + 2] - b.data[k + 2]) > rasterNoise
    ) count++;
  }
  return count;
}

/** Colour levels (of 255) two rasterizations of the same picture may differ by. */
const rasterNoise = 2;

/** The centre of an element's box, in page coordinates. */
export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The colour of every run as its legend swatch shows it, as #rrggbb. */
export async function legendColors(page: Page): Promise<string[]> {
  // The legend comes with the controls' chunk, after the first picture: wait for it, never read an empty list.
  await expect(page.getByTestId('run-legend').locator('li').first()).toBeVisible();
  return page
    .getByTestId('run-legend')
    .locator('li .swatch')
    .evaluateAll((swatches) =>
      swatches.map((s) => {
        const [r, g, b] = (getComputedStyle(s).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      }),
    );
}
