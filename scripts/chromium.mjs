// Which Chromium the browser tests, the benchmark and the soak drive, found in
// one place: OPTISCOPE_CHROMIUM, then Debian's, then Playwright's own
// (installed once if it can be), else a message that says what to do.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

/** What the user can do when no browser works; `command` is what they ran (npm test, npm run bench). */
const whatToDo = (command) => [
  `No Chromium to run ${command} in. Any one of these fixes it:`,
  '  - Debian/Ubuntu:   sudo apt-get install chromium',
  `  - any browser:     OPTISCOPE_CHROMIUM=/path/to/chrome ${command}`,
  "  - Playwright's:    npx playwright install chromium   (needs access to Playwright's download host)",
].join('\n');

/**
 * Chromium features to turn off. Chromium 156 loads its omnibox popup and
 * "AI mode" popup as web pages in every new window (a headless context is
 * one): a trace of the benchmark's page load showed that renderer busy with
 * ~300 requests for the whole first second, on a two-core machine, and the
 * page's first paths came at ~1 s instead of ~0.6 s. Puppeteer turns both off
 * by default (puppeteer/puppeteer#15278). Chromium keeps only the last
 * --disable-features it is given, so Playwright's own list (1.65) is repeated.
 */
const disabledFeatures = [
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup',
  // Playwright's.
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
];

/** The flags of every browser the project drives: the tests (playwright.config.ts), the benchmark, the soak. */
export function chromiumArgs() {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-features=${disabledFeatures.join(',')}`,
  ];
}

/** `--version` output when the executable starts, else null (and why, through `say`). */
function versionOf(executable, say) {
  if (!existsSync(executable)) return null;
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status === 0) return result.stdout.trim();
  say(`${executable} is there but does not start: ${(result.stderr || String(result.error ?? '')).trim().split('\n').pop()}`);
  return null;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Resolves to { executablePath, version } or throws an Error whose message
 * tells the user how to get a browser.
 */
export async function findChromium(say = (message) => console.log(message), command = 'npm test') {
  const tryOne = (path) => {
    const version = versionOf(path, say);
    return version ? { executablePath: path, version } : null;
  };
  const chosen = process.env.OPTISCOPE_CHROMIUM;
  if (chosen) {
    const found = tryOne(chosen);
    if (found) return found;
    throw new Error(`OPTISCOPE_CHROMIUM=${chosen} does not exist or does not start: point it at a Chromium or Chrome executable, or unset it.`);
  }
  for (const debian of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    const found = tryOne(debian);
    if (found) return found;
  }
  const managed = await playwrightChromium();
  const found = managed && tryOne(managed);
  if (found) return found;

  say("No Chromium found; trying once to install Playwright's (npx playwright install chromium)…");
  const install = spawnSync(process.execPath, [playwrightCli, 'install', 'chromium'], { cwd: root, stdio: 'inherit', timeout: 10 * 60_000 });
  const installed = install.status === 0 && managed && tryOne(managed);
  if (installed) return installed;
  throw new Error(`The install did not give a working Chromium.\n${whatToDo(command)}`);
}
