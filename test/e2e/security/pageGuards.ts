/**
 * What the security specs watch on a page: dialogs, a script canary, CSP
 * violations, console and page errors, and the words a broken number leaves
 * on screen ("NaN", "Infinity", "undefined").
 */
import { expect, type Page } from '@playwright/test';
import { watchPage, type PageProblems } from '../support/pageWatch';

export interface Guards {
  problems: PageProblems;
  /** Every alert/confirm/prompt the page tried to open. */
  dialogs: string[];
  /** Forget what was seen so far (between two links on the same page). */
  clear(): void;
}

/**
 * Install before the first navigation. The init script runs before the
 * page's own scripts and before its meta CSP is parsed, and adds no inline
 * script or style of its own, so the listener itself can't cause a
 * violation. It records into a plain array on window, read back per link.
 */
export async function installGuards(page: Page): Promise<Guards> {
  const problems = watchPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    }, true);
  });
  return {
    problems,
    dialogs,
    clear() {
      dialogs.length = 0;
      for (const list of Object.values(problems) as string[][]) list.length = 0;
    },
  };
}

/** Nothing ran, nothing was blocked, nothing went wrong. */
export async function expectNothingRan(page: Page, guards: Guards): Promise<void> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __cspViolations?: string[] };
    return {
      pwned: w.__pwned,
      csp: w.__cspViolations ?? ['the CSP listener is missing'],
      // Elements a payload would need to run: handlers, inline scripts, frames, plugins, script URLs.
      injected: [...document.querySelectorAll(
        '[onerror], [onload], [onclick], [onmouseover], script:not([src]), iframe, object, embed, a[href^="javascript:" i], base',
      )].map((el) => el.outerHTML.slice(0, 120)),
      // The header logo is the page's only image.
      images: [...document.querySelectorAll('img')].map((img) => img.getAttribute('src')).filter((src) => src !== './favicon.svg'),
    };
  });
  expect(guards.dialogs, 'dialogs opened').toEqual([]);
  expect(seen.pwned, 'window.__pwned (the canary a payload would set)').toBeUndefined();
  expect(seen.csp, 'CSP violations').toEqual([]);
  expect(seen.injected, 'injected elements').toEqual([]);
  expect(seen.images, 'images other than the logo').toEqual([]);
  expect(guards.problems.pageErrors, 'uncaught errors').toEqual([]);
  expect(guards.problems.consoleErrors, 'console errors').toEqual([]);
  expect(guards.problems.foreignRequests, 'requests to other hosts').toEqual([]);
}

/**
 * Every piece of text a user can see or a screen reader reads, except the
 * notices (which quote the link's own words, "Learning rate 'NaN' is not a
 * number", on purpose): body text, SVG text, input values, titles and ARIA labels.
 */
export function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const notices = document.querySelector('[data-testid="notices"]');
    const outside = (el: Element) => !notices || !notices.contains(el);
    const texts: string[] = [];
    const noticeText = notices instanceof HTMLElement ? notices.innerText : '';
    texts.push(document.body.innerText.replace(noticeText, ''));
    for (const el of document.querySelectorAll('svg text, svg title, svg tspan')) if (outside(el)) texts.push(el.textContent ?? '');
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (outside(el)) texts.push((el as HTMLInputElement).value);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [aria-valuetext]')) {
      if (!outside(el)) continue;
      for (const name of ['title', 'aria-label', 'aria-valuetext']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Words that mean a number (or a missing value) leaked to the screen unformatted. */
export const brokenNumberWords = /\b(?:NaN|-?Infinity|undefined|null)\b/;

export async function expectNoBrokenNumbers(page: Page): Promise<void> {
  const leaks = (await visibleText(page)).filter((text) => brokenNumberWords.test(text));
  expect(leaks, 'text showing NaN, Infinity, undefined or null').toEqual([]);
}

/** The notices on screen, in order. */
export function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid="notices"] .notice span').allTextContents();
}

/** Painted (non-transparent) pixels of the trajectory canvas. */
export function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('trajectory-canvas').evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
    return count;
  });
}

/** Per-run fingerprints of the trajectory store: key, status, stop step, point count and a hash of the numbers. */
export interface RunPrint {
  key: string;
  status: string;
  stoppedAt: number;
  count: number;
  hash: string;
}

/** Reads window.__optiscope.trajectories; hashes in the page so megabytes of points never cross over. */
export function trajectoryPrints(page: Page): Promise<RunPrint[]> {
  return page.evaluate(() => {
    type Trajectory = { points: Float64Array; count: number; status: string; stoppedAt: number };
    const store = (window as unknown as { __optiscope: { trajectories: { keys(): string[]; get(k: string): Trajectory } } })
      .__optiscope.trajectories;
    return store.keys().map((key) => {
      const run = store.get(key);
      const bytes = new Uint8Array(run.points.buffer, run.points.byteOffset, run.count * 3 * 8);
      // FNV-1a over the exact bytes: equal hashes mean bit-identical trajectories (up to a 2^-32 fluke).
      let h = 0x811c9dc5;
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
      return { key, status: run.status, stoppedAt: run.stoppedAt, count: run.count, hash: (h >>> 0).toString(16) };
    });
  });
}

/** Fingerprints without the page-local run keys, for comparing two pages. */
export function withoutKeys(prints: RunPrint[]): Array<Omit<RunPrint, 'key'>> {
  return prints.map(({ key: _key, ...rest }) => rest);
}

/**
 * Pixels that differ visibly (summed RGB difference above `tolerance`) between two same-sized
 * PNG screenshots, decoded by the browser itself. Anti-aliasing may move a channel by a level or two.
 */
export function visiblyDifferentPixels(page: Page, a: Buffer, b: Buffer, tolerance = 24): Promise<number> {
  return page.evaluate(async ([first, second, limit]) => {
    const decode = async (base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = await Promise.all([decode(first), decode(second)]);
    if (x.width !== y.width || x.height !== y.height) return Infinity;
    let count = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      const d = Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]);
      if (d > limit) count++;
    }
    return count;
  }, [a.toString('base64'), b.toString('base64'), tolerance] as const);
}
