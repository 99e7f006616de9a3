// `npm run test:e2e`: find a Chromium, build the production site, run the
// Playwright browser tests against it, and exit with their exit code.
//
//   node test/e2e/run.mjs [--no-build] [playwright test arguments…]
//     e.g. node test/e2e/run.mjs smoke          (only test/e2e/smoke.spec.ts)
//          node test/e2e/run.mjs --no-build -g "sub-folder"
//
// Environment:
//   OPTISCOPE_CHROMIUM=/path/to/chrome   use this browser, and no other
//   OPTISCOPE_PREVIEW_PORT, OPTISCOPE_SUBFOLDER_PORT   fix the two server ports
//     (otherwise 4173 and 4174, or the next free pair when another project holds them)

import { spawn, spawnSync } from 'node:child_process';
import { findChromium } from '../../scripts/chromium.mjs';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const viteCli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

function say(message) {
  console.log(`[e2e] ${message}`);
}

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(1);
}

/** The path of a working Chromium, or exit with what to do (scripts/chromium.mjs). */
async function chooseChromium() {
  try {
    const { executablePath, version } = await findChromium(say, 'npm run test:e2e');
    say(`Chromium: ${executablePath} (${version})`);
    return executablePath;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    // No host: the wildcard bind collides with a server on 127.0.0.1 or ::1 alike.
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/**
 * Other projects on the same machine may run `vite preview` on 4173 too; a
 * test against their build would prove nothing, so move to a free pair.
 */
async function choosePorts() {
  const { OPTISCOPE_PREVIEW_PORT: preview, OPTISCOPE_SUBFOLDER_PORT: subfolder } = process.env;
  if (preview || subfolder) return { preview: preview ?? '4173', subfolder: subfolder ?? '4174' };
  for (let port = 4173; port < 4273; port += 2) {
    if ((await isPortFree(port)) && (await isPortFree(port + 1))) {
      if (port !== 4173) say(`ports 4173/4174 are taken; serving on ${port}/${port + 1}`);
      return { preview: String(port), subfolder: String(port + 1) };
    }
  }
  fail('No free pair of ports between 4173 and 4272; set OPTISCOPE_PREVIEW_PORT and OPTISCOPE_SUBFOLDER_PORT.');
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const playwrightArgs = args.filter((arg) => arg !== '--no-build');

const chromium = await chooseChromium();
const ports = await choosePorts();

if (skipBuild) {
  if (!existsSync(join(root, 'dist', 'index.html'))) fail('--no-build, but there is no dist/index.html; run without it.');
  say('using the existing dist/ (--no-build)');
} else {
  say('building the production site into dist/ (vite build)…');
  const buildStarted = performance.now();
  const build = spawnSync(process.execPath, [viteCli, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail(`vite build failed (exit ${build.status ?? build.signal}); no browser tests were run.`);
  say(`built in ${seconds(buildStarted)}`);
}

const tests = spawn(process.execPath, [playwrightCli, 'test', ...playwrightArgs], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    OPTISCOPE_CHROMIUM: chromium,
    OPTISCOPE_PREVIEW_PORT: ports.preview,
    OPTISCOPE_SUBFOLDER_PORT: ports.subfolder,
  },
});
// Ctrl-C or a CI timeout: let Playwright stop its browsers and servers itself.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => tests.kill(signal));
// Nothing is printed after Playwright's own summary ("N passed (Xs)"): CI reads the closing lines.
tests.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
