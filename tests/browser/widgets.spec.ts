// Every widget in the build, operated, on /charts/ (or, for a widget not there, the first page showing it), once per
// theme (light at 1280px, dark at 375px; the theme is the reader's stored choice, see quality-helpers.ts):
//   1. in light, operated by keyboard it changes its state (a slider: Home, then ArrowRight; the timeline: Enter on a
//      chip; a static chart: Enter on a mark);
//   2. its first control is pressed and "Show the data" opened, then axe-core (WCAG 2.2 AA) checks the figure alone.
// Each page as it first loads is checked in tests/browser/sweep.spec.ts; each widget's drawing at each artboard and
// state by the SVG snapshots of the unit tests.
import type { Locator, Page } from '@playwright/test';
import type { Theme } from './helpers';
import { THEME_VIEWPORT, builtPages, expect, fastAxe, islandsHydrated, test, trackNetwork, widgetIdsIn } from './quality-helpers';

const THEMES: Theme[] = ['light', 'dark'];
const pages = builtPages();

test.describe.configure({ mode: 'parallel' });
test.use({ trace: 'off' });

// Each widget id found in the build, with the page to operate it on: /charts/ when it is there, else the first page.
const widgetPages = new Map<string, string>();
const gallery = pages.find((p) => p.path === '/charts/');
for (const id of gallery ? widgetIdsIn(gallery.html) : []) widgetPages.set(id, gallery!.path);
for (const p of pages) for (const id of widgetIdsIn(p.html)) if (!widgetPages.has(id)) widgetPages.set(id, p.path);

if (widgetPages.size === 0) {
  test('the build has widgets to operate', () => {
    throw new Error('no figure[data-widget] in any built page: build the site first (RESET_OUT_DIR)');
  });
}

/** Operated by keyboard, the widget changes its state. */
async function keyboardChangesState(page: Page, fig: Locator, id: string) {
  const before = { asOf: await fig.getAttribute('data-as-of'), highlight: await fig.getAttribute('data-highlight') };
  const slider = fig.locator('input[type="range"]').first();
  if (await slider.count()) {
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(fig).not.toHaveAttribute('data-as-of', before.asOf!);
    const atStart = await fig.getAttribute('data-as-of');
    await page.keyboard.press('ArrowRight');
    await expect(fig).not.toHaveAttribute('data-as-of', atStart!);
  } else if (id === 'timeline') {
    const chip = fig.locator('button[aria-pressed]').first();
    const summary = await fig.locator('.w-summary').textContent();
    await chip.focus();
    await page.keyboard.press('Enter');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(fig.locator('.w-summary')).not.toHaveText(summary!);
  } else {
    // Static charts draw several artboards and show one: operate the one on screen.
    const mark = fig.locator('.w-chart [tabindex="0"]').filter({ visible: true }).first();
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect(fig).not.toHaveAttribute('data-highlight', before.highlight ?? '');
  }
}

/** Presses the widget's first visible control and opens "Show the data"; returns what it did. */
async function operate(page: Page, figure: Locator): Promise<string[]> {
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
  return operated;
}

// One test per theme and page: the page loads once and each of its widgets is operated in turn.
const byPage = new Map<string, string[]>();
for (const [id, path] of widgetPages) byPage.set(path, [...(byPage.get(path) ?? []), id]);

for (const theme of THEMES) {
  for (const [path, ids] of byPage) {
    const what = theme === 'light' ? 'keyboard changes its state; operated, axe finds nothing' : 'operated, axe finds nothing';
    test(`widgets ${ids.join(', ')} on ${path} [${theme}, ${THEME_VIEWPORT[theme].width}px]: ${what}`, async ({ themedPage }) => {
      test.setTimeout(40_000 * ids.length);
      const page = await themedPage(theme);
      const net = trackNetwork(page);
      try {
        await page.goto(path, { waitUntil: 'load' });
        for (const id of ids) {
          const figure = page.locator(`figure[data-widget="${id}"]`).first();
          await figure.scrollIntoViewIfNeeded();
          // The chart runtime wakes the chart once it nears the viewport and marks its element data-awake.
          await expect(figure.locator('reset-chart').first(), `${id} wakes`).toHaveAttribute('data-awake', '', { timeout: 15_000 });
          await islandsHydrated(page);
          await net.quiet();

          if (theme === 'light') await keyboardChangesState(page, figure, id);

          const operated = await operate(page, figure);
          expect(operated.length, `widget ${id} on ${path}: found no control and no "Show the data" toggle to operate`).toBeGreaterThan(0);
          await page.waitForTimeout(100);

          const axe = await fastAxe(page, { theme, include: `figure[data-widget="${id}"]` });
          expect.soft(axe.violations.length, `${id}, after ${operated.join(', ')}: ${axe.report}`).toBe(0);
        }
      } finally {
        net.detach();
      }
    });
  }
}
