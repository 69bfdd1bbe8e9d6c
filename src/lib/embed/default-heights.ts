/**
 * Each embed's height before any script resizes it, in CSS pixels: per view (the compact default and `view=full`),
 * with the title (`framed`) and without it (`plain=1`), at each frame width measured. They come from the layout
 * itself: tests/browser/embed-heights.spec.ts measures the embed page's content in a browser, with the web fonts and
 * with the fallback (a late font is never swapped in), and writes default-heights.json
 * (`UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`); otherwise it fails when a
 * stored height no longer fits (too small for the chart, or more than 15% too tall) or a widget or width is missing.
 */
import stored from './default-heights.json' with { type: 'json' };
import type { EmbedView } from './params';

/** The frame widths measured: a small phone, a typical article column (600 to 700 px), a wide column. */
export const EMBED_WIDTHS = [320, 600, 640, 700, 900] as const;
export type EmbedWidth = (typeof EMBED_WIDTHS)[number];

/** A typical article column: one height for a snippet or an oEmbed answer must show the whole chart at any of these. */
export const COLUMN_WIDTHS: readonly EmbedWidth[] = [600, 640, 700];

export type HeightsByWidth = Record<`${EmbedWidth}`, number>;
export type EmbedHeights = Record<EmbedView, { framed: HeightsByWidth; plain: HeightsByWidth }>;

export const DEFAULT_HEIGHTS: Readonly<Record<string, EmbedHeights>> = stored;

/** The stored height that shows the whole chart in a frame of any of `widths` (the tallest), or undefined if unmeasured. */
export function storedHeight(id: string, view: EmbedView, plain: boolean, widths: readonly EmbedWidth[] = COLUMN_WIDTHS): number | undefined {
  const h = DEFAULT_HEIGHTS[id]?.[view][plain ? 'plain' : 'framed'];
  return h && Math.max(...widths.map((w) => h[`${w}`]));
}
