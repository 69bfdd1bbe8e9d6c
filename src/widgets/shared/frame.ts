/**
 * The pieces of a chart's frame that both the build (WidgetFrame.astro) and the chart runtime in the browser (live-dom.ts)
 * compute: so the Embed link and the figure's state attributes read the same before and after the runtime wakes the chart.
 */
import { parseState, stateQuery, stateRules, type WidgetState } from '../../lib/widget-state';
import { EMBED_LINK, FIGURE_AS_OF, FIGURE_HIGHLIGHT, FIGURE_SELECTOR, HOST_AS_OF, HOST_HIGHLIGHT, HOST_SELECTOR, STATE_EVENT, sel } from '../../lib/chart-protocol';
import type { SourceRef, WidgetMeta } from './types';

/** The embed builder, opened on this chart in this state (the default date is left out of the address). */
export function embedBuilderHref(meta: Pick<WidgetMeta, 'id' | 'defaultAsOf'>, asOf: string, highlight: string | null): string {
  const state = stateQuery({ asOf, highlight }, meta);
  return `/embed/?widget=${encodeURIComponent(meta.id)}${state.replace('?', '&')}`;
}

export interface PublisherLink {
  publisher: string;
  href: string;
  /** How many of the chart's sources this publisher wrote. */
  count: number;
}

/** One link per publisher (to its first source): several filings by one company read as one name, not a list. */
export function publisherLinks(sources: SourceRef[]): PublisherLink[] {
  const out: PublisherLink[] = [];
  for (const s of sources) {
    const hit = out.find((p) => p.publisher === s.publisher);
    if (hit) hit.count++;
    else out.push({ publisher: s.publisher, href: s.href, count: 1 });
  }
  return out;
}

/** Writes the chart's state where the page can read it: the figure's data attributes and its Embed link. */
export function syncFrame(inside: Element | undefined, meta: Pick<WidgetMeta, 'id' | 'defaultAsOf'>, asOf: string, highlight: string | null): void {
  const figure = inside?.closest<HTMLElement>(FIGURE_SELECTOR);
  if (!figure) return;
  figure.setAttribute(FIGURE_AS_OF, asOf);
  figure.setAttribute(FIGURE_HIGHLIGHT, highlight ?? '');
  figure.querySelector(`a${sel(EMBED_LINK)}`)?.setAttribute('href', embedBuilderHref(meta, asOf, highlight));
}

/**
 * Follows the scroll step or embed host a chart sits in: calls `onstate` with the host's state now (if it has one)
 * and on every change, validated against the chart's rules. Returns the clean-up.
 */
export function followHost(inside: Element | undefined, meta: WidgetMeta, onstate: (s: WidgetState) => void): () => void {
  const host = inside?.closest<HTMLElement>(HOST_SELECTOR);
  if (!host) return () => {};
  const rules = stateRules(meta);
  const read = () => onstate(parseState({ asOf: host.getAttribute(HOST_AS_OF), highlight: host.getAttribute(HOST_HIGHLIGHT) }, rules));
  if (host.hasAttribute(HOST_AS_OF)) read();
  host.addEventListener(STATE_EVENT, read);
  return () => host.removeEventListener(STATE_EVENT, read);
}
