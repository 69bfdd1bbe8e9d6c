import { expect, test } from '@playwright/test';
import { listBuiltPages } from './helpers';
import { builtChapterSlugs, builtFile, builtHtml, isRedirect, metaContent } from './teach-helpers';
import { pngSize } from '../../src/lib/png';

// Discovery: the RSS feeds and the sitemap parse and list every chapter; robots.txt points at the sitemap;
// every chapter carries NewsArticle JSON-LD; every page's og:image exists and is a 1200×630 PNG.

const slugs = builtChapterSlugs();

/** Parses XML in the browser (DOMParser) and returns the text of every element matching `selector`. */
async function parseXml(page: import('@playwright/test').Page, xml: string, selector: string): Promise<string[]> {
  return page.evaluate(
    ([x, sel]) => {
      const doc = new DOMParser().parseFromString(x, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(`not well-formed XML: ${doc.querySelector('parsererror')!.textContent}`);
      return [...doc.querySelectorAll(sel)].map((e) => e.textContent ?? '');
    },
    [xml, selector] as const,
  );
}

test('the chapters feed parses and lists every chapter', async ({ page, request }) => {
  const res = await request.get('/rss.xml');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/xml/);
  const links = await parseXml(page, await res.text(), 'rss > channel > item > link');
  const paths = links.map((l) => new URL(l).pathname);
  expect(paths.sort()).toEqual(slugs.map((s) => `/chapters/${s}/`).sort());
  const dates = await parseXml(page, await res.text(), 'item > pubDate');
  expect(dates.every((d) => !Number.isNaN(Date.parse(d)))).toBe(true);
});

test('the corrections feed parses and links each correction on /corrections/', async ({ page, request }) => {
  const res = await request.get('/corrections/rss.xml');
  expect(res.status()).toBe(200);
  const links = await parseXml(page, await res.text(), 'rss > channel > item > link');
  expect(links.length).toBeGreaterThan(0);
  await page.goto('/corrections/');
  for (const l of links) {
    const u = new URL(l);
    expect(u.pathname).toBe('/corrections/');
    await expect(page.locator(u.hash)).toHaveCount(1);
  }
});

test('every page links both feeds', async ({ page }) => {
  for (const path of ['/', '/chapters/the-bet/', '/glossary/', '/teach/']) {
    await page.goto(path);
    const feeds = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((ls) => ls.map((l) => new URL(l.getAttribute('href')!).pathname));
    expect(feeds, path).toEqual(['/rss.xml', '/corrections/rss.xml']);
  }
});

test('the sitemap parses and lists every chapter and none of the embeds or handouts', async ({ page, request }) => {
  const index = await parseXml(page, await (await request.get('/sitemap-index.xml')).text(), 'sitemap > loc');
  expect(index.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const loc of index) urls.push(...(await parseXml(page, await (await request.get(new URL(loc).pathname)).text(), 'url > loc')));
  const paths = urls.map((u) => new URL(u).pathname);
  for (const s of slugs) expect(paths).toContain(`/chapters/${s}/`);
  for (const p of ['/', '/glossary/', '/teach/', '/corrections/', '/sources/', '/charts/']) expect(paths).toContain(p);
  expect(paths.filter((p) => p.startsWith('/embed/') || p.endsWith('/handout/'))).toEqual([]);
});

test('robots.txt allows crawling and gives the absolute sitemap address', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toMatch(/^User-agent: \*$/m);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(sitemap).toBeTruthy();
  expect(new URL(sitemap!).pathname).toBe('/sitemap-index.xml');
  expect(new URL(sitemap!).origin).toBe(new URL(metaContent(builtHtml('/'), 'og:url')!).origin);
});

test('every chapter has NewsArticle JSON-LD with dates, author, publisher and image', async ({ page, request }) => {
  test.setTimeout(240_000); // eight chapter pages
  for (const slug of slugs) {
    await page.goto(`/chapters/${slug}/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const article = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'NewsArticle');
    expect(article, slug).toBeTruthy();
    expect(article.headline).toBe((await page.locator('h1').textContent())?.trim());
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(article.dateModified >= article.datePublished).toBe(true);
    expect(article.author[0]['@type']).toBe('Organization');
    expect(article.publisher['@type']).toBe('Organization');
    expect(article.mainEntityOfPage['@id']).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
    expect(article.image[0]).toBe(await page.locator('meta[property="og:image"]').getAttribute('content'));
    const logo = await request.get(new URL(article.publisher.logo.url).pathname);
    expect(logo.status()).toBe(200);
    expect(pngSize(await logo.body())).toEqual({ width: 512, height: 512 });
  }
});

test("every page's og:image exists and is a 1200×630 PNG, with matching Twitter tags", async ({ request }) => {
  test.setTimeout(120_000);
  const pages = listBuiltPages().filter((p) => !isRedirect(builtHtml(p)));
  expect(pages.length).toBeGreaterThan(10);
  const checked = new Set<string>();
  for (const path of pages) {
    const html = builtHtml(path);
    const image = metaContent(html, 'og:image');
    expect(image, `${path}: no og:image`).toBeTruthy();
    expect(metaContent(html, 'og:image:width'), path).toBe('1200');
    expect(metaContent(html, 'og:image:height'), path).toBe('630');
    expect(metaContent(html, 'og:title'), path).toBeTruthy();
    expect(metaContent(html, 'og:url'), path).toBeTruthy();
    expect(metaContent(html, 'twitter:card'), path).toBe('summary_large_image');
    expect(metaContent(html, 'twitter:image'), path).toBe(image);
    const imagePath = new URL(image!).pathname;
    if (checked.has(imagePath)) continue;
    checked.add(imagePath);
    expect(pngSize(builtFile(imagePath)), `${path}: ${imagePath}`).toEqual({ width: 1200, height: 630 });
    const res = await request.get(imagePath);
    expect(res.status(), imagePath).toBe(200);
    expect(res.headers()['content-type'], imagePath).toMatch(/image\/png/);
  }
  // Chapters and charts each have their own card.
  for (const s of slugs) expect(checked).toContain(`/og/chapters/${s}.png`);
  for (const p of pages.filter((x) => /^\/embed\/[a-z-]+\/$/.test(x))) expect(checked).toContain(`/og/widgets/${p.split('/')[2]}.png`);
  expect(checked).toContain('/og/default.png');
});

test('every chapter slug ever published still answers: the chapter, or a redirect to it', async ({ request }) => {
  const { loadPublishedSlugs } = await import('../../src/lib/redirects');
  const published = loadPublishedSlugs();
  for (const slug of slugs) expect(published, `chapter "${slug}" is built but not in content/data/published-slugs.yaml`).toContain(slug);
  for (const slug of published) {
    const res = await request.get(`/chapters/${slug}/`);
    expect(res.status(), `/chapters/${slug}/`).toBe(200);
    const html = await res.text();
    if (isRedirect(html)) {
      const to = /url=([^"'>\s]+)/i.exec(html)?.[1];
      expect(to, `/chapters/${slug}/ redirects nowhere`).toBeTruthy();
      expect(slugs.map((s) => `/chapters/${s}/`), `/chapters/${slug}/ must redirect to a chapter`).toContain(new URL(to!, 'http://x').pathname);
    }
  }
});
