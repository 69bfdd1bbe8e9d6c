/**
 * oEmbed: a static JSON per widget and per chapter's lead chart, each complete (oEmbed 1.0 "rich") with exactly one
 * iframe and no script in its html; every discovery link on every page resolves to one of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtWidgets, outDir } from './embed-helpers';
import { listBuiltPages } from './helpers';
import { siteUrl } from '../../src/lib/site';

const dir = outDir();
const widgets = builtWidgets();
const jsonFiles = (sub: string) =>
  existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.json')).map((f) => `/${sub}/${f}`) : [];
const oembeds = [...jsonFiles('oembed'), ...jsonFiles('oembed/chapters')];
const chapters = listBuiltPages(dir).filter((p) => /^\/chapters\/[^/]+\/$/.test(p));

/** Every <link rel=alternate type=application/json+oembed> in a built page. */
function discovery(path: string): string[] {
  const file = join(dir, path, 'index.html');
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/<link\b[^>]*type="application\/json\+oembed"[^>]*>/g)].map((m) => m[0].match(/href="([^"]*)"/)?.[1] ?? '');
}

/** The path part of a discovery href: it is absolute to the configured site, the tests serve at baseURL. */
function pathOf(href: string): string {
  expect(href.startsWith(`${siteUrl()}/`), `${href} is absolute on the site (${siteUrl()})`).toBe(true);
  return new URL(href).pathname;
}

const REQUIRED = ['version', 'type', 'html', 'width', 'height', 'title', 'provider_name', 'provider_url', 'author_name', 'cache_age', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height'];

test('there is an oEmbed answer for every widget and every chapter whose lead chart is built', () => {
  for (const id of widgets) expect(oembeds, id).toContain(`/oembed/${id}.json`);
  for (const c of chapters) expect(oembeds, c).toContain(`/oembed/chapters/${c.split('/')[2]}.json`);
  expect(oembeds.length).toBeGreaterThan(0);
});

for (const path of oembeds) {
  test(`${path}: oEmbed 1.0 rich, one iframe to an embed page, no script`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/json/);
    const o = (await res.json()) as Record<string, unknown>;
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
    expect(html.replace(/<iframe\b[^>]*><\/iframe>/, ''), 'nothing but the iframe').toBe('');
    const src = html.match(/\ssrc="([^"]*)"/)![1]!;
    const embedPath = pathOf(src);
    expect(embedPath).toMatch(/^\/embed\/[a-z-]+\/$/);
    expect(widgets).toContain(embedPath.split('/')[2]);
    expect(html).toContain(`height="${o.height}"`);
    expect((await request.get(embedPath)).status(), `${src} resolves`).toBe(200);
    expect(String(o.thumbnail_url)).toMatch(/\/og\/widgets\/[a-z-]+\.png$/);
    if (existsSync(join(dir, 'og'))) expect((await request.get(pathOf(String(o.thumbnail_url)))).status(), 'thumbnail exists').toBe(200);
  });
}

test('every embed page and every chapter page has one discovery link, and it resolves', async ({ request }) => {
  const pages = [...widgets.map((id) => `/embed/${id}/`), ...chapters];
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    const links = discovery(p);
    expect(links, `${p}: oEmbed discovery links`).toHaveLength(1);
    const res = await request.get(pathOf(links[0]!));
    expect(res.status(), `${p} → ${links[0]}`).toBe(200);
    const o = await res.json();
    expect(o.type).toBe('rich');
  }
  test.info().annotations.push({ type: 'pages checked', description: String(pages.length) });
});
