/**
 * The embed page itself at run time: its frame at article widths, the state it takes from its URL (asOf, highlight,
 * theme, plain), and the image it renders for download. What it holds without JavaScript and its <head> are files,
 * checked in tests/dist/embed-pages.test.ts and tests/dist/oembed.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtWidgets, outDir, page as hostHtml, startHostServer } from './embed-helpers';
import { expectNoConsoleErrors } from './helpers';

const widgets = builtWidgets();
const html = (id: string) => readFileSync(join(outDir(), 'embed', id, 'index.html'), 'utf8');

/** The widget's state rules, as the page carries them for its script. */
function rules(id: string): { min: string; max: string; defaultAsOf: string; highlights: string[] } {
  const m = html(id).match(/data-embed-rules="([^"]*)"/);
  return JSON.parse(m![1]!.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&'));
}

test.describe('embed page content', () => {
  for (const id of widgets) {
    test(`${id}: keeps its frame at 1200 and 640px, and takes asOf, highlight, theme and plain from its URL at run time`, async ({ page }) => {
      const r = rules(id);
      const errors = expectNoConsoleErrors(page);
      const fig = page.locator(`figure.widget[data-widget="${id}"]`);
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`/embed/${id}/?theme=light`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(fig.locator('.w-head')).toBeVisible();
      await expect(fig).toHaveAttribute('data-as-of', r.defaultAsOf);
      // No site chrome, not even one a script would add: no header, nav or footer of the site.
      await expect(page.locator('.site-header, .site-footer, nav')).toHaveCount(0);

      // An article column is narrower than the breakpoint where charts in a scroll sequence go compact: an embed is
      // not a scroll sequence, so at 640px it keeps its title, takeaway, controls and key.
      await page.waitForFunction(() => !document.querySelector('reset-chart:not([data-awake])'));
      const parts = () => fig.evaluate((f) => ['.w-head', '.w-controls', '.w-legend'].map((s) => !!f.querySelector(s)));
      const wide = await parts();
      expect(wide[0], 'title and takeaway at 1200px').toBe(true);
      await page.setViewportSize({ width: 640, height: 900 });
      await page.waitForTimeout(200);
      expect(await parts(), 'the same frame parts at 640px as at 1200px').toEqual(wide);
      await expect(page.locator('.w-title')).toBeVisible();

      const asOf = r.min < '2023-06-15' && '2023-06-15' < r.max ? '2023-06-15' : r.min;
      const highlight = r.highlights[0] ?? '';
      await page.goto(`/embed/${id}/?asOf=${asOf}&highlight=${highlight}&theme=dark&plain=1`);
      await expect(fig).toHaveAttribute('data-as-of', asOf);
      if (highlight) await expect(fig).toHaveAttribute('data-highlight', highlight);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(fig.locator('.w-head')).toBeHidden();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg, 'dark paper').toBe('rgb(21, 23, 27)');

      await page.goto(`/embed/${id}/?theme=auto`);
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
      errors.assert();
    });
  }

  test('a page opened in a tab of its own with #?secret= keeps ordinary links (only a framed page talks to WordPress)', async ({ page }) => {
    const id = widgets[0]!;
    await page.goto(`/embed/${id}/#?secret=abc123`);
    const href = await page.locator('a.embed-story').evaluate((a) => (a as HTMLAnchorElement).href);
    await page.locator('a.embed-story').click();
    await page.waitForURL(href);
  });

  test("framed in WordPress's sandbox, the story and the data link go to wp-embed as link messages", async ({ page }, info) => {
    const id = widgets[0]!;
    const site = new URL(info.project.use.baseURL!).origin;
    const host = await startHostServer({
      '/wp.html': hostHtml(
        'sandbox',
        `<iframe id="f" sandbox="allow-scripts" src="${site}/embed/${id}/#?secret=abc123" width="100%" height="900"></iframe>
<script>window.got = []; addEventListener('message', function (e) { if (e.data && e.data.message === 'link') window.got.push(e.data); });</script>`,
      ),
    });
    try {
      await page.goto(`${host.origin}/wp.html`);
      const chart = page.frameLocator('#f');
      await chart.locator('a.embed-story').click();
      await chart.locator(`a[href="/data/${id}.csv"]`).click();
      const story = new URL((await chart.locator('a.embed-story').getAttribute('href'))!, site).href;
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got))
        .toEqual([
          { message: 'link', value: story, secret: 'abc123' },
          { message: 'link', value: `${site}/data/#data-${id}`, secret: 'abc123' },
        ]);
      expect(page.url(), 'the host decides; nothing navigated by itself').toBe(`${host.origin}/wp.html`);
    } finally {
      await host.close();
    }
  });
});

test.describe('download image', () => {
  const id = widgets.find((w) => w === 'money-flows') ?? widgets[0]!;

  test(`${id}: PNG and SVG of the chart as shown, with title, source line and site name`, async ({ page }) => {
    const errors = expectNoConsoleErrors(page);
    await page.setViewportSize({ width: 700, height: 1400 });
    await page.goto(`/embed/${id}/?theme=dark`);
    await page.waitForFunction(() => !document.querySelector('reset-chart:not([data-awake])'));
    const title = (await page.locator('.w-title').innerText()).trim();
    await page.locator('a[data-embed-image-toggle]').click();
    await expect(page.locator('a[data-embed-image-toggle]')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#embed-image-menu')).toBeVisible();

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-embed-image="svg"]').click()]);
    expect(svgDownload.suggestedFilename()).toMatch(new RegExp(`^the-reset-${id}-\\d{4}-\\d{2}-\\d{2}\\.svg$`));
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const err = doc.querySelector('parsererror');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
      return {
        ok: !err && doc.documentElement.nodeName === 'svg',
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
        all: texts.join(' | '),
        vars: /var\(--/.test(text),
        scripts: doc.querySelectorAll('script, foreignObject').length,
        font: /@font-face/.test(text),
      };
    }, svg);
    expect(check.ok, 'well-formed SVG').toBe(true);
    expect(check.width).toBeGreaterThan(300);
    expect(check.height).toBeGreaterThan(200);
    expect(check.all).toContain(title.split(' ').slice(0, 3).join(' '));
    expect(check.all).toMatch(/Sources?:/);
    expect(check.all).toContain('The Reset');
    expect(check.vars, 'colors resolved, no CSS variables left').toBe(false);
    expect(check.scripts).toBe(0);
    expect(check.font, 'Inter embedded').toBe(true);
    await expect(page.locator('.embed-image-status')).toHaveText('SVG saved.');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-embed-image="png"]').click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const w = png.readUInt32BE(16);
    const h = png.readUInt32BE(20);
    expect(w, 'PNG at twice the SVG size').toBe(check.width * 2);
    expect(h).toBe(check.height * 2);
    expect(png.length, 'a real picture, not a blank').toBeGreaterThan(20_000);
    errors.assert();
  });
});
