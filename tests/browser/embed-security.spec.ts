/**
 * What the embed pieces refuse to do. The loader (/embed.js) obeys only height messages from our origin AND from
 * the very iframe they size, and only sane heights; it never navigates the host. Embed pages take hostile values in
 * every URL parameter without running anything, echoing anything or breaking the chart.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  HOSTILE,
  PYM_JS,
  WP_EMBED_STAND_IN,
  builtWidgets,
  page as hostHtml,
  startHostServer,
  wordPressEmbedHtml,
  type TestServer,
} from './embed-helpers';

const widgets = builtWidgets();

test.describe('the loader on a host page', () => {
  let server: TestServer;
  let third: TestServer;
  let site: string;

  test.beforeAll(async ({}, info) => {
    site = new URL(info.project.use.baseURL!).origin;
    const [a, b] = widgets;
    // A third origin: a page that pretends to be our embed and shouts a height at its parent.
    third = await startHostServer({
      '/fake.html': hostHtml('fake', `<script>setInterval(function(){parent.postMessage({source:'the-reset',type:'height',widget:'x',height:77},'*')},50)</script>`),
    });
    server = await startHostServer({
      '/host.html': hostHtml(
        'Loader host',
        `<iframe id="a" src="${site}/embed/${a}/" title="a" width="100%" height="400" style="border:0"></iframe>
<iframe id="b" src="${site}/embed/${b ?? a}/" title="b" width="100%" height="400" style="border:0"></iframe>
<iframe id="other" src="${site}/about/" title="not an embed" width="100%" height="300" style="border:0"></iframe>
<iframe id="fake" src="${third.origin}/fake.html" title="third origin" width="100%" height="300" style="border:0"></iframe>
<script async src="${site}/embed.js"></script>
<script async src="${site}/embed.js"></script>`,
      ),
    });
  });

  test.afterAll(async () => {
    await server?.close();
    await third?.close();
  });

  const heightOf = (page: Page, id: string) => page.locator(`#${id}`).evaluate((el) => (el as HTMLElement).getBoundingClientRect().height);

  /** Posts a message to the host page from inside one of its frames. */
  async function postFrom(page: Page, id: string, data: unknown) {
    const frame = await page.locator(`#${id}`).elementHandle().then((h) => h!.contentFrame());
    await frame!.evaluate((d) => window.parent.postMessage(d, '*'), data);
    await page.waitForTimeout(150);
  }

  test('obeys our frames, each for itself, and ignores third origins, other frames and bad heights', async ({ page }) => {
    await page.goto(`${server.origin}/host.html`);
    await expect.poll(() => heightOf(page, 'a'), { message: 'frame a sized by the loader' }).not.toBe(400);
    await expect.poll(() => heightOf(page, 'b')).not.toBe(400);
    await page.waitForTimeout(500);
    const b0 = await heightOf(page, 'b');

    // Our origin, our frame: obeyed, for that frame only.
    await postFrom(page, 'a', { source: 'the-reset', type: 'height', widget: 'x', height: 1234 });
    expect(await heightOf(page, 'a')).toBe(1234);
    expect(await heightOf(page, 'b'), 'a message from frame a never sizes frame b').toBe(b0);

    // Our origin but a page that is not an embed: its frame is not ours to size.
    await postFrom(page, 'other', { source: 'the-reset', type: 'height', widget: 'x', height: 999 });
    expect(await heightOf(page, 'other')).toBe(300);
    expect(await heightOf(page, 'a')).toBe(1234);
    expect(await heightOf(page, 'b')).toBe(b0);

    // A third origin shouting heights (every 50ms, all along): ignored.
    expect(await heightOf(page, 'fake')).toBe(300);

    // Bad heights from our own frame: ignored, the last good height stays.
    for (const height of [NaN, -50, 0, 10_001, 1e9, Infinity, '600', '600px', null, [500], { h: 5 }]) {
      await postFrom(page, 'a', { source: 'the-reset', type: 'height', widget: 'x', height });
      expect(await heightOf(page, 'a'), `height ${String(height)}`).toBe(1234);
    }
    // Other shapes: pym strings, WordPress and AMP messages are not for the loader.
    await postFrom(page, 'a', 'pymxPYMxaxPYMxheightxPYMx50');
    await postFrom(page, 'a', { message: 'height', value: 50, secret: 'abc' });
    await postFrom(page, 'a', { sentinel: 'amp', type: 'embed-size', height: 50 });
    expect(await heightOf(page, 'a')).toBe(1234);
    // Our frame navigated to a third origin (its src attribute still names our embed): that page is not us.
    await page.evaluate((url) => {
      (document.getElementById('b') as HTMLIFrameElement).contentWindow!.location.href = url;
    }, `${third.origin}/fake.html`);
    await expect.poll(() => page.locator('#b').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.length >= 0 && f.getAttribute('src'))).toContain('/embed/');
    await page.waitForTimeout(600);
    expect(await heightOf(page, 'b'), 'messages from a third origin in our frame are ignored').toBe(b0);

    // The real chart reports again on its next size change, and wins.
    await page.setViewportSize({ width: 500, height: 800 });
    await expect.poll(() => heightOf(page, 'a')).not.toBe(1234);
    expect(page.url(), 'the host page never navigated').toBe(`${server.origin}/host.html`);
  });
});

test.describe('a hostile frame on a page that embeds our charts every way at once', () => {
  let server: TestServer;
  let third: TestServer;
  let site: string;
  const SECRET = 'wpS3cret1';
  const CHILD = 'pym-chart';

  test.beforeAll(async ({}, info) => {
    site = new URL(info.project.use.baseURL!).origin;
    const [a, b = a, c = a] = widgets;
    // pym.js reads xdomain as a regular expression: our origin, its dots escaped.
    const xdomain = `^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
    // Every message shape the loader (embed.js), the child (src/client/embed/child.ts), wp-embed.js and pym.js know,
    // including the three that ask for navigation (WordPress "link" to the site and elsewhere, pym "navigateTo"), sent
    // with the real secret and child id, again and again while the test watches. EVIL is the hostile page's own site.
    const shapes = [
      { source: 'the-reset', type: 'height', widget: a, height: 77 },
      { source: 'the-reset', type: 'request-height' },
      { sentinel: 'amp', type: 'embed-size', height: 77 },
      { message: 'height', value: 77, secret: SECRET },
      { message: 'ready', secret: SECRET },
      { message: 'link', value: 'EVIL', secret: SECRET },
      { message: 'link', value: `${site}/chapters/`, secret: SECRET },
      `pymxPYMx${CHILD}xPYMxheightxPYMx77`,
      `pymxPYMx${CHILD}xPYMxwidthxPYMx77`,
      `pymxPYMx${CHILD}xPYMxnavigateToxPYMxEVIL`,
      `pymxPYMx${CHILD}xPYMxscrollToChildPosxPYMx5000`,
    ];
    third = await startHostServer({
      '/hostile.html': hostHtml(
        'hostile',
        `<script>var evil = location.origin + '/phished.html';
var shapes = JSON.parse(${JSON.stringify(JSON.stringify(shapes))}.replace(/EVIL/g, evil)); var n = 0;
var t = setInterval(function () { shapes.forEach(function (m) { parent.postMessage(m, '*'); }); if (++n > 30) clearInterval(t); }, 50);
window.sent = function () { return n; };</script>`,
      ),
    });
    server = await startHostServer({
      '/pym.v1.min.js': ['text/javascript', PYM_JS],
      '/host.html': hostHtml(
        'Every embed at once',
        `<iframe id="snippet" src="${site}/embed/${a}/" title="snippet" width="100%" height="400" style="border:0"></iframe>
<script async src="${site}/embed.js"></script>
<div id="wp">${wordPressEmbedHtml({ site, id: b!, secret: SECRET, height: 500, title: 'wp' })}</div>
<script>${WP_EMBED_STAND_IN}</script>
<div id="${CHILD}"></div>
<script src="/pym.v1.min.js"></script>
<script>
  // As the builder and README tell pym.js pages: listen to our origin only (xdomain is a regular expression).
  new pym.Parent(${JSON.stringify(CHILD)}, ${JSON.stringify(`${site}/embed/${c}/`)}, { title: 'pym', xdomain: ${JSON.stringify(xdomain)} });
</script>
<iframe id="hostile" src="${third.origin}/hostile.html" title="hostile" width="100%" height="300" style="border:0"></iframe>`,
      ),
    });
  });

  test.afterAll(async () => {
    await server?.close();
    await third?.close();
  });

  test('nothing it sends moves, scrolls or resizes the host, and no frame obeys it', async ({ page }) => {
    const hostUrl = `${server.origin}/host.html`;
    await page.goto(hostUrl);
    const sizes = () =>
      page.evaluate(() => ({
        snippet: document.getElementById('snippet')!.getBoundingClientRect().height,
        wp: document.querySelector('#wp iframe')!.getBoundingClientRect().height,
        pym: document.querySelector('#pym-chart iframe')?.getBoundingClientRect().height ?? -1,
        hostile: document.getElementById('hostile')!.getBoundingClientRect().height,
        scroll: window.scrollY,
      }));
    // Our three frames sized by their own charts first (not at the heights the page started with).
    await expect.poll(async () => { const s = await sizes(); return s.snippet !== 400 && s.wp !== 500 && s.pym > 0; }, { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(1000);
    const before = await sizes();
    // Reload the hostile frame so it sends its whole burst into the settled page, and wait until it is done.
    const hostile = page.frame({ url: /hostile\.html$/ })!;
    await hostile.evaluate(() => location.reload());
    await expect.poll(() => page.frame({ url: /hostile\.html$/ })?.evaluate(() => (window as unknown as { sent: () => number }).sent()).catch(() => 0), { timeout: 10_000 }).toBeGreaterThan(30);
    await page.waitForTimeout(300);
    expect(page.url(), 'the host page never navigated').toBe(hostUrl);
    expect(await sizes(), 'no frame resized, the host not scrolled').toEqual(before);
    const obeyed = await page.evaluate(() =>
      (window as unknown as { wpMessages: { message: string; value: unknown }[] }).wpMessages.filter((m) => m.value === 77 || m.message === 'link'),
    );
    expect(obeyed, "wp-embed obeyed nothing from a frame that is not the secret's").toEqual([]);
  });
});

test.describe('hostile URL parameters', () => {
  const PARAMS = ['asOf', 'highlight', 'theme', 'plain', 'childId', 'parentUrl', 'parentTitle', 'initialWidth', 'widget', 'utm_source'];

  /** Everything the page shows or holds: no hostile string may appear in it unescaped, as markup or attribute. */
  async function assertClean(page: Page, label: string) {
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) {
          const v = el.getAttribute(a) ?? '';
          if (/^on/i.test(a)) bad.push(`${el.tagName} has ${a}`);
          if (/alert\(1\)|<script|onload=|onerror=|javascript:/i.test(v)) bad.push(`${el.tagName}[${a}]="${v.slice(0, 60)}"`);
        }
        if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('injected <img>');
      }
      for (const s of document.scripts) if (/alert\(1\)/.test(s.textContent ?? '')) bad.push('script with alert(1)');
      if (/alert\(1\)/.test(document.body.innerText)) bad.push('hostile text rendered');
      return bad;
    });
    expect(found, `${label}: hostile input in the DOM`).toEqual([]);
  }

  async function assertRenders(page: Page, id: string, label: string) {
    const fig = page.locator(`figure.widget[data-widget="${id}"]`);
    await expect(fig, `${label}: chart renders`).toBeVisible();
    await expect(fig.locator('.w-chart svg').filter({ visible: true }).first(), `${label}: chart drawn`).toBeVisible();
    await expect(page.locator('html'), `${label}: theme falls back to auto`).not.toHaveAttribute('data-theme', /.+/);
    await expect(page.locator('html'), `${label}: plain falls back to off`).not.toHaveClass(/embed-plain/);
    const d = await fig.evaluate((el) => ({ asOf: el.getAttribute('data-as-of'), highlight: el.getAttribute('data-highlight') }));
    expect(d.highlight, `${label}: highlight falls back to none`).toBe('');
    expect(d.asOf, `${label}: asOf falls back to a valid date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }

  const short = HOSTILE.filter((v) => v.length < 1000);
  const long = HOSTILE.find((v) => v.length >= 1000)!;

  for (const [n, id] of widgets.entries()) {
    // Every short hostile value reaches every parameter (rotated, so each page load mixes them); the 10 KB value goes
    // into each parameter in turn on one widget: the page code that reads parameters is the same for every widget.
    test(`${id}: hostile values in every parameter: nothing runs, nothing is echoed, the chart still renders`, async ({ page }) => {
      test.setTimeout(120_000);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const urls: [string, string][] = [];
      for (let k = 0; k < short.length; k++) {
        const q = PARAMS.map((p, i) => `${p}=${encodeURIComponent(short[(k + i) % short.length]!)}`).join('&');
        urls.push([`/embed/${id}/?${q}#?secret=${encodeURIComponent(short[k]!)}`, `round ${k + 1}`]);
      }
      if (n === 0) {
        for (const p of PARAMS) urls.push([`/embed/${id}/?${p}=${encodeURIComponent(long)}&theme=${encodeURIComponent(short[0]!)}`, `10 KB ${p}`]);
        urls.push([`/embed/${id}/#?secret=${encodeURIComponent(long)}`, '10 KB secret']);
      }
      for (const [url, label] of urls) {
        await page.goto(url);
        await assertRenders(page, id, `${id} ${label}`);
        await assertClean(page, `${id} ${label}`);
      }
      expect(dialogs, 'no dialog may open').toEqual([]);
      expect(errors, 'no uncaught errors').toEqual([]);
    });
  }

  test('the builder takes hostile parameters without running or echoing them', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const v of HOSTILE) {
      const q = PARAMS.map((p) => `${p}=${encodeURIComponent(v)}`).join('&');
      await page.goto(`/embed/?${q.slice(0, 12_000)}`);
      await expect(page.locator('[data-builder]')).toBeVisible();
      await assertClean(page, `builder ${v.slice(0, 30)}`);
      const code = await page.locator('#code-snippet').inputValue();
      expect(code).not.toMatch(/alert|<script>|onload|javascript:/);
    }
    expect(dialogs).toEqual([]);
  });
});
