import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './scripts/chromium.mjs';

// Browser tests run against the production build (dist/) served by
// `vite preview`, so they see what users get. `npm run test:e2e`
// (test/e2e/run.mjs) builds dist/ and picks a Chromium first; running
// `npx playwright test` by hand needs a fresh `npx vite build`.

const onCI = Boolean(process.env.CI);
// Ports can move (run.mjs moves them when another project on the machine holds
// them). An already running server is reused only on request: on a shared
// machine it may be serving some other build.
const reuseExistingServer = process.env.OPTISCOPE_REUSE_SERVER === '1';
const previewPort = Number(process.env.OPTISCOPE_PREVIEW_PORT ?? 4173);
const subfolderPort = Number(process.env.OPTISCOPE_SUBFOLDER_PORT ?? 4174);

/** The browser: run.mjs sets OPTISCOPE_CHROMIUM; by hand, Debian's; undefined lets Playwright use its own. */
const executablePath =
  process.env.OPTISCOPE_CHROMIUM ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

// The same flags as the benchmark's browser (scripts/chromium.mjs): no sandbox
// as root (Chromium refuses it), none of Google's background services (a closed
// network refuses them and a test must never depend on them), and none of the
// browser's own web pages loading next to the app's.
const browserArgs = chromiumArgs();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: onCI,
  retries: onCI ? 1 : 0,
  // Two cores: one browser per core at most, and one locally where the
  // machine is usually busy with other work.
  workers: onCI ? 2 : 1,
  // CI reads the closing "N passed" line of the list reporter.
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${previewPort}/`,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath, args: browserArgs },
      },
    },
  ],
  webServer: [
    {
      command: `node node_modules/vite/bin/vite.js preview --port ${previewPort} --strictPort`,
      url: `http://localhost:${previewPort}/`,
      reuseExistingServer,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same build from a sub-folder, as a static host would serve it.
      command: `node test/e2e/support/subfolderServer.mjs --port ${subfolderPort} --base /some/sub/path/ --root dist`,
      url: `http://localhost:${subfolderPort}/some/sub/path/`,
      reuseExistingServer,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
