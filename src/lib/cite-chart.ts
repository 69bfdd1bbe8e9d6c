/**
 * A chart's Cite panel, built in the browser the first time a reader opens it (the frame loads this module then,
 * so no page pays for it up front). The chart's stable address is its card on /charts/.
 */
import { citeAll, citeListHtml } from './cite';
import { wireCiteBox } from './cite-ui';

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

export function fillChartCite(box: HTMLElement, o: ChartCiteOptions): void {
  const citations = citeAll({ kind: 'chart', title: o.title, url: chartCiteUrl(o.site, o.id), updated: o.updated, accessed: o.updated, author: o.author, siteName: o.siteName, key: o.id });
  box.innerHTML = citeListHtml(citations, o.prefix);
  wireCiteBox(box);
}
