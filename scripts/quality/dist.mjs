// The built site as the post-build checks and the bench see it: every HTML page (whatever the build contains, never
// a fixed list), page types, URL resolution inside the site, gzip sizes and the static JavaScript graph of a page.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cssUrls, isExecutableScript, scanHtml } from './html.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** The build folder the checks read: RESET_OUT_DIR (as scripts/test.mjs sets it) or ./dist. */
export function outDir() {
  const dir = resolve(ROOT, process.env.RESET_OUT_DIR || 'dist');
  if (!existsSync(dir)) throw new Error(`no build output at ${dir}: run the build first (RESET_OUT_DIR)`);
  return realpathSync(dir);
}

/**
 * Every built .html file as { file, path, rel }: `index.html` files as their folder URL (`/`, `/chapters/x/`),
 * other files by name (`/404.html`). Astro's `_astro/` asset folder is skipped. Sorted by path.
 */
export function listPages(dir = outDir()) {
  const pages = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (current === dir && entry.name === '_astro') continue;
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        const path = entry.name === 'index.html' ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        pages.push({ file: full, path, rel });
      }
    }
  };
  walk(dir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A page's type, from its URL: home, chapter (/chapters/<slug>/), embed (/embed/<widget>/), embed-builder (/embed/),
 * teach (/teach/ and /teach/<slug>/), glossary, … and for anything else its first path segment (or file name).
 */
export function pageType(path) {
  const segs = path.split('/').filter(Boolean);
  if (segs.length === 0) return 'home';
  if (segs[0] === 'chapters' && segs.length === 2) return 'chapter';
  if (segs[0] === 'embed') return segs.length === 1 ? 'embed-builder' : 'embed';
  return segs[0].replace(/\.html$/, '');
}

/** True for a meta-refresh redirect page (Astro writes these for `redirects`). */
export function isRedirectPage(html) {
  return /<meta\s[^>]*http-equiv=["']?refresh/i.test(html);
}

/**
 * The site's own origins: the one in the home page's canonical link (SITE_URL at build time), SITE_URL itself, and
 * Astro's default. Absolute URLs with one of these origins point into the site.
 */
export function ownOrigins(dir = outDir()) {
  const origins = new Set(['http://localhost:4321']);
  if (process.env.SITE_URL) {
    try {
      origins.add(new URL(process.env.SITE_URL).origin);
    } catch {
      /* ignore a malformed SITE_URL here; the build reports it */
    }
  }
  const home = join(dir, 'index.html');
  if (existsSync(home)) {
    const canonical = scanHtml(readFileSync(home, 'utf8')).tags.find(
      (t) => t.name === 'link' && (t.attrs.rel ?? '').toLowerCase() === 'canonical' && t.attrs.href,
    );
    if (canonical) {
      try {
        origins.add(new URL(canonical.attrs.href).origin);
      } catch {
        /* relative canonical: nothing to add */
      }
    }
  }
  return origins;
}

const BASE = 'http://site.invalid';

/**
 * Resolves a reference found on a page (or in a CSS/JS file at `fromPath`) against that URL.
 * Returns { kind: 'internal', path, hash } for a URL inside the site, { kind: 'external', url } for another origin,
 * or { kind: 'other' } for mailto:, data:, javascript:, tel:, blob: and empty references.
 */
export function resolveRef(ref, fromPath, origins) {
  const raw = ref.trim();
  if (!raw) return { kind: 'other' };
  if (/^(?:mailto|tel|data|javascript|blob|about|sms|geo|webcal|feed):/i.test(raw)) return { kind: 'other' };
  let url;
  try {
    url = new URL(raw, BASE + fromPath);
  } catch {
    return { kind: 'invalid', url: raw };
  }
  if (url.origin !== BASE) {
    if (!origins.has(url.origin)) return { kind: 'external', url: url.href };
  }
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return { kind: 'internal', path, hash: url.hash ? safeDecode(url.hash.slice(1)) : '', search: url.search };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The file a URL path is served from, under trailingSlash: 'always' and build.format: 'directory':
 * `/x/` → x/index.html; `/x.css` → x.css; `/x` (no extension) → none (it would 404 in `astro preview`).
 * Returns { file } or { file: null, reason }.
 */
export function fileFor(path, dir = outDir()) {
  const clean = posix.normalize(path);
  if (clean.includes('\0') || clean.split('/').includes('..')) return { file: null, reason: 'path escapes the site' };
  const abs = join(dir, ...clean.split('/').filter(Boolean));
  if (clean.endsWith('/')) {
    const index = join(abs, 'index.html');
    return existsSync(index) ? { file: index } : { file: null, reason: `no ${relative(dir, index)}` };
  }
  if (existsSync(abs) && statSync(abs).isFile()) return { file: abs };
  if (existsSync(join(abs, 'index.html'))) return { file: null, reason: `missing trailing slash (trailingSlash: 'always'): use ${path}/` };
  return { file: null, reason: `no file ${relative(dir, abs) || '/'}` };
}

const gzCache = new Map();
/** gzip size (zlib default level, what servers commonly send) of a file, cached. */
export function gzipFile(file) {
  let v = gzCache.get(file);
  if (!v) {
    const buf = readFileSync(file);
    v = { raw: buf.length, gzip: gzipSync(buf).length };
    gzCache.set(file, v);
  }
  return v;
}
export function gzipString(s) {
  const buf = Buffer.from(s);
  return { raw: buf.length, gzip: gzipSync(buf).length };
}

// Static imports in a bundled ES module: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`.
// Dynamic `import("…")` is not followed: it loads on demand, not on first load.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** The static import specifiers of a JS file's source. */
export function staticImports(code) {
  const out = [];
  let m;
  STATIC_IMPORT.lastIndex = 0;
  while ((m = STATIC_IMPORT.exec(code))) out.push(m[1]);
  return out;
}

/**
 * Follows a set of entry JS URL paths through their static imports. Returns { files: Map<path, file>, missing: [] }.
 */
export function jsClosure(entryPaths, dir, origins) {
  const files = new Map();
  const missing = [];
  const queue = [...entryPaths];
  while (queue.length) {
    const p = queue.shift();
    if (files.has(p)) continue;
    const { file } = fileFor(p, dir);
    if (!file) {
      missing.push(p);
      files.set(p, null);
      continue;
    }
    files.set(p, file);
    const code = readFileSync(file, 'utf8');
    for (const spec of staticImports(code)) {
      const r = resolveRef(spec, p, origins);
      if (r.kind === 'internal') queue.push(r.path);
    }
  }
  for (const [p, f] of files) if (!f) files.delete(p);
  return { files, missing };
}

/** A CSS file and everything it @imports, as Map<path, file>. */
export function cssClosure(entryPaths, dir, origins) {
  const files = new Map();
  const queue = [...entryPaths];
  while (queue.length) {
    const p = queue.shift();
    if (files.has(p)) continue;
    const { file } = fileFor(p, dir);
    files.set(p, file);
    if (!file) continue;
    const css = readFileSync(file, 'utf8');
    for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi)) {
      const r = resolveRef(m[1], p, origins);
      if (r.kind === 'internal') queue.push(r.path);
    }
  }
  for (const [p, f] of files) if (!f) files.delete(p);
  return files;
}

/** The executable inline scripts of a scanned page. */
export function inlineScripts(scan) {
  return scan.scripts.filter((s) => !s.attrs.src && isExecutableScript(s.attrs) && s.content.trim());
}

export { cssUrls };

/** Human-readable KB with one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
