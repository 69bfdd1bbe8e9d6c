/**
 * The built site as files, for the Node tier (tests/dist/*.test.ts): where it is, its pages and files, and each page
 * parsed once by a real HTML parser (jsdom, scripts never run). Nothing here serves HTTP: a property of a file is
 * read from the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

// jsdom ships no types of its own (the unit tests use it only as vitest's environment): the one constructor used here.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options?: { contentType?: string }) => { window: { document: Document } };
};

/** The built site's folder, as astro.config.mjs and scripts/test.mjs resolve it. */
export const DIST = resolve(process.env.RESET_OUT_DIR || 'dist');

if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error(`no built site in ${DIST}: build it first (npx astro build, or npm test)`);
}

/** The file a site path names: `/x/` → x/index.html, `/x.json` → x.json. */
export function distFile(path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  return join(DIST, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export const distHas = (path: string) => existsSync(distFile(path));

export function readDist(path: string): string {
  return readFileSync(distFile(path), 'utf8');
}

export function readDistBytes(path: string): Buffer {
  return readFileSync(distFile(path));
}

/** Every file in the build as a site path (`/data/money-flows.csv`), optionally only those ending in `ext`. Sorted. */
export function distFiles(ext = ''): string[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => `/${relative(DIST, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .sort();
}

export const isRedirect = (html: string) => /<meta\s[^>]*http-equiv=["']?refresh/i.test(html);

export interface DistPage {
  /** URL path: `/`, `/chapters/the-bet/`, `/404.html`. */
  path: string;
  html: string;
  /** A meta-refresh page left for an old chapter address. */
  redirect: boolean;
}

let pages: DistPage[] | null = null;

/** Every built HTML page (Astro's `_astro/` and Pagefind's folder hold none), redirects included. Sorted by path. */
export function distPages(): DistPage[] {
  pages ??= distFiles('.html').map((file) => {
    const path = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    const html = readFileSync(join(DIST, file), 'utf8');
    return { path, html, redirect: isRedirect(html) };
  });
  return pages;
}

/** The pages a reader reads: every page but the redirects. */
export const readerPages = () => distPages().filter((p) => !p.redirect);

const documents = new Map<string, Document>();

/** A built page parsed as a browser parses it (without running its scripts). Cached per path. */
export function distDocument(path: string): Document {
  let doc = documents.get(path);
  if (!doc) {
    doc = new JSDOM(readDist(path)).window.document;
    documents.set(path, doc);
  }
  return doc;
}

const heads = new Map<string, Document>();

/**
 * Only the <head> of a built page, parsed: for checks of its metadata, about twenty times faster than the whole page
 * (a chapter carries hundreds of kilobytes of SVG). Cached per path.
 */
export function distHead(path: string): Document {
  let doc = heads.get(path);
  if (!doc) {
    const html = readDist(path);
    const end = html.search(/<\/head\s*>/i);
    if (end < 0) throw new Error(`${path}: no </head>`);
    doc = new JSDOM(html.slice(0, end)).window.document;
    heads.set(path, doc);
  }
  return doc;
}

/** An XML file of the build, parsed; a file that is not well-formed XML throws. */
export function distXml(path: string): Document {
  return new JSDOM(readDist(path), { contentType: 'application/xml' }).window.document;
}

/** Chapter slugs in the build: every /chapters/<slug>/ page that is not a redirect. */
export function chapterSlugs(): string[] {
  return readerPages()
    .map((p) => /^\/chapters\/([^/]+)\/$/.exec(p.path)?.[1])
    .filter((s): s is string => !!s);
}

/** Widgets with an embed page in the build (/embed/<id>/), sorted. */
export function embedWidgets(): string[] {
  return readerPages()
    .map((p) => /^\/embed\/([^/]+)\/$/.exec(p.path)?.[1])
    .filter((s): s is string => !!s);
}

/** The content of <meta property|name="key"> in a parsed page. */
export function metaContent(doc: Document, key: string): string | null {
  return doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
}
