import { expect, test } from '@playwright/test';
import { siteOrigin } from './helpers';
import { builtPages, islandsHydrated, scrollThrough, trackNetwork } from './quality-helpers';

// Every built page, loaded in Chromium and scrolled to the bottom (islands hydrate, lazy images and iframes load):
// zero requests to any origin other than the site's. Route interception on the browser context sees every request
// (pages, iframes, workers, fonts, fetches); requests to other origins are recorded and aborted, never sent.

const pages = builtPages();
const IGNORED = /^(?:data|blob|about|chrome-extension|chrome):/;

test.describe.configure({ mode: 'parallel' });
// Sweeps over every page: no trace recording (it snapshots the DOM at every step and costs seconds per page on two
// cores); the failure messages name the page, the element and the rule.
test.use({ trace: 'off' });

if (pages.length === 0) {
  test('the build has pages to check', () => {
    throw new Error('no built HTML pages found: build the site first (RESET_OUT_DIR)');
  });
}

for (const { path } of pages) {
  test(`no request to another origin: ${path}`, async ({ page }) => {
    const origin = siteOrigin();
    const foreign: string[] = [];
    await page.context().route('**/*', async (route) => {
      const req = route.request();
      const url = req.url();
      if (!IGNORED.test(url) && new URL(url).origin !== origin) {
        foreign.push(`${req.method()} ${url} (${req.resourceType()}, from ${req.frame().url() || 'a worker'})`);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
    });
    const net = trackNetwork(page);
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), `HTTP status of ${path}`).toBeLessThan(400);
    await scrollThrough(page, { back: false });
    await islandsHydrated(page);
    await net.quiet();
    expect(foreign, `${path} requested other origins:\n${foreign.join('\n')}`).toEqual([]);
  });
}
