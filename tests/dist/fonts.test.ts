/**
 * The served fonts are subsets (src/integrations/font-subset.ts): small, yet holding every character the pages draw
 * and every weight the CSS asks for. A page that starts using a character or a weight the subset lacks fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cssContentChars, htmlChars, inUnicodeRange, parseUnicodeRange, SAFETY_CHARS } from '../../src/lib/font-subset';
import { SERVED, type ServedFont, servedName, WEIGHTS } from '../../src/lib/fonts';
import { distFiles, distPages, readDist, readDistBytes, readerPages } from './dist';

const require = createRequire(import.meta.url);

/** The font files the pages preload, with the SERVED entry each is cut from. */
function preloaded(): Map<ServedFont, string> {
  const found = new Map<ServedFont, string>();
  for (const page of readerPages()) {
    for (const [link] of page.html.matchAll(/<link\b[^>]*\bas="font"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(link)?.[1];
      const font = SERVED.find((f) => href?.startsWith(`/_astro/${servedName(f)}.`));
      if (!href || !font) throw new Error(`${page.path}: preloads a font that is not a served subset: ${link}`);
      found.set(font, href);
    }
  }
  return found;
}

const served = (href: string) => fontkit.create(readDistBytes(href)) as fontkit.Font;
const original = (font: ServedFont) => fontkit.create(readFileSync(require.resolve(font.file))) as fontkit.Font;

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

  /** Every character the pages and the stylesheets draw, with where it is first drawn (controls and formats are not). */
  function drawn(): Map<string, string> {
    const where = new Map<string, string>();
    for (const page of distPages()) {
      for (const ch of htmlChars(page.html)) if (!where.has(ch)) where.set(ch, page.path);
    }
    for (const css of distFiles('.css').filter((f) => f.startsWith('/_astro/'))) {
      for (const ch of cssContentChars(readDist(css))) if (!where.has(ch)) where.set(ch, css);
    }
    for (const ch of where.keys()) if (/\p{Cc}|\p{Cf}/u.test(ch)) where.delete(ch);
    return where;
  }
  const named = ([ch, where]: [string, string]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, ${where})`;

  it('draw every character the pages draw, the arrows too: none is left to a system font', () => {
    const sans = SERVED.find((f) => f.family === 'sans')!;
    const range = parseUnicodeRange(sans.range);
    const inter = original(sans);
    const chars = drawn();
    expect(chars.size).toBeGreaterThan(95);
    for (const arrow of '←→') expect(chars.has(arrow), arrow).toBe(true);
    const fallback = [...chars].filter(([ch]) => !inUnicodeRange(range, ch.codePointAt(0)!) || !inter.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(fallback.map(named)).toEqual([]);
  });

  it('are the two subsets, each under 30 KB and smaller than the original', () => {
    expect([...fonts.keys()].map(servedName).sort()).toEqual(SERVED.map(servedName).sort());
    for (const [font, href] of fonts) {
      const size = readDistBytes(href).length;
      expect(size, href).toBeLessThan(30 * 1024);
      expect(size, href).toBeLessThan(readFileSync(require.resolve(font.file)).length);
    }
  });

  it("keep every character in a face's range that the pages draw and the safety set, as the originals do", () => {
    const chars = drawn();
    for (const ch of SAFETY_CHARS) if (!chars.has(ch)) chars.set(ch, 'the safety set');
    for (const [face, href] of fonts) {
      const range = parseUnicodeRange(face.range);
      const subset = served(href);
      // A character the original lacks too (U+202F) was never the subset's to keep: the fallback draws it either way.
      const whole = original(face);
      const missing = [...chars].filter(([ch]) => {
        const cp = ch.codePointAt(0)!;
        return inUnicodeRange(range, cp) && whole.hasGlyphForCodePoint(cp) && !subset.hasGlyphForCodePoint(cp);
      });
      expect(missing.map(named), href).toEqual([]);
    }
  });

  it('keep only the wght axis, cut to WEIGHTS, with the other axes pinned', () => {
    for (const [face, href] of fonts) {
      const axes = served(href).variationAxes;
      expect(Object.keys(axes), href).toEqual(['wght']);
      expect([axes.wght!.min, axes.wght!.max], href).toEqual([WEIGHTS.min, WEIGHTS.max]);
      expect(Object.keys(original(face).variationAxes).sort(), face.file).toEqual(['wght', ...Object.keys(face.pin)].sort());
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
