/**
 * Discovery: the RSS feeds and the sitemap are well-formed XML and list what they must; robots.txt points at the
 * sitemap; every chapter carries NewsArticle JSON-LD that agrees with its page; every page's og:image is in the
 * build and is a 1200×630 PNG; every chapter slug ever published still answers.
 */
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/lib/png';
import { loadPublishedSlugs } from '../../src/lib/redirects';
import { chapterSlugs, distDocument, distHas, distHead, distPages, distXml, isRedirect, metaContent, readDist, readDistBytes, readerPages } from './dist';

const slugs = chapterSlugs();
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());

it('the build has chapters', () => {
  expect(slugs.length).toBeGreaterThan(0);
});

it('the chapters feed parses and lists every chapter, with dates', () => {
  const feed = distXml('/rss.xml');
  const paths = texts(feed, 'rss > channel > item > link').map((l) => new URL(l).pathname);
  expect(paths.sort()).toEqual(slugs.map((s) => `/chapters/${s}/`).sort());
  const dates = texts(feed, 'item > pubDate');
  expect(dates).toHaveLength(slugs.length);
  for (const d of dates) expect(Number.isNaN(Date.parse(d)), `pubDate "${d}"`).toBe(false);
});

it('the corrections feed parses and links each correction to an anchor on /corrections/', () => {
  const links = texts(distXml('/corrections/rss.xml'), 'rss > channel > item > link');
  expect(links.length).toBeGreaterThan(0);
  const page = distDocument('/corrections/');
  for (const l of links) {
    const u = new URL(l);
    expect(u.pathname).toBe('/corrections/');
    expect(u.hash, l).not.toBe('');
    expect(page.querySelectorAll(`[id="${u.hash.slice(1)}"]`), `${l}: one element with that id`).toHaveLength(1);
  }
});

it('every page but the embeds links both feeds', () => {
  const pages = readerPages().filter((p) => !/^\/embed\/[^/]+\/$/.test(p.path));
  expect(pages.length).toBeGreaterThan(10);
  for (const { path } of pages) {
    const feeds = [...distHead(path).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) => new URL(l.getAttribute('href')!).pathname);
    expect(feeds, path).toEqual(['/rss.xml', '/corrections/rss.xml']);
  }
});

it('the sitemap parses and lists every chapter and reader page, only pages in the build, no embeds or handouts', () => {
  const index = texts(distXml('/sitemap-index.xml'), 'sitemap > loc');
  expect(index.length).toBeGreaterThan(0);
  const paths = index.flatMap((loc) => texts(distXml(new URL(loc).pathname), 'url > loc')).map((u) => new URL(u).pathname);
  for (const s of slugs) expect(paths).toContain(`/chapters/${s}/`);
  for (const p of ['/', '/glossary/', '/teach/', '/corrections/', '/sources/', '/charts/']) expect(paths).toContain(p);
  expect(paths.filter((p) => p.startsWith('/embed/') || p.endsWith('/handout/'))).toEqual([]);
  for (const p of paths) {
    expect(distHas(p), `${p} is in the sitemap but not in the build`).toBe(true);
    expect(isRedirect(readDist(p)), `${p} is in the sitemap but is a redirect`).toBe(false);
  }
});

it('robots.txt allows crawling and gives the absolute sitemap address on the site', () => {
  const text = readDist('/robots.txt');
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).not.toMatch(/^Disallow: \/\s*$/m);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(sitemap).toBeTruthy();
  expect(new URL(sitemap!).pathname).toBe('/sitemap-index.xml');
  expect(new URL(sitemap!).origin).toBe(new URL(metaContent(distHead('/'), 'og:url')!).origin);
});

describe.each(slugs)('/chapters/%s/', (slug) => {
  it('has NewsArticle JSON-LD with dates, author, publisher and image, agreeing with the page', () => {
    const doc = distDocument(`/chapters/${slug}/`);
    const blocks = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((b) => JSON.parse(b.textContent ?? ''));
    const article = blocks.find((d) => d['@type'] === 'NewsArticle');
    expect(article, slug).toBeTruthy();
    expect(article.headline).toBe((doc.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(article.dateModified >= article.datePublished).toBe(true);
    expect(article.author[0]['@type']).toBe('Organization');
    expect(article.publisher['@type']).toBe('Organization');
    expect(article.mainEntityOfPage['@id']).toBe(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
    expect(article.image[0]).toBe(metaContent(doc, 'og:image'));
    const logo = new URL(article.publisher.logo.url).pathname;
    expect(distHas(logo), `${logo} is in the build`).toBe(true);
    expect(pngSize(readDistBytes(logo))).toEqual({ width: 512, height: 512 });
  });
});

it("every page's og:image is in the build and is a 1200×630 PNG, with matching Twitter tags", () => {
  const pages = readerPages();
  expect(pages.length).toBeGreaterThan(10);
  const checked = new Set<string>();
  for (const { path } of pages) {
    const doc = distHead(path);
    const image = metaContent(doc, 'og:image');
    expect(image, `${path}: no og:image`).toBeTruthy();
    expect(metaContent(doc, 'og:image:width'), path).toBe('1200');
    expect(metaContent(doc, 'og:image:height'), path).toBe('630');
    expect(metaContent(doc, 'og:title'), path).toBeTruthy();
    expect(metaContent(doc, 'og:url'), path).toBeTruthy();
    expect(metaContent(doc, 'twitter:card'), path).toBe('summary_large_image');
    expect(metaContent(doc, 'twitter:image'), path).toBe(image);
    const imagePath = new URL(image!).pathname;
    if (checked.has(imagePath)) continue;
    checked.add(imagePath);
    expect(distHas(imagePath), `${path}: ${imagePath} is in the build`).toBe(true);
    expect(pngSize(readDistBytes(imagePath)), `${path}: ${imagePath}`).toEqual({ width: 1200, height: 630 });
  }
  // Chapters and charts each have their own card.
  for (const s of slugs) expect(checked).toContain(`/og/chapters/${s}.png`);
  for (const p of pages.filter((x) => /^\/embed\/[a-z-]+\/$/.test(x.path))) expect(checked).toContain(`/og/widgets/${p.path.split('/')[2]}.png`);
  expect(checked).toContain('/og/default.png');
});

it('every chapter slug ever published still answers: the chapter, or a redirect to it', () => {
  const published = loadPublishedSlugs();
  for (const slug of slugs) expect(published, `chapter "${slug}" is built but not in content/data/published-slugs.yaml`).toContain(slug);
  const byPath = new Map(distPages().map((p) => [p.path, p]));
  for (const slug of published) {
    const page = byPath.get(`/chapters/${slug}/`);
    expect(page, `/chapters/${slug}/ is not in the build`).toBeTruthy();
    if (page!.redirect) {
      const to = /url=([^"'>\s]+)/i.exec(page!.html)?.[1];
      expect(to, `/chapters/${slug}/ redirects nowhere`).toBeTruthy();
      expect(slugs.map((s) => `/chapters/${s}/`), `/chapters/${slug}/ must redirect to a chapter`).toContain(new URL(to!, 'http://x').pathname);
    }
  }
});
