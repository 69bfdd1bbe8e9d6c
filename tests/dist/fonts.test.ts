/**
 * The served Latin fonts are subsets (src/integrations/font-subset.ts): small, yet holding every character the pages
 * draw and every weight the CSS asks for. A page that starts using a character or a weight the subset lacks fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cssContentChars, htmlChars, inUnicodeRange, parseUnicodeRange, SAFETY_CHARS } from '../../src/lib/font-subset';
import { LATIN, PRELOADED } from '../../src/lib/fonts';
import { distFiles, distPages, readDist, readDistBytes, readerPages } from './dist';

const require = createRequire(import.meta.url);

/** The font files the pages preload, by fontsource base name. */
function preloaded(): Map<string, string> {
  const found = new Map<string, string>();
  for (const page of readerPages()) {
    for (const [link] of page.html.matchAll(/<link\b[^>]*\bas="font"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(link)?.[1];
      const base = PRELOADED.find((b) => href?.startsWith(`/_astro/${b}.`));
      if (!href || !base) throw new Error(`${page.path}: preloads a font that is not a subset Latin file: ${link}`);
      found.set(base, href);
    }
  }
  return found;
}

const served = (href: string) => fontkit.create(readDistBytes(href)) as fontkit.Font;
const originalPath = (base: string) => require.resolve(`@fontsource-variable/${base.replace(/-latin-wght-normal$/, '')}/files/${base}.woff2`);

/** Every weight a text names: `font-weight:600`, `font-weight="bold"`, `font:700 9.5px …` (not @font-face spans). */
function weightsIn(text: string): number[] {
  const rules = text.replace(/@font-face\s*\{[^}]*\}/g, '');
  const named = [
    ...rules.matchAll(/font-weight\s*[:=]\s*["']?\s*(\d+|bold|normal)\b/gi),
    ...rules.matchAll(/(?<![\w-])font\s*:\s*(?:(?:italic|oblique|normal|small-caps)\s+)*(\d+|bold)\s/gi),
  ];
  return named.map(([, w]) => ({ bold: 700, normal: 400 })[w!.toLowerCase()] ?? Number(w));
}

describe('the served fonts', () => {
  const fonts = preloaded();

  it('are one face a family on every page, and that face is the file the page preloads', () => {
    // A family with a face the page does not load costs Chromium a stand-in system font for every size it lays out
    // (Fonts.astro): six system font lookups and sixteen font strikes in a chapter's first layout.
    let pages = 0;
    for (const page of readerPages()) {
      const faces = [...page.html.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => ({
        family: /font-family:\s*'([^']+)'/.exec(body!)?.[1],
        src: /src:\s*url\(([^)]+)\)/.exec(body!)?.[1],
      }));
      if (!faces.length) continue;
      pages++;
      const families = faces.map((f) => f.family);
      expect(new Set(families).size, `${page.path}: ${families.join(', ')}`).toBe(families.length);
      const loads = [...page.html.matchAll(/<link\b[^>]*\bas="font"[^>]*>/g)].map(([link]) => /\bhref="([^"]+)"/.exec(link)?.[1]);
      for (const f of faces) expect(loads, `${page.path}: ${f.family} from ${f.src}`).toContain(f.src);
    }
    expect(pages).toBeGreaterThan(30);
  });

  it('hold every character the pages draw, but the two arrows a system font draws (kit/README.md)', () => {
    const latin = parseUnicodeRange(LATIN);
    const outside = new Map<string, string>();
    for (const page of distPages()) {
      for (const ch of htmlChars(page.html)) {
        if (!inUnicodeRange(latin, ch.codePointAt(0)!) && !/\p{Cc}|\p{Cf}/u.test(ch) && !outside.has(ch)) outside.set(ch, page.path);
      }
    }
    expect([...outside].map(([ch, page]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}, ${page})`).sort()).toEqual([
      `← (U+2190, ${outside.get('←')})`,
      `→ (U+2192, ${outside.get('→')})`,
    ]);
  });

  it('are the two Latin subsets, each under 30 KB and smaller than the original', () => {
    expect([...fonts.keys()].sort()).toEqual([...PRELOADED].sort());
    for (const [base, href] of fonts) {
      const size = readDistBytes(href).length;
      expect(size, href).toBeLessThan(30 * 1024);
      expect(size, href).toBeLessThan(readFileSync(originalPath(base)).length);
    }
  });

  it('have a glyph for every Latin character the pages draw and the safety set, as the originals do', () => {
    const latin = parseUnicodeRange(LATIN);
    // Where each character is first drawn, for the message.
    const where = new Map<string, string>();
    for (const page of distPages()) {
      for (const ch of htmlChars(page.html)) if (!where.has(ch)) where.set(ch, page.path);
    }
    for (const css of distFiles('.css').filter((f) => f.startsWith('/_astro/'))) {
      for (const ch of cssContentChars(readDist(css))) if (!where.has(ch)) where.set(ch, css);
    }
    for (const ch of SAFETY_CHARS) if (!where.has(ch)) where.set(ch, 'the safety set');
    // Control and format characters (a newline, a soft hyphen) are never drawn.
    const drawn = [...where].filter(([ch]) => inUnicodeRange(latin, ch.codePointAt(0)!) && !/\p{Cc}|\p{Cf}/u.test(ch));
    expect(drawn.length).toBeGreaterThan(95);
    for (const [base, href] of fonts) {
      const font = served(href);
      // A character the original lacks too (U+202F) was never the subset's to keep: the fallback draws it either way.
      const original = fontkit.create(readFileSync(originalPath(base))) as fontkit.Font;
      const missing = drawn.filter(([ch]) => original.hasGlyphForCodePoint(ch.codePointAt(0)!) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing.map(([ch, page]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, ${page})`), href).toEqual([]);
    }
  });

  it('span every weight the CSS and the SVG text use', () => {
    const texts = [
      ...distFiles('.css').filter((f) => f.startsWith('/_astro/')).map(readDist),
      ...distPages().map((p) => p.html),
    ];
    // Chart text the runtime writes: `{"font-weight":700}` in its scripts.
    const scripted = distFiles('.js')
      .filter((f) => f.startsWith('/_astro/'))
      .flatMap((f) => [...readDist(f).matchAll(/"font-weight"\s*:\s*(\d+)/g)].map(([, w]) => Number(w)));
    const weights = [...new Set([...texts.flatMap(weightsIn), ...scripted])].sort((a, b) => a - b);
    expect(weights).toContain(400);
    expect(weights).toContain(800);
    for (const [, href] of fonts) {
      const axis = served(href).variationAxes.wght;
      expect(axis, href).toBeDefined();
      const outside = weights.filter((w) => w < axis!.min || w > axis!.max);
      expect(outside, `${href} spans ${axis!.min}–${axis!.max}`).toEqual([]);
    }
  });
});
