/**
 * Social cards (Open Graph / Twitter, 1200×630 PNG), drawn at build time with satori (layout to SVG) and resvg
 * (SVG to PNG): no third-party service. The look follows the site: paper background, serif title, sans kicker,
 * and a bar in the colors of the companies the page is about, each named beside its swatch.
 * Fonts are the static @fontsource WOFF files (satori cannot read WOFF2).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { ColorToken } from './og-colors';
import { COMPANY_COLORS } from './og-colors';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface CardCompany {
  name: string;
  color: ColorToken;
}

export interface CardInput {
  /** Small capitals above the title: "Chapter 6 of 8 · Feb – Mar 2026". */
  kicker: string;
  title: string;
  /** One or two sentences under the title; cut at a word to fit. */
  dek?: string;
  companies: CardCompany[];
  /** Shown bottom left: the site's host name. */
  host: string;
  /** "chapter" cards lead with the title; "chart" cards add a chart label; "site" cards are the home card. */
  variant?: 'chapter' | 'chart' | 'site';
}

const PAPER = '#faf8f3';
const INK = '#1a1a1a';
const MUTED = '#55534e';
const RULE = '#dcd7cb';

const req = createRequire(join(process.cwd(), 'package.json'));
let fonts: { name: string; data: Buffer; weight: 400 | 600 | 700 | 800; style: 'normal' }[] | null = null;
function loadFonts() {
  const f = (pkg: string, file: string) => readFileSync(req.resolve(`${pkg}/files/${file}`));
  fonts ??= [
    { name: 'Inter', data: f('@fontsource/inter', 'inter-latin-600-normal.woff'), weight: 600, style: 'normal' },
    { name: 'Inter', data: f('@fontsource/inter', 'inter-latin-800-normal.woff'), weight: 800, style: 'normal' },
    { name: 'Serif', data: f('@fontsource/source-serif-4', 'source-serif-4-latin-400-normal.woff'), weight: 400, style: 'normal' },
    { name: 'Serif', data: f('@fontsource/source-serif-4', 'source-serif-4-latin-700-normal.woff'), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/**
 * Cuts text to about `max` characters: at the end of a sentence or clause when one falls in the last third, else at
 * a word, with an ellipsis.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const sentence = head.lastIndexOf('. ');
  if (sentence > max * 0.6) return head.slice(0, sentence + 1);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
  const cut = clause > max * 0.66 ? head.slice(0, clause) : head.replace(/\s+\S*$/, '');
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Typographic apostrophes and quotes, as the site's own pages print them. */
export function smarten(s: string): string {
  return s.replace(/(\w)'(\w)/g, '$1’$2').replace(/"([^"]*)"/g, '“$1”').replace(/'([^']*)'/g, '‘$1’');
}

/** Title size by length, so short titles are bold and long chart titles still fit on three lines. */
export function titleSize(title: string): number {
  const n = title.length;
  if (n <= 22) return 104;
  if (n <= 34) return 88;
  if (n <= 52) return 72;
  return 60;
}

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | null | false)[]): Node => ({
  type,
  props: { style: { display: 'flex', ...style }, children: children.filter((c) => c !== null && c !== false) },
});

export function cardTree(c: CardInput): Node {
  const companies = c.companies.slice(0, 4);
  const size = titleSize(c.title);
  const dekMax = size >= 88 ? 200 : size >= 72 ? 165 : 135;
  return h(
    'div',
    { width: OG_WIDTH, height: OG_HEIGHT, flexDirection: 'column', background: PAPER, color: INK, fontFamily: 'Serif' },
    // The accent: the companies' colors, side by side, across the top.
    h('div', { height: 18, width: '100%' }, ...(companies.length ? companies : [{ name: '', color: 'microsoft' as ColorToken }]).map((co) => h('div', { flexGrow: 1, height: 18, background: COMPANY_COLORS[co.color].mark }))),
    h(
      'div',
      { flexGrow: 1, flexDirection: 'column', padding: '52px 72px 0 72px' },
      h(
        'div',
        { alignItems: 'center', fontFamily: 'Inter', fontWeight: 800, fontSize: 26, letterSpacing: '-0.01em' },
        h('div', { width: 26, height: 26, borderRadius: 4, marginRight: 14, backgroundImage: `linear-gradient(135deg, ${COMPANY_COLORS.microsoft.mark} 0%, ${COMPANY_COLORS.microsoft.mark} 50%, ${COMPANY_COLORS.openai.mark} 50%, ${COMPANY_COLORS.openai.mark} 100%)` }),
        'The Reset',
        h('div', { marginLeft: 22, paddingLeft: 22, borderLeft: `2px solid ${RULE}`, fontWeight: 600, fontSize: 22, letterSpacing: '0.08em', textTransform: 'uppercase', color: MUTED }, c.kicker),
      ),
      h(
        'div',
        { flexGrow: 1, flexDirection: 'column', justifyContent: 'center', paddingBottom: 8 },
        h('div', { fontWeight: 700, fontSize: size, lineHeight: 1.04, letterSpacing: '-0.025em', maxWidth: 1040 }, smarten(c.title)),
        c.dek ? h('div', { marginTop: 26, fontSize: size >= 88 ? 34 : 30, lineHeight: 1.34, color: MUTED, maxWidth: 980 }, smarten(clip(c.dek, dekMax))) : null,
      ),
    ),
    h(
      'div',
      { margin: '0 72px', padding: '22px 0 34px', borderTop: `2px solid ${RULE}`, justifyContent: 'space-between', alignItems: 'center', fontFamily: 'Inter', fontWeight: 600, fontSize: 22 },
      h('div', { color: MUTED }, c.host),
      h(
        'div',
        { alignItems: 'center' },
        ...companies.map((co) =>
          h('div', { alignItems: 'center', marginLeft: 30, color: COMPANY_COLORS[co.color].ink }, h('div', { width: 18, height: 18, borderRadius: 3, marginRight: 10, background: COMPANY_COLORS[co.color].mark }), co.name),
        ),
      ),
    ),
  );
}

/** The card as a PNG. */
export async function renderCard(c: CardInput): Promise<Buffer> {
  // satori's types want a React element; its runtime takes this plain { type, props } tree.
  const svg = await satori(cardTree(c) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}

/** The publisher logo for structured data (512×512): the brand mark and the name. */
export async function renderLogo(): Promise<Buffer> {
  const size = 512;
  const tree = h(
    'div',
    { width: size, height: size, flexDirection: 'column', alignItems: 'center', justifyContent: 'center', background: PAPER, color: INK, fontFamily: 'Inter', fontWeight: 800 },
    h('div', { width: 200, height: 200, borderRadius: 16, backgroundImage: `linear-gradient(135deg, ${COMPANY_COLORS.microsoft.mark} 0%, ${COMPANY_COLORS.microsoft.mark} 50%, ${COMPANY_COLORS.openai.mark} 50%, ${COMPANY_COLORS.openai.mark} 100%)` }),
    h('div', { marginTop: 40, fontSize: 72, letterSpacing: '-0.02em' }, 'The Reset'),
  );
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: size, height: size, fonts: loadFonts() });
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

/** A PNG response for an Astro endpoint. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
