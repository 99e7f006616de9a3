// `npm run bench`: build the production site, run the core and link benchmarks, serve
// the build with `vite preview` on a free port, measure the browser budgets in
// headless Chromium, and print one table. Exits 1 when a budget is missed, but
// always prints the table first.
//
//   node bench/run.mjs [--no-build] [--skip-core] [--only open,slider,zoom,long] [--markdown FILE]
//     --no-build    measure the existing dist/ instead of a fresh build
//     --skip-core   leave out the core and link benchmarks
//     --only        run only these browser scenarios (none: --only none)
//     --markdown    also write the table as Markdown to FILE (for README.md)
//
// The fresh build goes to a temporary folder, so a dist/ that browser tests
// are reading at the same time is left alone.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios } from './browser.bench.mjs';
import { findChromium } from '../scripts/chromium.mjs';
import { markdownTable, printTable } from './table.mjs';
import { measureMemory, memoryRow } from './machineMemory.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const viteCli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

const say = (message) => console.log(`[bench] ${message}`);
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('only')?.split(',').filter((s) => scenarios.includes(s)) ?? scenarios;
const loadBefore = os.loadavg()[0];
const rows = [];
const scratch = mkdtempSync(join(os.tmpdir(), 'optiscope-bench-'));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
}

function build() {
  if (args.includes('--no-build')) {
    const dist = join(root, 'dist');
    if (!existsSync(join(dist, 'index.html'))) throw new Error('--no-build, but there is no dist/index.html; run without it.');
    say('measuring the existing dist/ (--no-build)');
    return dist;
  }
  const out = join(scratch, 'dist');
  say('building the production site (vite build)…');
  const result = spawnSync(process.execPath, [viteCli, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  return out;
}

/**
 * The core benchmark, bundled by Vite as the worker is (not run through tsx:
 * tsx keeps function names by wrapping every closure it creates in a
 * defineProperty call, which made a line search run's setup, and so its
 * figure, ~1.5× slower than the code the browser runs).
 */
async function coreRows() {
  say('core benchmark (bench/core.bench.ts, bundled by vite)…');
  const figures = await runNodeBench('core');
  if (!Array.isArray(figures)) return [{ figure: 'core: could not be measured', value: NaN, unit: '', fail: figures.fail }];
  return figures.map((f) => ({
    figure: `core: ${f.id}, simulate ÷ hand loop`,
    value: f.ratio, unit: '×', budget: 0.5, op: '≥',
    note: `median of 9 back-to-back pairs; best ${(f.coreRate / 1e6).toFixed(2)} vs ${(f.handRate / 1e6).toFixed(2)} M steps/s`,
  }));
}

/** Decoding hostile links (bench/links.bench.ts): these were timed assertions in the unit tests. */
async function linkRows() {
  say('link benchmark (bench/links.bench.ts, bundled by vite)…');
  const figures = await runNodeBench('links');
  if (!Array.isArray(figures)) return [{ figure: 'links: could not be measured', value: NaN, unit: '', fail: figures.fail }];
  return figures.map((f) => ({ figure: `links: decode ${f.id} (CPU, best of 9)`, value: f.ms, unit: 'ms', budget: f.budget, op: '≤' }));
}

/** Bundle bench/NAME.bench.ts for Node, run it, and read the figures it writes (or say why there are none). */
async function runNodeBench(name) {
  const file = join(scratch, `${name}.json`);
  const outDir = join(scratch, name);
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: false, root, logLevel: 'warn', publicDir: false,
    build: { ssr: join(root, 'bench', `${name}.bench.ts`), outDir, emptyOutDir: true, minify: false, target: 'node20' },
  });
  rmSync(file, { force: true });
  const result = spawnSync(process.execPath, [join(outDir, `${name}.bench.js`)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OPTISCOPE_BENCH_JSON: file },
  });
  if (!existsSync(file)) return { fail: `exit ${result.status ?? result.signal}` };
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function browserRows(distDir) {
  const { executablePath, version } = await findChromium(say, 'npm run bench');
  say(`Chromium: ${executablePath} (${version})`);
  const port = await freePort();
  const baseURL = `http://localhost:${port}/`;
  const preview = spawn(process.execPath, [viteCli, 'preview', '--outDir', distDir, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  preview.stderr.on('data', (chunk) => { errors += chunk; });
  try {
    await waitForServer(baseURL, preview).catch((error) => { throw new Error(`${error.message}\n${errors}`); });
    say(`serving the build at ${baseURL}`);
    const { measureBrowser } = await import('./browser.bench.mjs');
    const { rows: measured, version: browserVersion } = await measureBrowser({ baseURL, distDir, executablePath, only, say });
    return { rows: measured, version: browserVersion || version };
  } finally {
    preview.kill();
  }
}

let chromiumVersion;
try {
  rows.push(memoryRow(measureMemory(), 'before'));
  const distDir = only.length > 0 ? build() : null;
  if (!args.includes('--skip-core')) rows.push(...(await coreRows()), ...(await linkRows()));
  if (distDir) {
    const browser = await browserRows(distDir);
    rows.push(...browser.rows);
    chromiumVersion = browser.version;
    rows.push(memoryRow(measureMemory(), 'after'));
  }
} catch (error) {
  rows.push({ figure: 'benchmark could not run', value: NaN, unit: '', fail: String(error?.message ?? error) });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const ok = printTable(rows, { chromium: chromiumVersion, loadBefore });
const markdown = option('markdown');
if (markdown) writeFileSync(markdown, `${markdownTable(rows, { chromium: chromiumVersion })}\n`);
process.exit(ok ? 0 : 1);
