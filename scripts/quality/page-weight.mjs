// What a built page loads on first visit, read statically from the build: HTML, the JavaScript it runs (scripts,
// modulepreloads, island component and renderer chunks and their static imports; inline scripts), its stylesheets
// (and their @imports), the web fonts its text needs, and every subresource URL (for the other-origin rule).
import { readFileSync } from 'node:fs';
import { cssClosure, cssUrls, fileFor, gzipFile, gzipString, inlineScripts, jsClosure, resolveRef } from './dist.mjs';
import { loadedUrls, scanHtml } from './html.mjs';

/** Parses "U+0-FF, U+131, U+4??" into [[lo, hi], …]. */
export function parseUnicodeRange(value) {
  const ranges = [];
  for (const part of value.split(',')) {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) continue;
    if (m[1].includes('?')) ranges.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    else ranges.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
  }
  return ranges;
}

/** The @font-face rules of a stylesheet: { family, style, url (first woff2, else first src), ranges }. */
export function fontFaces(css) {
  const faces = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/gi)) {
    const body = m[1];
    const prop = (name) => new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1].trim();
    const family = (prop('font-family') ?? '').replace(/^["']|["']$/g, '');
    const src = prop('src') ?? '';
    const urls = cssUrls(src);
    const url = urls.find((u) => /\.woff2(?:[?#]|$)/i.test(u)) ?? urls[0];
    const range = prop('unicode-range');
    faces.push({ family, style: (prop('font-style') ?? 'normal').toLowerCase(), url, ranges: range ? parseUnicodeRange(range) : null });
  }
  return faces;
}

const ITALIC_TAGS = ['em', 'i', 'cite', 'dfn', 'var', 'address'];

/** Style rules (selector, declarations) of a stylesheet, @font-face excluded; innermost blocks of @media etc. */
function styleRules(css) {
  const rules = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@font-face\s*\{[^}]*\}/gi, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    rules.push({ selector: m[1].trim(), body: m[2] });
  }
  return rules;
}

/**
 * Does the last compound of a CSS selector (`h2.x[data-astro-cid-y]`, `.a .b > cite`, `:root`) match an element?
 * Rules that depend on state or pseudo-elements (:hover, ::before, :not(…)) never match: the check is static.
 */
function compoundMatches(selector, tag) {
  const last = selector.trim().split(/\s*[\s>+~]\s*/).pop() ?? '';
  if (!last || /::|:(?!root\b)[\w-]+/.test(last.replace(/\[[^\]]*\]/g, ''))) return false;
  if (last.startsWith(':root')) return tag.name === 'html';
  const m = /^([a-z][\w-]*|\*)?/i.exec(last);
  if (m[1] && m[1] !== '*' && m[1].toLowerCase() !== tag.name) return false;
  const classes = (tag.attrs.class ?? '').split(/\s+/);
  for (const c of last.matchAll(/\.([\w-]+)/g)) if (!classes.includes(c[1])) return false;
  for (const id of last.matchAll(/#([\w-]+)/g)) if (tag.attrs.id !== id[1]) return false;
  for (const a of last.matchAll(/\[([\w:-]+)(?:([~|^$*]?=)["']?([^"'\]]*)["']?)?\]/g)) {
    const v = tag.attrs[a[1].toLowerCase()];
    if (v === undefined) return false;
    if (a[2] === '=' && v !== a[3]) return false;
    if (a[2] === '~=' && !v.split(/\s+/).includes(a[3])) return false;
  }
  return true;
}

/**
 * Which font families render italic text on a page, from its CSS the simple way: each element that is italic by
 * default (em, i, cite, dfn, var, address) and is laid out takes the font-family of the nearest element, itself or
 * an ancestor, that a rule gives one (last matching rule in source order; specificity ignored), or the root's.
 * Custom properties are resolved. Italics set by class rules (e.g. SVG labels) are not followed.
 */
function italicFamilies(rules, tags) {
  const vars = new Map();
  for (const r of rules) for (const m of r.body.matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) if (!vars.has(m[1])) vars.set(m[1], m[2].trim());
  const resolve = (value, depth = 0) =>
    depth > 5 ? value : value.replace(/var\(\s*(--[\w-]+)\s*(?:,([^)]*))?\)/g, (_, name, fallback) => resolve(vars.get(name) ?? fallback ?? '', depth + 1));
  const familyRules = rules
    .map((r) => ({ ...r, family: /(?:^|;)\s*font-family\s*:\s*([^;]+)/i.exec(r.body)?.[1] }))
    .filter((r) => r.family && !/^\s*(?:inherit|unset|initial)\s*$/i.test(r.family));
  const firstFamily = (value) => resolve(value).split(',')[0].trim().replace(/^["']|["']$/g, '');
  const cache = new Map();
  const familyOfTag = (index) => {
    if (cache.has(index)) return cache.get(index);
    let family = null;
    const tag = tags[index];
    for (const r of familyRules) if (r.selector.split(',').some((sel) => compoundMatches(sel, tag))) family = firstFamily(r.family);
    if (family === null && tag.parent >= 0) family = familyOfTag(tag.parent);
    cache.set(index, family);
    return family;
  };
  const rootFamily = (() => {
    let f = null;
    for (const r of familyRules) if (r.selector.split(',').some((sel) => /^(?:html|body|:root)$/.test(sel.trim()))) f = firstFamily(r.family);
    return f;
  })();
  const families = new Set();
  tags.forEach((tag, index) => {
    if (!tag.rendered || !ITALIC_TAGS.includes(tag.name)) return;
    const family = familyOfTag(index) ?? rootFamily;
    if (family) families.add(family);
  });
  return families;
}

/**
 * Reads one page. `dir` is the build folder, `path` its URL path, `origins` the site's own origins.
 * Returns sizes (raw and gzip) per kind, the files, and problems (missing files, other-origin loads).
 */
export function pageWeight(file, path, dir, origins) {
  const html = readFileSync(file, 'utf8');
  const scan = scanHtml(html);
  const foreign = [];
  const missing = [];

  const jsEntries = new Set();
  const cssEntries = new Set();
  const preloadedFonts = new Set();
  const images = new Set();

  for (const tag of scan.tags) {
    for (const { attr, url } of loadedUrls(tag)) {
      const r = resolveRef(url, path, origins);
      if (r.kind === 'external') {
        foreign.push(`<${tag.name} ${attr}="${url}"> (line ${tag.line})`);
        continue;
      }
      if (r.kind !== 'internal') continue;
      const rel = (tag.attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (tag.name === 'script' && attr === 'src') jsEntries.add(r.path);
      else if (tag.name === 'astro-island') jsEntries.add(r.path);
      else if (tag.name === 'link' && rel.includes('modulepreload')) jsEntries.add(r.path);
      else if (tag.name === 'link' && rel.includes('stylesheet')) cssEntries.add(r.path);
      else if (tag.name === 'link' && rel.includes('preload') && (tag.attrs.as ?? '') === 'font') preloadedFonts.add(r.path);
      else if (tag.name === 'link' && rel.includes('preload') && (tag.attrs.as ?? '') === 'script') jsEntries.add(r.path);
      else if (tag.name === 'link' && rel.includes('preload') && (tag.attrs.as ?? '') === 'style') cssEntries.add(r.path);
      else if (['img', 'source', 'image', 'use', 'video'].includes(tag.name)) images.add(r.path);
    }
  }

  // JavaScript: external chunks (with static imports) and inline scripts.
  const js = jsClosure([...jsEntries], dir, origins);
  missing.push(...js.missing.map((p) => `script ${p}`));
  const jsFiles = [...js.files].map(([p, f]) => ({ path: p, ...gzipFile(f) }));
  const inline = inlineScripts(scan).map((s) => gzipString(s.content));

  // CSS: linked stylesheets and their @imports; inline <style> is part of the HTML.
  const cssMap = cssClosure([...cssEntries], dir, origins);
  for (const p of cssEntries) if (![...cssMap.keys()].includes(p)) missing.push(`stylesheet ${p}`);
  const cssFiles = [...cssMap].map(([p, f]) => ({ path: p, ...gzipFile(f) }));
  const cssSources = [...cssMap].map(([p, f]) => ({ path: p, css: readFileSync(f, 'utf8') }));
  cssSources.push(...scan.styles.map((s) => ({ path, css: s.content })));
  for (const { path: cssPath, css } of cssSources) {
    for (const url of cssUrls(css)) {
      const r = resolveRef(url, cssPath, origins);
      if (r.kind === 'external') foreign.push(`url(${url}) in ${cssPath === path ? 'an inline <style>' : cssPath}`);
    }
  }

  // Fonts: a face loads when its family is used by a rule, its unicode-range meets the text the page lays out, and
  // (for an italic face) the page lays out italic text in that family (see italicFamilies). Preloads always load.
  const allCss = cssSources.map((s) => s.css).join('\n');
  const rulesCss = allCss.replace(/@font-face\s*\{[^}]*\}/gi, '');
  const italic = italicFamilies(styleRules(allCss), scan.tags);
  const inlineItalic = scan.tags.some((t) => t.rendered && /font-style\s*:\s*italic/i.test(t.attrs.style ?? ''));
  const codePoints = new Set();
  for (const ch of scan.text) codePoints.add(ch.codePointAt(0));
  const cps = [...codePoints];
  const fontPaths = new Set(preloadedFonts);
  for (const { path: cssPath, css } of cssSources) {
    for (const face of fontFaces(css)) {
      if (!face.url || !face.family) continue;
      const familyUsed = rulesCss.includes(face.family) || scan.tags.some((t) => (t.attrs['font-family'] ?? '').includes(face.family));
      if (!familyUsed) continue;
      if (face.style.startsWith('italic') && !italic.has(face.family) && !inlineItalic) continue;
      if (face.ranges && !cps.some((cp) => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi))) continue;
      const r = resolveRef(face.url, cssPath, origins);
      if (r.kind === 'internal') fontPaths.add(r.path);
    }
  }
  const fontFiles = [];
  for (const p of fontPaths) {
    const { file: f } = fileFor(p, dir);
    if (!f) missing.push(`font ${p}`);
    else fontFiles.push({ path: p, ...gzipFile(f) });
  }

  const htmlSize = gzipString(html);
  const sum = (list, key) => list.reduce((s, x) => s + x[key], 0);
  const jsExternal = { raw: sum(jsFiles, 'raw'), gzip: sum(jsFiles, 'gzip') };
  const jsInline = { raw: sum(inline, 'raw'), gzip: sum(inline, 'gzip') };
  const css = { raw: sum(cssFiles, 'raw'), gzip: sum(cssFiles, 'gzip') };
  // woff2 is already compressed; servers send it as is. Count the smaller of raw and gzip (they differ by bytes).
  const fonts = { raw: sum(fontFiles, 'raw'), gzip: fontFiles.reduce((s, f) => s + Math.min(f.raw, f.gzip), 0) };
  const largest = jsFiles.reduce((a, b) => (b.gzip > (a?.gzip ?? -1) ? b : a), null);
  return {
    path,
    html: htmlSize,
    js: { raw: jsExternal.raw + jsInline.raw, gzip: jsExternal.gzip + jsInline.gzip },
    jsExternal,
    jsInline,
    css,
    fonts,
    // Inline scripts and styles are inside the HTML already: not counted twice.
    total: { raw: htmlSize.raw + jsExternal.raw + css.raw + fonts.raw, gzip: htmlSize.gzip + jsExternal.gzip + css.gzip + fonts.gzip },
    jsFiles,
    cssFiles,
    fontFiles,
    largestChunk: largest,
    images: [...images],
    foreign,
    missing,
  };
}
