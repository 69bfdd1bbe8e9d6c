/**
 * The embed builder's pure part (/embed/): the codes and the builder's own address for a choice. The page's
 * browser side is src/client/embed/builder.ts.
 */
import type { StateRules } from '../widget-state';
import type { BuilderParams, EmbedView } from './params';
import { embedQuery, embedUrl, iframeHtml, snippetHtml } from './snippet';
import type { WidgetId } from '../widgets';

export interface BuilderWidget {
  id: WidgetId;
  title: string;
  takeaway: string;
  rules: StateRules;
  highlights: { id: string; label: string }[];
  /** Default heights per view, with and without the title (snippet.ts defaultHeight). */
  heights: Record<EmbedView, { framed: number; plain: number }>;
}

/** The frame's height before any script resizes it, for the view and title chosen. */
export function builderHeight(w: BuilderWidget, p: Pick<BuilderParams, 'view' | 'plain'>): number {
  const h = w.heights[p.view];
  return p.plain ? h.plain : h.framed;
}

export interface BuilderCodes {
  src: string;
  snippet: string;
  iframe: string;
  url: string;
}

/** The three codes for a choice (pure: the no-JavaScript list on the page uses the same builders at build time). */
export function builderCodes(origin: string, w: BuilderWidget, p: BuilderParams): BuilderCodes {
  const choice = { state: p.state, theme: p.theme, plain: p.plain, view: p.view };
  const src = embedUrl(origin, w.id, choice, w.rules);
  const height = builderHeight(w, p);
  return {
    src,
    snippet: snippetHtml({ origin, src, title: w.title, height }),
    iframe: iframeHtml({ src, title: w.title, height }),
    url: embedUrl(origin, w.id, {}, w.rules),
  };
}

/** Where a preview frame loads a chart: the same path on the origin the builder is served from, so a preview
 * deployment previews itself while its codes name the public site. */
export function previewSrc(src: string): string {
  const u = new URL(src);
  return `${u.pathname}${u.search}${u.hash}`;
}

/** The builder's own address for a choice, so it can be bookmarked and shared. */
export function builderSearch(p: BuilderParams, w: BuilderWidget): string {
  const q = embedQuery({ state: p.state, theme: p.theme, plain: p.plain, view: p.view }, w.rules);
  return `?widget=${encodeURIComponent(p.widget)}${q ? `&${q.slice(1)}` : ''}`;
}
