/**
 * The charts in a real WordPress (Debian's 6.1, Twenty Twenty-Three; scripts/wordpress/serve.sh writes its posts):
 *   - an Author pastes each chart's address on a line of its own: WordPress discovers our oEmbed answer, loads
 *     wp-embed.js, and the frame takes the chart's height: the compact default fits under WordPress's 1,000 px
 *     cap at 1280 and 375 px, so frame height = content height, with no scrollbar inside; the story link moves the reader's tab to the story, "Get the data" to the data page
 *     (all six in one post, as a story with several charts has them);
 *   - the block editor's preview (the REST oEmbed proxy) gets the same frame as the published post;
 *   - an Administrator's embed code in a Custom HTML block keeps to the theme's column and sizes itself, and the
 *     loader logs no target-origin warnings; the same code from an Author is stripped, as the builder says.
 * Heights at 1280 and 375 px go into the report (annotations) and the output.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { WP_EMBED_HEIGHT, builtWidgets, wordPressHeight, expectFramesFit, outDir, settledContentHeight, startStaticServer, visitFrames, type TestServer } from '../browser/embed-helpers';
import { dataPagePath, sandboxLinkTarget } from '../../src/lib/embed/messages';

const run = promisify(execFile);

const dist = outDir();
const widgets = builtWidgets(dist);
/** Where the build says the site lives: WordPress fetches it there, so the spec serves it there. */
const origin = new URL(JSON.parse(readFileSync(join(dist, 'oembed', `${widgets[0]}.json`), 'utf8')).provider_url).origin;
const WIDTHS = [1280, 375] as const;
/** Twenty Twenty-Three's content width (theme.json settings.layout.contentSize). */
const THEME_COLUMN = 650;

let site: TestServer;
test.beforeAll(async () => {
  const url = new URL(origin);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) {
    throw new Error(`The build names ${origin}: build with SITE_URL=http://127.0.0.1:<port> so this WordPress can reach it.`);
  }
  site = await startStaticServer(dist, '127.0.0.1', Number(url.port || 80));
});
test.afterAll(async () => {
  await site?.close();
});

const PASTED = '/reset-pasted/';
const pastedFrame = (id: string) => `iframe.wp-embedded-content[src^="${origin}/embed/${id}/#?secret="]`;

/** Opens the post of pasted addresses and waits for wp-embed.js to swap each blockquote for its frame. */
async function openPasted(page: Page) {
  const res = await page.goto(PASTED);
  expect(res?.status(), PASTED).toBe(200);
  await expect(page.locator('iframe.wp-embedded-content'), 'one frame per pasted address').toHaveCount(widgets.length);
  await visitFrames(page, widgets.map(pastedFrame));
  await expect(page.locator('blockquote.wp-embedded-content').filter({ visible: true }), 'wp-embed.js hid every fallback').toHaveCount(0);
  for (const id of widgets) await expect(page.locator(pastedFrame(id)), `${id}: wp-embed.js revealed the frame`).not.toHaveAttribute('style', /clip/);
}

interface Measured {
  id: string;
  width: number;
  content: number;
  frame: number;
  capped: boolean;
}

for (const width of WIDTHS) {
  test(`pasted chart addresses, at ${width}px: each compact chart fits under WordPress's cap, its frame is its height, no inner scrollbar`, async ({ page }) => {
    test.setTimeout(120_000);
    expect(widgets.length, 'charts in the build').toBeGreaterThan(0);
    await page.setViewportSize({ width, height: 900 });
    await openPasted(page);
    const rows: Measured[] = [];
    for (const id of widgets) {
      const iframe = page.locator(pastedFrame(id));
      // In view: Chromium pauses animation frames in cross-origin frames off screen, and the measure waits for them.
      await iframe.scrollIntoViewIfNeeded();
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      const content = Math.ceil(await settledContentHeight(frame));
      const want = wordPressHeight(content);
      await expect.poll(() => iframe.evaluate((f) => (f as HTMLIFrameElement).clientHeight), { message: `${id} at ${width}px: frame height` }).toBe(want);
      const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: window.innerHeight }));
      const capped = content > WP_EMBED_HEIGHT.max;
      expect(content, `${id} at ${width}px: the compact default fits under WordPress's cap`).toBeLessThan(WP_EMBED_HEIGHT.max);
      expect(inner.scroll, `${id} at ${width}px: nothing to scroll inside the frame`).toBeLessThanOrEqual(inner.view);
      rows.push({ id, width, content, frame: want, capped });
    }
    const report = rows.map((r) => `${r.id} ${r.width}px: chart ${r.content}px, frame ${r.frame}px${r.capped ? ' (WordPress cap)' : ''}`).join('\n');
    console.log(report);
    test.info().annotations.push({ type: `heights at ${width}px`, description: report });
  });
}

test("in the post, a chart's story link moves the reader's tab to the story, its data link to the data page, a source link to the source", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // One chart for each kind of link: the routing is the same code for every chart (tests/unit/embed-child.test.ts).
  const [storyId, dataId = storyId!, sourceId = storyId!] = widgets;
  // Waits for this chart's frame only: wp-embed.js reveals it on the chart's first message, so its script runs.
  const open = async (id: string) => {
    await page.goto(PASTED);
    const frame = page.locator(pastedFrame(id));
    await frame.scrollIntoViewIfNeeded();
    await expect(frame, `${id}: wp-embed.js revealed the frame`).not.toHaveAttribute('style', /clip/);
    return page.frameLocator(pastedFrame(id));
  };

  let chart = await open(storyId!);
  const story = new URL((await chart.locator('a.embed-story').getAttribute('href'))!, origin).href;
  await chart.locator('a.embed-story').click();
  await page.waitForURL(story, { timeout: 15_000 });

  chart = await open(dataId);
  await chart.locator(`a[href="/data/${dataId}.csv"]`).click();
  await page.waitForURL(`${origin}${dataPagePath(dataId)}`, { timeout: 15_000 });
  await expect(page.locator(`#data-${dataId}`), `${dataId}: its entry on the data page`).toBeVisible();

  chart = await open(sourceId);
  const source = chart.locator('.w-source a').first();
  const href = new URL((await source.getAttribute('href'))!, origin).href;
  await source.click();
  await page.waitForURL(sandboxLinkTarget({ href, top: true, download: false }, origin, sourceId)!, { timeout: 15_000 });
});

test("the block editor's preview (REST oEmbed proxy) gets the frame the published post shows", async ({ request }) => {
  /** Each iframe's attributes, without WordPress's per-render secret. */
  const framesOf = (html: string) =>
    [...html.matchAll(/<iframe\b[^>]*>/g)].map(([tag]) => {
      const attrs = Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      delete attrs['data-secret'];
      attrs.src = (attrs.src ?? '').replace(/#\?secret=[A-Za-z0-9]+$/, '');
      return attrs;
    });
  const published = framesOf(await (await request.get(PASTED)).text());
  expect(published.map((f) => f.src)).toEqual(widgets.map((id) => `${origin}/embed/${id}/`));
  for (const [i, id] of widgets.entries()) {
    // Asynchronous: the site server answering WordPress runs in this process.
    const { stdout } = await run('php', ['scripts/wordpress/proxy.php', `${origin}/embed/${id}/`]);
    const proxy = JSON.parse(stdout);
    expect(proxy.status, `${id}: proxy answer ${stdout.slice(0, 200)}`).toBe(200);
    expect(proxy.data.html, `${id}: the editor gets the blockquote too`).toMatch(/^<blockquote class="wp-embedded-content"/);
    expect(framesOf(proxy.data.html), `${id}: editor preview and published post`).toEqual([published[i]]);
  }
});

for (const width of WIDTHS) {
  test(`embed code in a Custom HTML block (Administrator), at ${width}px: inside the theme's column, sized, no postMessage warnings`, async ({ page }) => {
    test.setTimeout(120_000);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/postMessage|target origin/i.test(m.text())) warnings.push(m.text());
    });
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/reset-snippet-editor/');
    const frames = widgets.map((id) => ({ id, selector: `iframe[src="${origin}/embed/${id}/"]` }));
    await expect(page.locator('script[src$="/embed.js"]'), 'the loader survives for an Administrator').not.toHaveCount(0);
    await visitFrames(page, frames.map((f) => f.selector));
    await expectFramesFit(page, frames, `Custom HTML block at ${width}px`, 30_000);
    const column = await page.locator('.wp-block-post-content > p').first().evaluate((p) => p.getBoundingClientRect().width);
    if (width >= THEME_COLUMN + 100) expect(column, "Twenty Twenty-Three's column").toBe(THEME_COLUMN);
    for (const f of frames) {
      const w = await page.locator(f.selector).evaluate((el) => el.getBoundingClientRect().width);
      expect(w, `${f.id}: as wide as the column, no wider`).toBeCloseTo(column, 0);
    }
    expect(warnings, 'target-origin warnings from the loader').toEqual([]);
  });
}

test('the same embed code from an Author is stripped by WordPress (no unfiltered_html)', async ({ page }) => {
  await page.goto('/reset-snippet-author/');
  await expect(page.locator('.wp-block-post-content p').first()).toHaveText('Story text.');
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(page.locator('script[src$="/embed.js"]')).toHaveCount(0);
});
