/**
 * The embed builder (/embed/): opens in the state a chart's "Embed" link carries, keeps codes, previews and its own
 * address in step with the form, copies (with a visible status, and a selection to fall back on), and without
 * JavaScript still lists every chart with its code.
 */
import { expect, test } from '@playwright/test';
import { builtWidgets, expectFramesFit, outDir } from './embed-helpers';
import { defaultHeight } from '../../src/lib/embed/snippet';
import { siteUrl } from '../../src/lib/site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const widgets = builtWidgets();
const rulesOf = (id: string) => {
  const m = readFileSync(join(outDir(), 'embed', id, 'index.html'), 'utf8').match(/data-embed-rules="([^"]*)"/);
  return JSON.parse(m![1]!.replace(/&quot;|&#34;/g, '"')) as { min: string; max: string; defaultAsOf: string; highlights: string[] };
};
// A widget with something to highlight, and a date inside its range that is not its default.
const id = widgets.find((w) => rulesOf(w).highlights.length > 0) ?? widgets[0]!;
const rules = rulesOf(id);
const asOf = rules.min < '2024-03-15' && '2024-03-15' < rules.max ? '2024-03-15' : rules.min;
const highlight = rules.highlights[0]!;

test('opens in the state its URL carries, and keeps codes, previews and URL in step', async ({ page }) => {
  await page.goto(`/embed/?widget=${id}&asOf=${asOf}&highlight=${highlight}&theme=dark&plain=1&view=full`);
  const form = page.locator('[data-builder-form]');
  await expect(form.locator('[name="widget"]')).toHaveValue(id);
  await expect(form.locator('[name="asOf"]')).toHaveValue(asOf);
  await expect(form.locator('[name="highlight"]')).toHaveValue(highlight);
  await expect(form.locator('[name="theme"][value="dark"]')).toBeChecked();
  await expect(form.locator('[name="plain"]')).toBeChecked();
  await expect(form.locator('[name="view"][value="full"]')).toBeChecked();

  // Codes name the public site (SITE_URL, as oEmbed does); previews load the same path from the server at hand.
  const path = `/embed/${id}/?asOf=${asOf}&highlight=${highlight}&theme=dark&plain=1&view=full`;
  const src = `${siteUrl()}${path}`;
  const snippet = await page.locator('#code-snippet').inputValue();
  expect(snippet).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
  expect(snippet).toContain(`height="${defaultHeight(id, { view: 'full', plain: true })}"`);
  expect(snippet).toMatch(/<\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/);
  const iframe = await page.locator('#code-iframe').inputValue();
  expect(iframe).not.toContain('<script');
  expect(iframe.match(/<iframe/g)).toHaveLength(1);
  await expect(page.locator('#code-url')).toHaveValue(`${siteUrl()}/embed/${id}/`);
  await expect(page.locator('[data-oembed-note]'), 'oEmbed cannot carry the state: say so').toBeVisible();
  for (const p of ['phone', 'desktop']) await expect(page.locator(`iframe[data-preview="${p}"]`)).toHaveAttribute('src', path);

  // Change the colors: codes, previews and the builder's own address follow.
  await form.locator('[name="theme"][value="light"]').check();
  await expect(page.locator('#code-snippet')).toHaveValue(/theme=light/);
  await expect(page.locator('iframe[data-preview="phone"]')).toHaveAttribute('src', /theme=light/);
  await expect.poll(() => page.url()).toContain('theme=light');
  // Back to the compact view: no view parameter, the compact plain height.
  await form.locator('[name="view"][value="compact"]').check();
  await expect(page.locator('#code-snippet')).not.toHaveValue(/view=full/);
  await expect(page.locator('#code-snippet')).toHaveValue(new RegExp(`height="${defaultHeight(id, { plain: true })}"`));
  // Another chart: its own highlight list, its default state.
  const other = widgets.find((w) => w !== id);
  if (other) {
    await form.locator('[name="widget"]').selectOption(other);
    await expect(page.locator('#code-snippet')).toHaveValue(new RegExp(`/embed/${other}/`));
    const options = await form.locator('[name="highlight"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['', ...rulesOf(other).highlights]);
    await expect(form.locator('[name="asOf"]')).toHaveValue(rulesOf(other).defaultAsOf);
    await expect.poll(() => page.url()).toContain(`widget=${other}`);
  }
});

test('previews at phone and desktop widths size themselves to the chart', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/embed/?widget=${id}`);
  const frames = [
    { id: 'phone', selector: 'iframe[data-preview="phone"]' },
    { id: 'desktop', selector: 'iframe[data-preview="desktop"]' },
  ];
  for (const f of frames) await page.locator(f.selector).scrollIntoViewIfNeeded();
  const fit = await expectFramesFit(page, frames, 'builder previews');
  const width = (sel: string) => page.locator(sel).evaluate((el) => (el as HTMLElement).clientWidth);
  expect(await width(frames[0]!.selector)).toBe(375);
  expect(await width(frames[1]!.selector)).toBe(700);
  expect(fit[0]!.iframe, 'the phone preview is taller (narrower)').toBeGreaterThan(fit[1]!.iframe);
});

test('copy buttons copy, say so, and fall back to selecting the code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/embed/?widget=${id}`);
  for (const [button, area] of [
    ['Copy embed code', '#code-snippet'],
    ['Copy iframe', '#code-iframe'],
    ['Copy address', '#code-url'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const status = page.locator(`${area} ~ .code-actions [data-copy-status], ${area} + .code-actions [data-copy-status]`);
    await expect(status).toHaveText('Copied');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), `${button}: the clipboard`).toBe(await page.locator(area).inputValue());
  }
  // No clipboard API and no execCommand: the code is selected and the reader told how to copy it.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    document.execCommand = () => false;
  });
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.locator('.code-actions [data-copy-status]').first()).toHaveText(/Selected: press Ctrl\+C/);
  const sel = await page.locator('#code-snippet').evaluate((t) => {
    const a = t as HTMLTextAreaElement;
    return [a.selectionStart, a.selectionEnd, a.value.length, document.activeElement === a];
  });
  expect(sel).toEqual([0, sel[2], sel[2], true]);
});

test('says which code works where: the address for every WordPress role, the embed code only with unfiltered HTML', async ({ page }) => {
  await page.goto(`/embed/?widget=${id}`);
  await expect(page.locator('[data-path-hint="url"]')).toContainText('Authors included');
  await expect(page.locator('[data-path-hint="url"]')).toContainText('1,000 px');
  await expect(page.locator('[data-path-hint="snippet"]')).toContainText('Custom HTML block');
  await expect(page.locator('[data-path-hint="snippet"]')).toContainText('unfiltered HTML');
  await expect(page.locator('[data-path-hint="iframe"]')).toContainText('remove scripts');
  await expect(page.locator('.notes')).toContainText('xdomain');
});

test("a chart's Embed link opens the builder on that chart", async ({ page }) => {
  await page.goto('/charts/');
  const link = page.locator(`figure.widget[data-widget="${id}"] a[href^="/embed/?widget=${id}"]`).first();
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/embed/\\?widget=${id}`));
  await expect(page.locator('[data-builder-form] [name="widget"]')).toHaveValue(id);
});

test('without JavaScript the page lists every chart with its code', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/embed/');
  await expect(page.locator('[data-builder]')).toBeHidden();
  for (const w of widgets) {
    const item = page.locator(`#embed-${w}`);
    await expect(item.locator('h3')).not.toBeEmpty();
    const code = await item.locator('pre.snippet').first().innerText();
    expect(code).toMatch(new RegExp(`^<iframe src="[^"]+/embed/${w}/" title="[^"]+" width="100%" height="\\d+"`));
    expect(code).toContain('/embed.js"></script>');
    await expect(item.locator(`a[href="/data/${w}.csv"]`)).toHaveCount(1);
  }
  await context.close();
});

test("on a chapter page, a chart's Embed link carries the state the chart shows, and the builder opens in it", async ({ page }) => {
  const chapter = '/chapters/the-bet/';
  const res = await page.goto(chapter);
  expect(res?.status(), `${chapter} is in the build`).toBe(200);
  const fig = page.locator('figure.widget').first();
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('reset-chart').first()).toHaveAttribute('data-awake', '', { timeout: 20_000 });
  const state = await fig.evaluate((f) => ({ id: f.getAttribute('data-widget')!, asOf: f.getAttribute('data-as-of')!, highlight: f.getAttribute('data-highlight') ?? '' }));
  const href = await fig.locator('a[href^="/embed/?"]').first().getAttribute('href');
  const q = new URL(href!, 'http://x').searchParams;
  expect(q.get('widget')).toBe(state.id);
  if (q.get('asOf')) expect(q.get('asOf')).toBe(state.asOf);
  expect(q.get('highlight') ?? '').toBe(state.highlight);
  await page.goto(href!);
  await expect(page.locator('[data-builder-form] [name="widget"]')).toHaveValue(state.id);
  await expect(page.locator('[data-builder-form] [name="asOf"]')).toHaveValue(state.asOf);
  await expect(page.locator('[data-builder-form] [name="highlight"]')).toHaveValue(state.highlight);
});
