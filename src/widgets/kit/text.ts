/**
 * Text measured from the font files the site serves (src/components/layout/Fonts.astro): fontkit reads the woff2
 * files at build time, lays the text out with kerning at the weight drawn (an instance of the variable font), and
 * gives its advance width. Wrapping, "does it fit" choices and the collision tests all use these widths, so a label
 * that is placed is a label that fits, in the face the reader sees. The served Latin files are build-time subsets of
 * these (src/integrations/font-subset.ts), with the same advances and kerning (to a font unit) for every character the
 * site uses.
 *
 * Build time only: it reads files. Nothing that ships to the browser may import this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { inUnicodeRange, parseUnicodeRange } from '../../lib/font-subset';
import { SERVED } from '../../lib/fonts';

export type Family = 'sans' | 'serif';

export interface TextStyle {
  /** Inter (charts, labels) or Source Serif 4 (body text). Default sans. */
  family?: Family;
  /** Font size in pixels. */
  size: number;
  /** The wght axis: 400 regular, 700 bold… Default 400. */
  weight?: number;
  /** CSS letter-spacing, in em. */
  letterSpacing?: number;
  /**
   * Tabular figures, as every chart sets them (`.w-chart svg { font-variant-numeric: tabular-nums }` in
   * shared/body.css): default true; false for proportional figures (prose).
   */
  tabular?: boolean;
}

/** The served files (src/lib/fonts.ts: SERVED), whole: the build's subsets keep their advances and kerning. */
const FACES = new Map(SERVED.map((f) => [f.family, { file: f.file, pin: f.pin, range: parseUnicodeRange(f.range) }]));

/**
 * A character outside a face's unicode-range (or one its file lacks) is drawn by the reader's system font; it counts
 * as one em, wider than such a glyph in the common fallbacks, so a label holding one never measures short. The pages
 * draw none today (tests/dist/fonts.test.ts).
 */
const MISSING_EM = 1;

/** node_modules, looked for upwards from this module (its packages export only CSS, so they cannot be resolved). */
function fontPath(rel: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'node_modules', rel);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'node_modules', rel);
    dir = up;
  }
}

const files = new Map<string, fontkit.Font>();
const instances = new Map<string, fontkit.Font>();
const widths = new Map<string, number>();

function file(rel: string): fontkit.Font {
  let f = files.get(rel);
  if (!f) {
    f = fontkit.create(readFileSync(fontPath(rel))) as fontkit.Font;
    files.set(rel, f);
  }
  return f;
}

function face(family: Family) {
  const f = FACES.get(family);
  if (!f) throw new Error(`text: no served font for "${family}"`);
  return f;
}

/** The font of a family at a weight (other axes where the build pins them), made once. */
function font(family: Family, weight: number): fontkit.Font {
  const key = `${family}@${weight}`;
  let f = instances.get(key);
  if (!f) {
    const { file: rel, pin } = face(family);
    f = file(rel).getVariation({ ...pin, wght: weight });
    instances.set(key, f);
  }
  return f;
}

/** Splits text into runs the face draws and runs a system font draws. */
function runs(text: string, family: Family, f: fontkit.Font): { text: string; has: boolean }[] {
  const { range } = face(family);
  const out: { text: string; has: boolean }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const has = inUnicodeRange(range, cp) && f.hasGlyphForCodePoint(cp);
    const last = out.at(-1);
    if (last && last.has === has) last.text += ch;
    else out.push({ text: ch, has });
  }
  return out;
}

/** The advance width of a line of text in pixels, kerned, at the style's size and weight. */
export function measure(text: string, style: TextStyle): number {
  const { family = 'sans', size, weight = 400, letterSpacing = 0, tabular = true } = style;
  const key = `${family}|${weight}|${tabular ? 't' : ''}|${text}`;
  let em = widths.get(key);
  if (em === undefined) {
    const f = font(family, weight);
    em = 0;
    for (const r of runs(text, family, f)) {
      if (!r.has) {
        em += [...r.text].length * MISSING_EM;
        continue;
      }
      const features: Record<string, boolean> = { kern: true };
      if (tabular) features.tnum = true;
      em += f.layout(r.text, features).advanceWidth / f.unitsPerEm;
    }
    widths.set(key, em);
  }
  // CSS adds the letter spacing after every character, the last one too.
  return em * size + [...text].length * letterSpacing * size;
}

/** A bordered tag's box (a drawing's REPORTED): its word, measured as drawn, and 4px either side, in whole pixels. */
export const tagWidth = (word: string, style: TextStyle): number => Math.ceil(measure(word, style) + 8);

/** Items joined by `joiner` into lines no wider than `width` (an item wider than the width stands on its own line). */
export function flow(items: readonly string[], width: number, style: TextStyle, joiner = ' · '): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    const next = cur ? `${cur}${joiner}${it}` : it;
    if (cur && measure(next, style) > width) {
      lines.push(cur);
      cur = it;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Words wrapped into lines no wider than `width`. */
export function wrap(text: string, width: number, style: TextStyle): string[] {
  return flow(text.split(/\s+/).filter(Boolean), width, style, ' ');
}

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box a line of text fills, drawn at (x, baseline y) with an SVG text-anchor: its advance, and the font's ascender and descender. */
export function textBox(text: string, x: number, y: number, anchor: 'start' | 'middle' | 'end', style: TextStyle): Box {
  const w = measure(text, style);
  const f = font(style.family ?? 'sans', style.weight ?? 400);
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0, x1: x0 + w, y0: y - (f.ascent / f.unitsPerEm) * style.size, y1: y - (f.descent / f.unitsPerEm) * style.size };
}

/** Whether two boxes come closer than `gap` pixels on both axes (touching at exactly `gap` does not count). */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

/** Every pair of boxes (by key) that overlap. */
export function collisions<K>(boxes: readonly { key: K; box: Box }[], gap = 0): [K, K][] {
  const out: [K, K][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!.box, boxes[j]!.box, gap)) out.push([boxes[i]!.key, boxes[j]!.key]);
  return out;
}

/** Centred on x, unless that would cross `lo` or `hi`: then it starts or ends at x (an axis label at a chart's edge). */
export function anchorWithin(text: string, x: number, style: TextStyle, lo: number, hi: number): 'start' | 'middle' | 'end' {
  const half = measure(text, style) / 2;
  return x - half < lo ? 'start' : x + half > hi ? 'end' : 'middle';
}

/** A line of chart text as a layout writes it: a class that names its style, and optionally runs styled apart. */
export interface ChartText<Cls extends string, RunCls extends string = Cls> {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  cls: Cls;
  color?: string | null;
  /** Runs of differently styled words in one line (the browser spaces them). */
  spans?: { text: string; cls: RunCls; color?: string | null }[];
}

/** The measured width of a chart text in a drawing's styles, run by run where it has runs. */
export function widthIn<S extends Record<string, TextStyle>>(styles: S) {
  return (t: { text: string; cls: keyof S & string; spans?: { text: string; cls: keyof S & string }[] }): number =>
    t.spans ? t.spans.reduce((w, sp) => w + measure(sp.text, styles[sp.cls]!), 0) : measure(t.text, styles[t.cls]!);
}

/**
 * The widest a dated label can be over some years: `write` turns an ISO day into the label ("As of Apr 28, 2026"), and
 * every month of every year is tried on the day of the month whose number is widest in this style (a month without
 * that day, "Feb 31", only ever measures wider). For a label that
 * the browser rewrites as the date moves: the build writes where it must turn to stay inside.
 */
export function widestDated(years: readonly number[], write: (iso: string) => string, style: TextStyle): number {
  // The day's number with the comma after it, as dates are written ("Apr 28, 2026"): kerning may differ by digit.
  const day = Array.from({ length: 22 }, (_, i) => String(10 + i)).reduce((a, b) => (measure(`${b},`, style) > measure(`${a},`, style) ? b : a));
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return Math.max(...years.flatMap((y) => months.map((m) => measure(write(`${y}-${m}-${day}`), style))));
}
