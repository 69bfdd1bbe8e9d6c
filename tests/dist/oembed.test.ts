/**
 * oEmbed: a static JSON per widget and per chapter's lead chart, each complete (oEmbed 1.0 "rich") with exactly one
 * iframe (after WordPress's blockquote fallback) and no script in its html, pointing at an embed page and a 1200×630 card that are in the build; every embed
 * and chapter page has exactly one discovery link, early in its <head>, and it names one of those files.
 */
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/lib/png';
import { siteUrl } from '../../src/lib/site';
import { chapterSlugs, distHead, distFiles, distHas, embedWidgets, readDist, readDistBytes } from './dist';

const widgets = embedWidgets();
const chapters = chapterSlugs();
const oembeds = distFiles('.json').filter((f) => f.startsWith('/oembed/'));

/** The path part of an address the build writes absolute to the configured site. */
function pathOf(href: string): string {
  expect(href.startsWith(`${siteUrl()}/`), `${href} is absolute on the site (${siteUrl()})`).toBe(true);
  return new URL(href).pathname;
}

const REQUIRED = ['version', 'type', 'html', 'width', 'height', 'title', 'provider_name', 'provider_url', 'author_name', 'cache_age', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height'];

it('there is an oEmbed answer for every widget (its compact and its full view) and every chapter, and no other', () => {
  expect(widgets.length).toBeGreaterThan(0);
  expect(chapters.length).toBeGreaterThan(0);
  expect(oembeds.sort()).toEqual(
    [...chapters.map((c) => `/oembed/chapters/${c}.json`), ...widgets.map((id) => `/oembed/${id}.json`), ...widgets.map((id) => `/oembed/full/${id}.json`)].sort(),
  );
});

describe.each(oembeds)('%s', (path) => {
  it('is oEmbed 1.0 rich: one iframe to an embed page in the build, no script, a 1200×630 card', () => {
    const o = JSON.parse(readDist(path)) as Record<string, unknown>;
    for (const k of REQUIRED) expect(o[k], `${path}: ${k}`).toBeDefined();
    expect(o.version).toBe('1.0');
    expect(o.type).toBe('rich');
    expect(o.provider_name).toBe('The Reset');
    for (const k of ['width', 'height', 'cache_age', 'thumbnail_width', 'thumbnail_height']) expect(Number.isInteger(o[k]) && (o[k] as number) > 0, k).toBe(true);
    expect([o.thumbnail_width, o.thumbnail_height]).toEqual([1200, 630]);
    const html = String(o.html);
    expect(html.match(/<iframe\b/gi)?.length, 'exactly one iframe').toBe(1);
    expect(html.match(/<\/iframe>/gi)?.length).toBe(1);
    expect(html, 'no script: WordPress strips scripts').not.toMatch(/<script/i);
    // WordPress's provider shape: a blockquote fallback (what makes WordPress load wp-embed.js), then the iframe.
    expect(html.replace(/^<blockquote class="wp-embedded-content"[^>]*><a href="[^"]+">[^<]+<\/a><\/blockquote>/, '').replace(/<iframe\b[^>]*><\/iframe>/, ''), 'a blockquote and the iframe, nothing else').toBe('');
    expect(html).toMatch(/<iframe\b[^>]*\sclass="wp-embedded-content"/);
    const src = html.match(/\ssrc="([^"]*)"/)![1]!;
    // The full view's answer loads the same embed page with view=full; every other answer the compact default.
    expect(new URL(src.replace(/&amp;/g, '&')).search, 'the view the answer names').toBe(path.startsWith('/oembed/full/') ? '?view=full' : '');
    const embedPath = pathOf(src.replace(/\?.*$/, ''));
    expect(embedPath).toMatch(/^\/embed\/[a-z-]+\/$/);
    expect(widgets).toContain(embedPath.split('/')[2]);
    expect(html).toContain(`height="${o.height}"`);
    const thumbnail = pathOf(String(o.thumbnail_url));
    expect(thumbnail).toMatch(/^\/og\/widgets\/[a-z-]+\.png$/);
    expect(distHas(thumbnail), `${thumbnail} is in the build`).toBe(true);
    expect(pngSize(readDistBytes(thumbnail)), thumbnail).toEqual({ width: 1200, height: 630 });
  });
});

describe.each([...widgets.map((id) => `/embed/${id}/`), ...chapters.map((s) => `/chapters/${s}/`)])('%s', (page) => {
  it('has one oEmbed discovery link naming a rich answer in the build (on an embed page, early in <head>)', () => {
    const doc = distHead(page);
    const links = [...doc.querySelectorAll('link[rel="alternate"][type="application/json+oembed"]')];
    expect(links, `${page}: oEmbed discovery links`).toHaveLength(1);
    const head = [...doc.head.children];
    const at = head.indexOf(links[0]!);
    if (page.startsWith('/embed/')) {
      // Early: a consumer may read only the start of a page when it looks for the link.
      expect(at, 'among the first elements of <head>').toBeLessThanOrEqual(3);
      expect(at, 'before <title>').toBeLessThan(head.findIndex((e) => e.tagName === 'TITLE'));
    }
    const target = pathOf(links[0]!.getAttribute('href')!);
    expect(distHas(target), `${page} → ${target}`).toBe(true);
    expect(JSON.parse(readDist(target)).type).toBe('rich');
  });
});
