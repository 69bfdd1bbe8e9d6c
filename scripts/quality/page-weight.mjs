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

const ITALIC_TAGS = new Set(['em', 'i', 'cite', 'dfn', 'var', 'address']);

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

  // Fonts: a face loads when its family is used by a rule, its unicode-range meets the page's text, and (for
  // italics) the page has italic text. Preloaded fonts always load.
  const allCss = cssSources.map((s) => s.css).join('\n');
  const rulesCss = allCss.replace(/@font-face\s*\{[^}]*\}/gi, '');
  const usesItalic = scan.tags.some((t) => ITALIC_TAGS.has(t.name)) || /font-style\s*:\s*italic/i.test(rulesCss);
  const codePoints = new Set();
  for (const ch of scan.text) codePoints.add(ch.codePointAt(0));
  const cps = [...codePoints];
  const fontPaths = new Set(preloadedFonts);
  for (const { path: cssPath, css } of cssSources) {
    for (const face of fontFaces(css)) {
      if (!face.url || !face.family) continue;
      const familyUsed = rulesCss.includes(face.family) || scan.tags.some((t) => (t.attrs['font-family'] ?? '').includes(face.family));
      if (!familyUsed) continue;
      if (face.style.startsWith('italic') && !usesItalic) continue;
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
