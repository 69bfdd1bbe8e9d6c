/**
 * The code a journalist pastes, and the oEmbed answer a CMS fetches: pure string builders, shared by the build
 * (embed pages, the /embed/ builder's no-JavaScript list, the oEmbed JSON files) and the builder's client script.
 */
import type { WidgetState } from '../widget-state';
import type { EmbedTheme, EmbedView } from './params';
import { storedHeight } from './default-heights';

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
  view?: EmbedView;
}

/**
 * The iframe's height before the loader (or pym, WordPress, AMP) resizes it, for a view with or without its title:
 * the tallest the chart measured in a typical article column (600–700 px wide), from default-heights.json, which
 * tests/browser/embed-heights.spec.ts writes from the layout and keeps current.
 */
export function defaultHeight(id: string, opts: { plain?: boolean; view?: EmbedView } = {}): number {
  return storedHeight(id, opts.view ?? 'compact', !!opts.plain) ?? FALLBACK_HEIGHT;
}

/** The query string of an embed URL: only what differs from the defaults, in a stable order. */
export function embedQuery(choice: EmbedChoice, defaults: { defaultAsOf: string }): string {
  const p = new URLSearchParams();
  const { asOf, highlight } = choice.state ?? {};
  if (asOf && asOf !== defaults.defaultAsOf) p.set('asOf', asOf);
  if (highlight) p.set('highlight', highlight);
  if (choice.theme && choice.theme !== 'auto') p.set('theme', choice.theme);
  if (choice.plain) p.set('plain', '1');
  if (choice.view === 'full') p.set('view', 'full');
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
 * The iframe's own width rule: as wide as the host's column and no wider. No inline max-width: a theme's column rule
 * (WordPress block themes give each block `max-width: <content size>`) must win over the iframe's own style, or a
 * chart pasted into a Custom HTML block spreads to the full width of the post.
 */
export const IFRAME_STYLE = 'border:0;width:100%';

/**
 * The iframe alone: what WordPress, Ghost and other hosts that strip scripts keep. width 100% and a measured height,
 * so without any script it still shows the whole chart; border and frameborder for hosts that drop `style`.
 */
export function iframeHtml(opts: { src: string; title: string; height: number }): string {
  return (
    `<iframe src="${escapeHtml(opts.src)}" title="${escapeHtml(opts.title)}" width="100%" height="${Math.round(opts.height)}" ` +
    `loading="lazy" style="${IFRAME_STYLE}" frameborder="0"></iframe>`
  );
}

/**
 * oEmbed's `html`, in the shape WordPress's own provider answers (get_post_embed_html): a blockquote that links to
 * the chart, then the iframe, both of class `wp-embedded-content`. WordPress keeps the blockquote only from a
 * provider whose answer has one; its presence is what makes WordPress load wp-embed.js, which sizes the frame from the
 * chart's messages and hides the blockquote. WordPress strips every attribute but a few (never `style` or `class`)
 * and adds its own sandbox and secret, so:
 *   - no secret here: a static file cannot make one per embed, and an iframe address with `#?secret=` on a host
 *     without wp-embed.js would route the chart's links to a listener that is not there;
 *   - no sandbox and no `scrolling="no"`: other hosts keep the chart whole, and in WordPress a chart taller than
 *     its 1,000 px limit can still scroll inside the frame;
 *   - the blockquote is hidden by its own style on hosts that keep styles (Ghost and other consumers that insert
 *     `html` as it is), so they show the iframe alone, visible at its measured height.
 */
export function oembedHtml(opts: { src: string; title: string; height: number }): string {
  return (
    `<blockquote class="wp-embedded-content" style="display:none"><a href="${escapeHtml(opts.src)}">${escapeHtml(opts.title)}</a></blockquote>` +
    `<iframe class="wp-embedded-content" src="${escapeHtml(opts.src)}" width="100%" height="${Math.round(opts.height)}" ` +
    `title="${escapeHtml(opts.title)}" frameborder="0" marginwidth="0" marginheight="0" loading="lazy" style="${IFRAME_STYLE}"></iframe>`
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

/**
 * An oEmbed 1.0 "rich" answer (see oembedHtml for its `html`): the compact default (oembedPath), or with `view:
 * 'full'` the whole explorer (fullOembedPath), its iframe's address carrying `view=full`.
 */
export function oembedJson(opts: {
  origin: string;
  id: string;
  view?: EmbedView;
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
    html: oembedHtml({ src: `${origin}${embedPath(opts.id)}${opts.view === 'full' ? '?view=full' : ''}`, title: opts.title, height: opts.height }),
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
/** The full view's oEmbed answer: a static file cannot read the `url` a consumer asks about, so it has its own. */
export const fullOembedPath = (id: string) => `/oembed/full/${id}.json`;
export const chapterOembedPath = (slug: string) => `/oembed/chapters/${slug}.json`;
export const ogWidgetImagePath = (id: string) => `/og/widgets/${id}.png`;
