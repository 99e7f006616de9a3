// `npm run soak`: a long animation soak of the production build in Chromium.
//
// It opens a long run (six optimizers × 100,000 steps on the bumpy surface),
// replays it over and over (the playback reaches the end in ~50 s at the top
// speed of 2,000 steps per second, then Play is pressed again), and every
// `--every` seconds forces a full garbage collection and samples the page's
// memory: the V8 heap, the embedder heap and ArrayBuffer backing stores
// (where the Float64Array trajectories live), plus DOM nodes and listeners.
//
// It fails (exit 1) when memory grows: the least-squares line through the
// memory samples may rise at most --max-rise MB over the measured minutes
// (default 2: 0.2 MB/min over the default 10 minutes; samples taken at
// different points of a replay scatter by ±0.5 MB, so a short soak is judged
// by the same 2 MB, not by a steeper slope). For scale, keeping one stale copy
// of the trajectories per replay would add ~14 MB per replay. The last sample
// must also be within --max-growth MB (default 4) of the first, and DOM nodes
// and event listeners must not grow beyond a small slack. A page error or
// console error fails too.
//
// The first --warmup seconds (default 60, more than one replay) are not measured: the
// first replay compiles code and fills caches that then stay the same size.
//
//   node scripts/soak.mjs [--minutes 10] [--every 30] [--warmup 60] [--max-rise 2] [--max-growth 4]
//                         [--no-build] [--dist dir]
//
// Chromium: OPTISCOPE_CHROMIUM, else /usr/bin/chromium(-browser), else Playwright's own.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const viteCli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) fail(`--${name} needs a positive number`);
  return value;
}
function flag(name) {
  return process.argv.includes(`--${name}`);
}
function say(message) {
  console.log(`[soak] ${message}`);
}
function fail(message) {
  console.error(`[soak] ${message}`);
  process.exit(1);
}

const minutes = option('minutes', 10);
const warmupSeconds = option('warmup', 60);
const everySeconds = option('every', 30);
const maxRise = option('max-rise', 2);
const maxGrowth = option('max-growth', 4);
const distAt = process.argv.indexOf('--dist');
const dist = resolve(root, distAt < 0 ? 'dist' : process.argv[distAt + 1]);

const link = [
  'v=1', 's=bumpy', 'r=0.2', 'n=100000',
  'run=gd(lr=0.05)', 'run=momentum(lr=0.01)', 'run=nesterov(lr=0.01)', 'run=rmsprop(lr=0.001)',
  'run=adam(lr=0.01)', 'run=adagrad(lr=0.1)',
].join('&');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) fail(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`vite preview did not answer at ${url}`);
}

/** Least-squares slope of y against x. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const mb = (bytes) => bytes / 2 ** 20;

// ───────────────────────────── build and serve ─────────────────────────────

if (!flag('no-build')) {
  say(`building the production site into ${dist}…`);
  const build = spawnSync(process.execPath, [viteCli, 'build', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('vite build failed');
} else if (!existsSync(join(dist, 'index.html'))) {
  fail(`--no-build, but there is no ${join(dist, 'index.html')}`);
}

const port = await freePort();
const server = spawn(process.execPath, [viteCli, 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const baseUrl = `http://localhost:${port}/`;
await waitForServer(baseUrl, server);

// ───────────────────────────────── the soak ─────────────────────────────────

const { chromium } = await import('playwright-core');
const { executablePath } = await findChromium(console.log, 'npm run soak');
const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors = [];
page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
});

say(`Chromium ${browser.version()}; ${minutes} min, a sample every ${everySeconds} s; link #${link}`);
await page.goto(`${baseUrl}#${link}`);
await page.waitForFunction(() => {
  const api = window.__optiscope;
  return api && api.trajectories.keys().length === 6 && api.trajectories.complete();
}, null, { timeout: 120_000, polling: 250 });
// The fastest fixed speed: a replay of 100,000 steps then lasts ~50 s, so every interval sees frames drawn.
await page.evaluate(() => window.__optiscope.store.getState().setSpeed(2000));

const cdp = await page.context().newCDPSession(page);
async function sample() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const step = await page.evaluate(() => window.__optiscope.store.getState().playback.step);
  const total = heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);
  const buffers = (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);
  return { heap: heap.usedSize, buffers, total, nodes: dom.nodes, listeners: dom.jsEventListeners, step };
}

let loops = 0;
/** Press Play again when a replay has reached the end. */
async function keepPlaying() {
  const playing = await page.evaluate(() => window.__optiscope.store.getState().playback.playing);
  if (!playing) {
    // As a user watching it again would.
    await page.getByTestId('play').click();
    loops++;
  }
}
say(`warming up for ${warmupSeconds} s…`);
const warmupEnd = Date.now() + warmupSeconds * 1000;
while (Date.now() < warmupEnd) {
  await keepPlaying();
  await new Promise((r) => setTimeout(r, 500));
}
const started = Date.now();
const endAt = started + minutes * 60_000;
const samples = [];
let nextSample = started;
console.log('   t (s)   total MB   V8 heap MB   buffers MB   DOM nodes   listeners   replays   step');
while (Date.now() <= endAt + 1000) {
  await keepPlaying();
  if (Date.now() >= nextSample) {
    const s = { t: (Date.now() - started) / 1000, ...(await sample()), loops };
    samples.push(s);
    console.log(
      `${s.t.toFixed(0).padStart(8)}   ${mb(s.total).toFixed(2).padStart(8)}   ${mb(s.heap).toFixed(2).padStart(10)}   ${mb(s.buffers).toFixed(2).padStart(10)}`
      + `   ${String(s.nodes).padStart(9)}   ${String(s.listeners).padStart(9)}   ${String(loops).padStart(7)}   ${s.step}`,
    );
    nextSample += everySeconds * 1000;
  }
  await new Promise((r) => setTimeout(r, 500));
}
await browser.close();

// ───────────────────────────────── verdict ─────────────────────────────────

const minutesAxis = samples.map((s) => s.t / 60);
const totalSlope = slope(minutesAxis, samples.map((s) => mb(s.total)));
const heapSlope = slope(minutesAxis, samples.map((s) => mb(s.heap)));
const growth = mb(samples.at(-1).total - samples[0].total);
const nodeGrowth = samples.at(-1).nodes - samples[0].nodes;
const listenerGrowth = samples.at(-1).listeners - samples[0].listeners;
say(`${samples.length} samples over ${minutes} min after a ${warmupSeconds} s warm-up; ${loops} replays of 100,000 steps in all`);
const rise = totalSlope * (samples.at(-1).t - samples[0].t) / 60;
say(`memory slope ${totalSlope.toFixed(3)} MB/min (V8 heap alone ${heapSlope.toFixed(3)}): the fitted line rises ${rise.toFixed(2)} MB over the soak, bound ${maxRise}`);
say(`memory growth first → last ${growth.toFixed(2)} MB, bound ${maxGrowth}; DOM nodes ${nodeGrowth >= 0 ? '+' : ''}${nodeGrowth}, listeners ${listenerGrowth >= 0 ? '+' : ''}${listenerGrowth}`);

const problems = [...new Set(errors)];
if (samples.length < 3) problems.push('fewer than 3 samples: run longer or sample more often');
if (loops < 1) problems.push('the playback never looped');
if (rise > maxRise) problems.push(`memory grows ${totalSlope.toFixed(3)} MB/min, ${rise.toFixed(2)} MB over the soak (bound ${maxRise})`);
if (growth > maxGrowth) problems.push(`memory grew ${growth.toFixed(2)} MB (bound ${maxGrowth})`);
// Nodes and listeners come and go with what is on screen (e.g. the playing/paused button); allow a little.
if (nodeGrowth > 50) problems.push(`DOM nodes grew by ${nodeGrowth}`);
if (listenerGrowth > 20) problems.push(`event listeners grew by ${listenerGrowth}`);
if (problems.length) fail(`FAILED:\n  ${problems.join('\n  ')}`);
say('passed: memory is flat');
process.exit(0);
