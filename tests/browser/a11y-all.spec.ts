import type { Theme } from './helpers';
import { THEME_VIEWPORT, builtPages, expect, fastAxe, islandsHydrated, scrollThrough, test, trackNetwork, widgetIdsIn } from './quality-helpers';

// axe-core (WCAG 2.0/2.1 A+AA, 2.2 AA) with zero violations:
//   1. on EVERY built page (whatever the build holds: chapters, embeds, teach, glossary, …), in light and dark, after
//      scrolling through it so every `client:visible` island has hydrated. Light runs at a desktop width (1280px),
//      dark at a phone width (375px): both themes and both layouts are covered in two loads (THEME_VIEWPORT);
//   2. on every widget after it has been operated: on /charts/ (or, for a widget not there, the first page showing
//      it), its first control is pressed and "Show the data" opened, then the figure alone is checked, in both themes.
// One browser context per theme and worker is reused from page to page (see quality-helpers.ts).

const THEMES: Theme[] = ['light', 'dark'];
const pages = builtPages();

test.describe.configure({ mode: 'parallel' });
// Sweeps over every page: no trace recording (it snapshots the DOM at every step and costs seconds per page on two
// cores); the failure messages name the page, the element and the rule.
test.use({ trace: 'off' });

if (pages.length === 0) {
  test('the build has pages to check', () => {
    throw new Error('no built HTML pages found: build the site first (RESET_OUT_DIR)');
  });
}

for (const theme of THEMES) {
  for (const { path } of pages) {
    test(`axe ${path} [${theme}, ${THEME_VIEWPORT[theme].width}px]`, async ({ themedPage }) => {
      const page = await themedPage(theme);
      const net = trackNetwork(page);
      try {
        const response = await page.goto(path, { waitUntil: 'load' });
        expect(response?.status(), `HTTP status of ${path}`).toBeLessThan(400);
        await scrollThrough(page);
        await islandsHydrated(page);
        await net.quiet();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const axe = await fastAxe(page, { theme });
        expect(axe.violations.length, axe.report).toBe(0);
      } finally {
        net.detach();
      }
    });
  }
}

// ── Widgets, operated ──────────────────────────────────────────────────────────────────────────────────────────
// Each widget id found in the build, with the page to operate it on: /charts/ when it is there, else the first page.
const widgetPages = new Map<string, string>();
const gallery = pages.find((p) => p.path === '/charts/');
for (const id of gallery ? widgetIdsIn(gallery.html) : []) widgetPages.set(id, gallery!.path);
for (const p of pages) for (const id of widgetIdsIn(p.html)) if (!widgetPages.has(id)) widgetPages.set(id, p.path);

for (const theme of THEMES) {
  for (const [id, path] of widgetPages) {
    test(`axe widget ${id} operated on ${path} [${theme}, ${THEME_VIEWPORT[theme].width}px]`, async ({ themedPage }) => {
      const page = await themedPage(theme);
      const net = trackNetwork(page);
      try {
        await page.goto(path, { waitUntil: 'load' });
        const figure = page.locator(`figure[data-widget="${id}"]`).first();
        await figure.scrollIntoViewIfNeeded();
        await islandsHydrated(page);
        await net.quiet();

        const operated: string[] = [];
        // 1. The first control: a button, a select, a range or other input (links are not controls).
        // The first one on screen (a static chart draws several artboards and shows one).
        const control = figure
          .locator('button, select, input:not([type=hidden]), [role=button], [role=slider], [role=tab], [role=switch]')
          .filter({ visible: true })
          .first();
        if ((await control.count()) > 0 && (await control.isVisible())) {
          const tag = await control.evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}`);
          const role = await control.getAttribute('role');
          if (tag === 'select') {
            const values = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
            if (values.length > 1) await control.selectOption(values[1]);
          } else if (tag === 'input[type=range]' || role === 'slider') {
            await control.focus();
            await page.keyboard.press('ArrowLeft');
          } else if (tag.startsWith('input') && !/checkbox|radio|button|submit/.test(tag)) {
            await control.focus();
            await page.keyboard.press('ArrowDown');
          } else {
            await control.click();
          }
          operated.push(`pressed ${tag}${role ? `[role=${role}]` : ''} "${((await control.textContent()) ?? '').trim().slice(0, 40)}"`);
        }
        // 2. "Show the data": a <details> summary or a toggle button.
        const showData = figure.locator('summary, button').filter({ hasText: /show the data/i }).first();
        if ((await showData.count()) > 0) {
          const isSummary = await showData.evaluate((el) => el.tagName === 'SUMMARY');
          const open = isSummary
            ? await showData.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)
            : (await showData.getAttribute('aria-expanded')) === 'true';
          if (!open) await showData.click();
          operated.push('opened "Show the data"');
        }
        expect(operated.length, `widget ${id} on ${path}: found no control and no "Show the data" toggle to operate`).toBeGreaterThan(0);
        await page.waitForTimeout(100);

        const axe = await fastAxe(page, { theme, include: `figure[data-widget="${id}"]` });
        expect(axe.violations.length, `after ${operated.join(', ')}: ${axe.report}`).toBe(0);
      } finally {
        net.detach();
      }
    });
  }
}
