import { defineConfig } from '@playwright/test';
import { findChrome } from './scripts/find-chrome.mjs';

// Browser tests run against the ALREADY BUILT site (RESET_OUT_DIR, default ./dist), served by scripts/serve.mjs.
// Build first (`npm test` does; or `astro build`), then `npx playwright test`. Only what needs a browser is here:
// file-level properties of the build are checked by the Node tier (tests/dist, vitest.dist.config.ts).
const PORT = Number(process.env.RESET_PORT || 4321);
const HOST = '127.0.0.1';
const CI = !!process.env.CI;

// Honors CHROME_PATH (+ CHROME_ARGS), which scripts/test.mjs sets; otherwise looks for a browser itself.
// This file is evaluated again in every worker; the lookup is a few stat() calls (or a no-op cached unpack).
const chrome = await findChrome();

export default defineConfig({
  testDir: 'tests/browser',
  // Playwright empties this folder when a run starts: parallel runs in one tree can each set their own.
  outputDir: process.env.RESET_TEST_RESULTS || 'test-results',
  // The machine has 2 cores, and astro preview shares them.
  workers: 2,
  fullyParallel: true,
  forbidOnly: CI,
  // No retries: a check that passes only on the second try is a bug to fix, not to hide.
  retries: 0,
  // `list` prints one line per test and the closing `N passed (Xs)` that scripts/test.mjs reads.
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://${HOST}:${PORT}`,
    // A failed test keeps its trace of actions, console and network; DOM snapshots and screencast frames are left out:
    // taking them at every action (every wheel notch of a scroll walk) doubled the browser tier's time on 2 cores.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chrome.executablePath,
      args: chrome.args,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // A plain static server over the built folder: Astro 7's preview allows one server per project, which would
    // stop two test runs (or a test run and a bench) from sharing the machine.
    command: `node scripts/serve.mjs "${process.env.RESET_OUT_DIR || 'dist'}" ${PORT} ${HOST}`,
    url: `http://${HOST}:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
