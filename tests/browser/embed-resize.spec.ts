/**
 * Every widget embedded on a page of ANOTHER origin sizes itself there: with our snippet (iframe + /embed.js), with
 * a real pym.js parent, and inside WordPress's oEmbed sandbox. Each iframe must be as tall as its content (±2px)
 * with no scrollbar inside, after load, after the viewport goes from 1200px to 375px wide, and after a reader opens
 * "Show the data" inside it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  PYM_JS,
  builtWidgets,
  embedTitle,
  expectFramesFit,
  page as hostHtml,
  startHostServer,
  visitFrames,
  type TestServer,
} from './embed-helpers';
import { defaultHeight, embedUrl, snippetHtml } from '../../src/lib/embed/snippet';

const widgets = builtWidgets();
const frames = widgets.map((id) => ({ id, selector: `iframe[data-test="${id}"]` }));

/** Opens "Show the data" inside every iframe (the widget's own <details>). */
async function openData(host: Page) {
  for (const { id, selector } of frames) {
    const frame = host.frameLocator(selector);
    await host.locator(selector).scrollIntoViewIfNeeded();
    await frame.locator('.w-data > summary').first().click();
    await expect(frame.locator('.w-data').first(), `${id}: data table open`).toHaveAttribute('open', '');
  }
  await host.evaluate(() => window.scrollTo(0, 0));
}

/** The checks shared by the three kinds of host page. */
async function resizeJourney(host: Page, url: string, label: string) {
  await host.setViewportSize({ width: 1200, height: 900 });
  await host.goto(url);
  await visitFrames(host, frames.map((f) => f.selector));
  await expectFramesFit(host, frames, `${label}, 1200px`);
  await host.setViewportSize({ width: 375, height: 800 });
  await visitFrames(host, frames.map((f) => f.selector));
  const narrow = await expectFramesFit(host, frames, `${label}, 375px`);
  await openData(host);
  const opened = await expectFramesFit(host, frames, `${label}, 375px with the data open`);
  for (const f of opened) {
    const before = narrow.find((n) => n.id === f.id)!;
    expect(f.iframe, `${label}: ${f.id} grew when its data table opened`).toBeGreaterThan(before.iframe);
  }
  expect(new URL(host.url()).pathname, `${label}: the host page never navigated`).toBe(new URL(url).pathname);
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
    // WordPress's markup for an oEmbed from a provider it does not trust (wp_filter_oembed_result), and the height
    // half of wp-embed.js, which trusts a message only with the iframe's secret and from that iframe's window.
    const wpPage = hostHtml(
      'WordPress host',
      `${widgets
        .map(
          (id) =>
            `<div class="slot"><p>Story text.</p><iframe data-test="${id}" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${site}/embed/${id}/#?secret=abc123" data-secret="abc123" width="600" height="${defaultHeight(id)}" title="${id}" frameborder="0" marginwidth="0" marginheight="0" style="border:0;width:100%"></iframe></div>`,
        )
        .join('\n')}
<script>
  window.wpMessages = [];
  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!data || !(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    for (var i = 0; i < frames.length; i++) {
      if (e.source !== frames[i].contentWindow) continue;
      window.wpMessages.push({ id: frames[i].getAttribute('data-test'), message: data.message, value: data.value });
      if (data.message === 'height') frames[i].height = parseInt(data.value, 10);
    }
  });
</script>`,
    );
    server = await startHostServer({
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

  test("inside WordPress's sandbox, every chart reports its height with the secret", async ({ page }) => {
    test.setTimeout(120_000);
    await resizeJourney(page, `${server.origin}/wordpress.html`, 'WordPress');
    const messages = await page.evaluate(() => (window as unknown as { wpMessages: { id: string; message: string; value: number }[] }).wpMessages);
    for (const id of widgets) {
      const own = messages.filter((m) => m.id === id && m.message === 'height');
      expect(own.length, `${id}: WordPress height messages`).toBeGreaterThan(0);
      expect(own.every((m) => Number.isInteger(m.value) && m.value > 0)).toBe(true);
    }
  });
});
