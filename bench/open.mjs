// Budget 4, open: navigation start → `optiscope:first-contours` and
// `optiscope:first-paths` (marks are relative to the navigation start),
// cold cache: a new browser context per visit, the median of nine visits to
// the default link. And the JavaScript the first paint needs, gzipped: the
// entry chunk the page loads plus the worker chunk, compressed here with
// node:zlib from the built files, checked against the scripts the network
// log shows were requested before the first paths were painted.
//
// The page opens undisturbed, as it would for a reader: no probes, and its
// marks are read only after a quiet wait. Reading them at once had Playwright
// inject its scripts into the page (15–30 ms of the page's thread in a trace)
// and poll it every 5 ms, inside the very window being measured; the marks
// are timestamps, so reading them later changes nothing.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, sleep } from './page.mjs';

const visits = 9;
/** How long the page opens undisturbed before its marks are read (they are usually set by ~700 ms). */
const quietMs = 2500;

/**
 * The JS files of a build that a first paint needs: index.html's module
 * script, the chunks it imports statically (Vite lists them as modulepreload
 * links), and the worker chunk. Chunks loaded by import() are not counted.
 */
export async function firstPaintScripts(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]),
  ];
  const assets = await readdir(join(distDir, 'assets'));
  const workers = assets.filter((name) => /\.worker-[\w-]+\.js$/.test(name)).map((name) => `assets/${name}`);
  return [...entries, ...workers];
}

async function sizes(distDir, file) {
  const bytes = await readFile(join(distDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length / 1024 };
}

export async function measureOpen(browser, baseURL, distDir, say) {
  say(`open: ${visits} cold visits`);
  const contours = [];
  const paths = [];
  let network = null;
  for (let v = 0; v < visits; v++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      const requested = [];
      // Scripts fetched by the page and by its dedicated worker (Playwright reports both on the context).
      context.on('request', (request) => {
        if (request.resourceType() === 'script' || /\.m?js(\?|$)/.test(request.url())) requested.push(request);
      });
      await page.goto(baseURL, { waitUntil: 'commit' });
      await sleep(quietMs);
      const timing = await page.waitForFunction(() => {
        const contour = performance.getEntriesByName('optiscope:first-contours', 'mark')[0];
        const path = performance.getEntriesByName('optiscope:first-paths', 'mark')[0];
        return contour && path ? { contours: contour.startTime, paths: path.startTime, origin: performance.timeOrigin } : null;
      }, null, { polling: 50, timeout: 30_000 }).then((handle) => handle.jsonValue());
      contours.push(timing.contours);
      paths.push(timing.paths);
      if (v === 0) {
        const firstPaint = timing.origin + Math.max(timing.contours, timing.paths);
        network = [];
        for (const request of requested.filter((r) => r.timing().startTime <= firstPaint)) {
          const response = await request.response();
          const body = response ? await response.body().catch(() => null) : null;
          network.push({ file: new URL(request.url()).pathname.replace(/^.*\/(assets\/)/, '$1'), bytes: body?.length ?? NaN });
        }
      }
    } finally {
      await context.close();
    }
  }
  const files = await firstPaintScripts(distDir);
  const built = await Promise.all(files.map((file) => sizes(distDir, file)));
  const total = built.reduce((sum, s) => sum + s.gzip, 0);
  // The same files, byte for byte: the server sends them uncompressed, so sizes must match the build's.
  // Every counted file was fetched, byte for byte (the server sends them
  // uncompressed, so sizes must match the build's). Chunks that import()
  // started before the first paint are named, not counted: nothing waits for them.
  const agree = files.every((file, i) => network.some((n) => n.file === file && n.bytes === built[i].raw));
  const early = network.filter((n) => !files.includes(n.file)).map((n) => short(n.file));
  const note = agree
    ? `${files.map((f, i) => `${short(f)} ${built[i].gzip.toFixed(1)}`).join(' + ')}; the network log shows them` +
      (early.length > 0 ? `; also started early, not awaited: ${early.join(', ')}` : '')
    : `network log disagrees: before the first paint it shows ${network.map((n) => `${n.file} (${n.bytes} B)`).join(', ')}; the build's are ${files.join(', ')}`;
  return [
    { figure: `open: navigation → first contours (median of ${visits})`, value: median(contours), unit: 'ms', budget: 500, op: '≤', note: `range ${Math.min(...contours).toFixed(0)}–${Math.max(...contours).toFixed(0)}` },
    { figure: `open: navigation → first paths (median of ${visits})`, value: median(paths), unit: 'ms', budget: 500, op: '≤', note: `range ${Math.min(...paths).toFixed(0)}–${Math.max(...paths).toFixed(0)}` },
    { figure: 'open: JS for the first paint, gzipped', value: total, unit: 'KB', budget: 150, op: '≤', note, fail: agree ? undefined : 'the network log disagrees with the build' },
  ];
}

/** `assets/index-AbCd1234.js` → `index.js`. */
function short(file) {
  return file.replace('assets/', '').replace(/-[\w-]{8}\.js$/, '.js');
}
