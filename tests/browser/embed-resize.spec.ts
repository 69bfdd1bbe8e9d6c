/**
 * Every widget embedded on a page of ANOTHER origin sizes itself there: with our snippet (iframe + /embed.js), with
 * a real pym.js parent, and inside WordPress's oEmbed sandbox. Each iframe must be as tall as its content (±2px)
 * with no scrollbar inside (in WordPress: as tall as wp-embed.js allows, 200–1000 px), after load, after the viewport goes from 1200px to 375px wide, and after a reader opens
 * "Show the data" inside it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  PYM_JS,
  WP_EMBED_STAND_IN,
  WP_EMBED_HEIGHT,
  builtWidgets,
  embedTitle,
  expectFramesFit,
  page as hostHtml,
  startHostServer,
  visitFrames,
  wordPressEmbedHtml,
  wordPressHeight,
  type HostHeight,
  type TestServer,
} from './embed-helpers';
import { defaultHeight, embedUrl, snippetHtml } from '../../src/lib/embed/snippet';

const widgets = builtWidgets();
const frames = widgets.map((id) => ({ id, selector: `iframe[data-test="${id}"]` }));

/** Opens "Show the data" inside every iframe (the widget's own <details>). */
/** A reader opens the full chart from each compact embed, in place, then its data table. */
async function openFullChart(host: Page) {
  for (const { id, selector } of frames) {
    const frame = host.frameLocator(selector);
    await host.locator(selector).scrollIntoViewIfNeeded();
    await frame.getByRole('link', { name: 'Full chart' }).click();
    await frame.locator('.w-data > summary').first().click();
    await expect(frame.locator('.w-data').first(), `${id}: full chart, data table open`).toHaveAttribute('open', '');
  }
  await host.evaluate(() => window.scrollTo(0, 0));
}

/** The checks shared by the three kinds of host page; `hostHeight` is what the host does with a chart's height. */
async function resizeJourney(host: Page, url: string, label: string, hostHeight?: HostHeight) {
  await host.setViewportSize({ width: 1200, height: 900 });
  await host.goto(url);
  await visitFrames(host, frames.map((f) => f.selector));
  const wide = await expectFramesFit(host, frames, `${label}, 1200px`, 15_000, hostHeight);
  await host.setViewportSize({ width: 375, height: 800 });
  await visitFrames(host, frames.map((f) => f.selector));
  const narrow = await expectFramesFit(host, frames, `${label}, 375px`, 15_000, hostHeight);
  await openFullChart(host);
  const opened = await expectFramesFit(host, frames, `${label}, 375px, full chart with the data open`, 15_000, hostHeight);
  for (const f of opened) {
    const before = narrow.find((n) => n.id === f.id)!;
    // A frame already at its host's cap cannot grow; its content still must.
    if (hostHeight && hostHeight(f.content) < f.content) expect(f.content, `${label}: ${f.id}'s content grew when its data table opened`).toBeGreaterThan(before.content);
    else expect(f.iframe, `${label}: ${f.id} grew when its data table opened`).toBeGreaterThan(before.iframe);
  }
  expect(new URL(host.url()).pathname, `${label}: the host page never navigated`).toBe(new URL(url).pathname);
  return { wide, narrow, opened };
}

test.describe('auto-resize on another origin', () => {
  let server: TestServer;
  let site: string;

  test.beforeAll(async ({}, info) => {
    site = new URL(info.project.use.baseURL!).origin;
    const snippetPage = hostHtml(
      'Snippet host',
      widgets
        .map((id) => {
          const src = embedUrl(site, id, {}, { defaultAsOf: '' });
          // The snippet exactly as the builder hands it out; data-test only to find it again.
          const code = snippetHtml({ origin: site, src, title: embedTitle(id), height: defaultHeight(id) }).replace('<iframe ', `<iframe data-test="${id}" `);
          return `<div class="slot"><p>A paragraph of the host's story before the chart.</p>${code}</div>`;
        })
        .join('\n'),
    );
    const pymPage = hostHtml(
      'pym.js host',
      `${widgets.map((id) => `<div class="slot"><p>Story text.</p><div id="pym-${id}"></div></div>`).join('\n')}
<script src="/pym.v1.min.js"></script>
<script>
  ${JSON.stringify(widgets)}.forEach(function (id) {
    var p = new pym.Parent('pym-' + id, ${JSON.stringify(site)} + '/embed/' + id + '/', { title: id });
    p.iframe.setAttribute('data-test', id);
  });
</script>`,
    );
    // What WordPress prints for each pasted address (wp_filter_oembed_result: blockquote, hidden sandboxed iframe, a
    // secret per embed) and a stand-in for its wp-embed.js, which clamps heights to 200–1000 px as the real one does.
    const wpPage = hostHtml(
      'WordPress host',
      `${widgets
        .map((id, i) => `<div class="slot"><p>Story text.</p>${wordPressEmbedHtml({ site, id, secret: `s3cr3t${i}`, height: defaultHeight(id), title: embedTitle(id) })}</div>`)
        .join('\n')}
<script>${WP_EMBED_STAND_IN}</script>`,
    );
    // A consumer that inserts each oEmbed answer's html as it is, with no script of its own (Ghost's HTML card does).
    const answers = await Promise.all(widgets.map(async (id) => (await (await fetch(`${site}/oembed/${id}.json`)).json()) as { html: string; height: number }));
    const plainPage = hostHtml('oEmbed consumer', answers.map((o, i) => `<div class="slot" data-test="${widgets[i]}"><p>Story text.</p>${o.html}</div>`).join('\n'));
    server = await startHostServer({
      '/oembed.html': plainPage,
      '/snippet.html': snippetPage,
      '/pym.html': pymPage,
      '/wordpress.html': wpPage,
      '/pym.v1.min.js': ['text/javascript', PYM_JS],
    });
    expect(new URL(server.origin).origin, 'the host page is on another origin').not.toBe(site);
  });

  test.afterAll(async () => {
    await server?.close();
  });

  test('the snippet (iframe + /embed.js) fits every chart: on load, at 375px, with the data open', async ({ page }) => {
    test.setTimeout(120_000);
    expect(widgets.length, 'embed pages in the build').toBeGreaterThan(0);
    await resizeJourney(page, `${server.origin}/snippet.html`, 'snippet');
  });

  test("a host that inserts the oEmbed html as it is shows each chart's iframe, visible at the answer's height, and no duplicate link", async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${server.origin}/oembed.html`);
    for (const id of widgets) {
      const slot = page.locator(`.slot[data-test="${id}"]`);
      const answer = (await (await fetch(`${site}/oembed/${id}.json`)).json()) as { height: number };
      await expect(slot.locator('blockquote'), `${id}: the WordPress fallback stays hidden`).toBeHidden();
      const frame = slot.locator('iframe');
      await frame.scrollIntoViewIfNeeded();
      await expect(frame, `${id}: the iframe is visible`).toBeVisible();
      const box = await frame.evaluate((f) => f.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.height, `${id}: at the answer's height`).toBe(answer.height);
      expect(box.width, `${id}: across the column`).toBeGreaterThan(600);
    }
  });

  test('a real pym.js parent sizes every chart from its childId messages', async ({ page }) => {
    test.setTimeout(120_000);
    await resizeJourney(page, `${server.origin}/pym.html`, 'pym.js');
    // pym passes childId, initialWidth, parentTitle and parentUrl: the free-text ones are ignored, nothing echoes.
    const src = await page.locator(frames[0]!.selector).getAttribute('src');
    expect(src).toContain('childId=pym-');
    expect(src).toContain('parentUrl=');
    const html = await page.frameLocator(frames[0]!.selector).locator('html').evaluate((el) => el.outerHTML);
    expect(html).not.toContain('pym.html');
    expect(html).not.toContain('pym.js host');
  });

  test("inside WordPress's sandbox, wp-embed.js (200–1000 px) sizes every chart from its messages and reveals it", async ({ page }) => {
    test.setTimeout(120_000);
    const { wide, narrow } = await resizeJourney(page, `${server.origin}/wordpress.html`, 'WordPress', wordPressHeight);
    // The compact default needs no scrollbar inside WordPress's frame: under its 1,000 px cap, the frame is the content.
    for (const f of [...wide, ...narrow]) {
      expect(f.content, `${f.id}: the compact embed fits under WordPress's cap`).toBeLessThan(WP_EMBED_HEIGHT.max);
      expect(Math.abs(f.iframe - f.content), `${f.id}: frame height = content height`).toBeLessThanOrEqual(2);
      expect(f.scrollHeight, `${f.id}: nothing scrolls inside the frame`).toBeLessThanOrEqual(f.innerHeight);
    }
    await expect(page.locator('blockquote.wp-embedded-content').filter({ visible: true }), 'every fallback hidden').toHaveCount(0);
    for (const f of frames) await expect(page.locator(f.selector), `${f.id}: revealed`).not.toHaveAttribute('style', /.+/);
    const messages = await page.evaluate(() => (window as unknown as { wpMessages: { id: string; message: string; value: number }[] }).wpMessages);
    for (const id of widgets) {
      const own = messages.filter((m) => m.id === id && m.message === 'height');
      expect(own.length, `${id}: WordPress height messages`).toBeGreaterThan(0);
      expect(own.every((m) => Number.isInteger(m.value) && m.value > 0)).toBe(true);
    }
  });
});
