/**
 * The code a journalist pastes, and the oEmbed answer a CMS fetches: pure string builders, shared by the build
 * (embed pages, the /embed/ builder's no-JavaScript list, the oEmbed JSON files) and the builder's client script.
 */
import type { WidgetState } from '../widget-state';
import type { EmbedTheme } from './params';
import { DEFAULT_HEIGHTS } from './default-heights';

/** A height for a widget nobody has measured yet: generous, so the chart is never cut off without the loader. */
export const FALLBACK_HEIGHT = 760;
/** The width (px) an oEmbed consumer should reserve; the iframe itself is fluid (width="100%"). */
export const OEMBED_WIDTH = 700;
/** How long (seconds) a consumer may cache our oEmbed answer. */
export const OEMBED_CACHE_AGE = 86_400;
/** Social card size, used as the oEmbed thumbnail. */
export const THUMB_WIDTH = 1200;
export const THUMB_HEIGHT = 630;

export interface EmbedChoice {
  state?: Partial<WidgetState>;
  theme?: EmbedTheme;
  plain?: boolean;
}

/**
 * The iframe's height before the loader (or pym, WordPress, AMP) resizes it: measured in a browser at 600–700px
 * wide and stored in default-heights.ts; tests/browser/embed-heights.spec.ts re-measures it and fails on drift.
 */
export function defaultHeight(id: string, plain = false): number {
  const h = DEFAULT_HEIGHTS[id];
  return h ? (plain ? h.plain : h.full) : FALLBACK_HEIGHT;
}

/** The query string of an embed URL: only what differs from the defaults, in a stable order. */
export function embedQuery(choice: EmbedChoice, defaults: { defaultAsOf: string }): string {
  const p = new URLSearchParams();
  const { asOf, highlight } = choice.state ?? {};
  if (asOf && asOf !== defaults.defaultAsOf) p.set('asOf', asOf);
  if (highlight) p.set('highlight', highlight);
  if (choice.theme && choice.theme !== 'auto') p.set('theme', choice.theme);
  if (choice.plain) p.set('plain', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const embedPath = (id: string) => `/embed/${id}/`;

export function embedUrl(origin: string, id: string, choice: EmbedChoice, defaults: { defaultAsOf: string }): string {
  return `${origin.replace(/\/+$/, '')}${embedPath(id)}${embedQuery(choice, defaults)}`;
}

/**
 * Escapes text for a double-quoted HTML attribute (and for text content). Apostrophes stay as they are: every
 * attribute here is double-quoted, and a journalist reading the code should see "Microsoft's", not "Microsoft&#39;s".
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The iframe alone: what WordPress, Ghost and other hosts that strip scripts keep. width 100% and a measured height,
 * so without any script it still shows the whole chart; border and frameborder for hosts that drop `style`.
 */
export function iframeHtml(opts: { src: string; title: string; height: number }): string {
  return (
    `<iframe src="${escapeHtml(opts.src)}" title="${escapeHtml(opts.title)}" width="100%" height="${Math.round(opts.height)}" ` +
    `loading="lazy" style="border:0;width:100%;max-width:100%" frameborder="0"></iframe>`
  );
}

/** The recommended snippet: the iframe plus our loader, which keeps its height equal to the chart's. */
export function snippetHtml(opts: { origin: string; src: string; title: string; height: number }): string {
  return `${iframeHtml(opts)}<script async src="${escapeHtml(`${opts.origin.replace(/\/+$/, '')}/embed.js`)}"></script>`;
}

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  html: string;
  width: number;
  height: number;
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url: string;
  cache_age: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/** An oEmbed 1.0 "rich" answer. `html` is the iframe only: WordPress strips scripts and styles anyway. */
export function oembedJson(opts: {
  origin: string;
  id: string;
  title: string;
  height: number;
  providerName: string;
  authorName: string;
  thumbnailPath: string;
}): OEmbedRich {
  const origin = opts.origin.replace(/\/+$/, '');
  return {
    version: '1.0',
    type: 'rich',
    title: opts.title,
    html: iframeHtml({ src: `${origin}${embedPath(opts.id)}`, title: opts.title, height: opts.height }),
    width: OEMBED_WIDTH,
    height: opts.height,
    provider_name: opts.providerName,
    provider_url: `${origin}/`,
    author_name: opts.authorName,
    author_url: `${origin}/about/`,
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: `${origin}${opts.thumbnailPath}`,
    thumbnail_width: THUMB_WIDTH,
    thumbnail_height: THUMB_HEIGHT,
  };
}

export const oembedPath = (id: string) => `/oembed/${id}.json`;
export const chapterOembedPath = (slug: string) => `/oembed/chapters/${slug}.json`;
export const ogWidgetImagePath = (id: string) => `/og/widgets/${id}.png`;
