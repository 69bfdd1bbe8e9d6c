/**
 * One load per built page (whatever the build holds, so a new page is swept without a line here), gathering in that
 * load everything a browser alone can tell about it:
 *   - the page answers 200; nothing logs a console error or throws;
 *   - no request fails (network error or HTTP ≥ 400) and none goes to another origin: every request of the page, its
 *     iframes and its workers passes through a route on the context, which records and aborts any to another origin;
 *   - no Content-Security-Policy violation, in the page or in any of its iframes (the builder's previews at /embed/):
 *     an init script in every frame reports `securitypolicyviolation` events back to the test;
 *   - axe-core (WCAG 2.0/2.1 A+AA, 2.2 AA) finds nothing in light at 1280px, after scrolling through the page so that
 *     every island has hydrated and every lazy image and iframe has loaded; then, in place, the system turns dark and
 *     the window narrows to 375px, and axe finds nothing again;
 *   - at both widths nothing runs off the side: the page does not scroll sideways and no chart is wider than the
 *     window;
 *   - where the page has the theme toggle, it follows the system theme in place; on the first page of each kind,
 *     pressing it switches to the other theme and back, with the same colours the system themes give;
 *   - without JavaScript (a second, script-less context of the worker's, same viewport) the page tells the same
 *     story: its text, its charts, nothing hidden behind a script (no-js.ts).
 * The page follows the system theme (no stored choice), which is what lets one load be checked in both themes.
 */
import type { Page } from '@playwright/test';
import { siteOrigin } from './helpers';
import { expectSameStory, render } from './no-js';
import { builtPages, expect, fastAxe, islandsHydrated, scrollThrough, test, trackNetwork } from './quality-helpers';

const pages = builtPages();
/** The first page of each kind (home, chapter, teach, embed…), where the theme toggle is pressed both ways. */
const TOGGLE_PAGES = new Set([...new Map(pages.map((p) => [p.type, p.path] as const).reverse()).values()]);
const IGNORED = /^(?:data|blob|about|chrome-extension|chrome):/;
const LIGHT = { width: 1280, height: 800 };
const DARK = { width: 375, height: 812 };

test.describe.configure({ mode: 'parallel' });
// No trace recording (it snapshots the DOM at every step and costs seconds per page on two cores): the messages
// name the page, the frame, the element and the rule.
test.use({ trace: 'off', viewport: LIGHT, colorScheme: 'light', reducedMotion: 'reduce' });

if (pages.length === 0) {
  test('the build has pages to sweep', () => {
    throw new Error('no built HTML pages found: build the site first (RESET_OUT_DIR)');
  });
}

/** Waits until the page, its islands and its fonts have settled (after a load, a scroll, a resize). */
async function settle(page: Page, net: ReturnType<typeof trackNetwork>) {
  await islandsHydrated(page);
  await net.quiet();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A theme switch restyles through CSS transitions (0.01 ms under reduced motion, yet each starts on a frame): axe
  // must read the colours they end on, not one caught between the themes.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 2_000 }).catch(() => undefined);
}

/** What runs off the side at the current width: the page's own sideways scroll, and charts wider than the window. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const f of document.querySelectorAll('figure[data-widget]')) {
      const r = f.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) out.push(`figure[data-widget="${f.getAttribute('data-widget')}"] spans ${Math.round(r.left)}–${Math.round(r.right)}px in a ${width}px window`);
    }
    return out;
  });
}

const colours = (page: Page) =>
  page.evaluate(() => {
    const cs = getComputedStyle(document.body);
    return `${cs.backgroundColor} / ${cs.color}`;
  });

for (const { path } of pages) {
  test(`sweep ${path}`, async ({ page, context, jsPage }) => {
    // A handout (a chart for every step) takes the longest: axe reads every chart twice.
    test.setTimeout(240_000);
    const origin = siteOrigin();
    const consoleErrors: string[] = [];
    const failed: string[] = [];
    const foreign: string[] = [];
    const violations: string[] = [];

    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      consoleErrors.push(`${msg.text()}${loc?.url ? ` [${loc.url}, line ${loc.lineNumber + 1}]` : ''}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = req.url();
      if (!IGNORED.test(url) && new URL(url).origin !== origin) {
        foreign.push(`${req.method()} ${url} (${req.resourceType()}, from ${req.frame().url() || 'a worker'})`);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
    });
    page.on('requestfailed', (req) => {
      if (IGNORED.test(req.url()) || new URL(req.url()).origin !== origin) return; // reported as foreign
      failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
    });
    // Every frame, the page's and each iframe's, reports its policy violations to the test.
    await context.exposeBinding('__reportCspViolation', ({ frame }, v: string) => violations.push(`${v} (in ${frame.url()})`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
        report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` «${e.sample}»` : ''} at line ${e.lineNumber}`);
      });
    });

    const net = trackNetwork(page);
    try {
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status(), `HTTP status of ${path}`).toBe(200);
      await scrollThrough(page);
      await settle(page, net);

      // Light, 1280px.
      const toggle = page.locator('[data-theme-toggle]').first();
      const hasToggle = (await toggle.count()) > 0;
      if (hasToggle) await expect(toggle, 'the theme toggle in a light system').toHaveAttribute('aria-pressed', 'false');
      const light = await colours(page);
      const lightAxe = await fastAxe(page);
      expect.soft(lightAxe.violations.length, `light, ${LIGHT.width}px: ${lightAxe.report}`).toBe(0);
      expect.soft(await overflow(page), `at ${LIGHT.width}px`).toEqual([]);

      // The same page without JavaScript, at the same width.
      const withJs = await render(page);
      const off = await jsPage(false);
      await off.setViewportSize(LIGHT);
      const offResponse = await off.goto(path, { waitUntil: 'load' });
      expect(offResponse?.status(), `HTTP status of ${path} without JavaScript`).toBe(200);
      expectSameStory(path, await render(off), withJs);

      // Dark, 375px, in place.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.setViewportSize(DARK);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await settle(page, net);
      // Polled: a page may follow the system's theme through a media-query listener, a task after the change.
      await expect.poll(() => colours(page), { message: 'the page did not change colour when the system turned dark' }).not.toBe(light);
      const dark = await colours(page);
      const darkAxe = await fastAxe(page);
      expect.soft(darkAxe.violations.length, `dark, ${DARK.width}px: ${darkAxe.report}`).toBe(0);
      expect.soft(await overflow(page), `at ${DARK.width}px`).toEqual([]);

      // The toggle follows the system, then (on the first page of each kind: it is one component in one layout, and
      // restyling a big page twice costs seconds) overrides it both ways with the same colours as the system themes.
      if (hasToggle) await expect(toggle, 'the theme toggle after the system turned dark').toHaveAttribute('aria-pressed', 'true');
      if (hasToggle && TOGGLE_PAGES.has(path)) {
        // At 375px the toggle may sit in a menu: press it as a script would, the control's own click handler runs.
        await toggle.dispatchEvent('click');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        await expect(toggle).toHaveAttribute('aria-pressed', 'false');
        // Polled: a colour transition (0.01ms with reduced motion) reports its start until the next frame.
        await expect.poll(() => colours(page), { message: 'the toggle’s light against the system’s light' }).toBe(light);
        await toggle.dispatchEvent('click');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await expect(toggle).toHaveAttribute('aria-pressed', 'true');
        await expect.poll(() => colours(page), { message: 'the toggle’s dark against the system’s dark' }).toBe(dark);
        expect(await page.evaluate(() => localStorage.getItem('reset-theme')), 'the choice is kept').toBe('dark');
        // The next page applies it before first paint, even where the system says light.
        const next = await page.context().newPage();
        await next.emulateMedia({ colorScheme: 'light' });
        await next.goto('/');
        await expect(next.locator('html'), 'the kept choice on the next page').toHaveAttribute('data-theme', 'dark');
        await next.close();
      }

      await net.quiet();
      expect.soft(violations, `Content-Security-Policy violations on ${path}`).toEqual([]);
      expect.soft(consoleErrors, `console errors on ${path}`).toEqual([]);
      expect.soft(failed, `failed requests on ${path}`).toEqual([]);
      expect.soft(foreign, `requests to origins other than ${origin} from ${path}`).toEqual([]);
    } finally {
      net.detach();
    }
  });
}
