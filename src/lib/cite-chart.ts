/**
 * A chart's Cite panel, written into the page at build time (the browser only wires its Copy buttons, with
 * cite-ui.ts, when a reader opens it). The chart's stable address is its card on /charts/.
 */
import { citeAll, citeListHtml } from './cite';

export interface ChartCiteOptions {
  id: string;
  title: string;
  /** The site's origin, e.g. https://example.org. */
  site: string;
  /** Date the site's data last changed, YYYY-MM-DD. */
  updated: string;
  author: string;
  siteName: string;
  /** A unique prefix for element ids. */
  prefix: string;
}

export const chartCiteUrl = (site: string, id: string) => `${site.replace(/\/+$/, '')}/charts/#chart-${id}`;

export function chartCiteHtml(o: ChartCiteOptions): string {
  const citations = citeAll({ kind: 'chart', title: o.title, url: chartCiteUrl(o.site, o.id), updated: o.updated, accessed: o.updated, author: o.author, siteName: o.siteName, key: o.id });
  return citeListHtml(citations, o.prefix);
}
