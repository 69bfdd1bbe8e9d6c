import { defineConfig } from '@playwright/test';
import { findChrome } from './scripts/find-chrome.mjs';

// The charts in a real WordPress (tests/wordpress): Debian's WordPress 6.1 with MariaDB, served by `php -S` on
// loopback by scripts/wordpress/serve.sh, which writes its posts afresh from the built site (RESET_OUT_DIR). The spec
// serves the built site itself, at the address the build wrote into its oEmbed answers. `npm test` runs it as its
// own stage when /usr/share/wordpress exists (required when CI is set); see README, "Embeds in a real WordPress".
const OUT_DIR = process.env.RESET_OUT_DIR || 'dist';
const WP_PORT = Number(process.env.RESET_WP_PORT || 8080);
const chrome = await findChrome();

export default defineConfig({
  testDir: 'tests/wordpress',
  outputDir: `${process.env.RESET_TEST_RESULTS || 'test-results'}/wordpress`,
  // One WordPress, one database, one site server: one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${WP_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chrome.executablePath, args: chrome.args },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `bash scripts/wordpress/serve.sh "${OUT_DIR}"`,
    url: `http://127.0.0.1:${WP_PORT}/wp-includes/js/wp-embed.min.js`,
    env: { RESET_WP_PORT: String(WP_PORT) },
    // Never someone else's WordPress: this one's posts are written from this build.
    reuseExistingServer: false,
    timeout: 60_000,
    // serve.sh stops PHP and the MariaDB it started on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
