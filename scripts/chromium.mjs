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

/** The flags the browser tests use (playwright.config.ts), so both see the same browser. */
export function chromiumArgs() {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
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
