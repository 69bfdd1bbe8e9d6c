/**
 * What an embed's compact default (the view a pasted link or a snippet gets unless it asks for `view=full`) shows
 * of each chart: names its story view understands (src/widgets/<Folder>/story.ts), checked by the embed page at
 * build time as a scroll sequence's `show` is. Each is the chart's most telling cut, drawn to fit an article column
 * (at most 650 px tall at 600 px wide, 900 px at 320 px: tests/browser/embed-heights.spec.ts).
 */
import type { WidgetId } from '../widgets';

export interface CompactView {
  /** Story-view names (rows, lanes, companies or a named view). */
  show: readonly string[];
  /** false: the chart's key is left to the full view, because the compact drawing labels its marks directly. */
  key: boolean;
}

export const COMPACT: Record<WidgetId, CompactView> = {
  // The lab the story turns on, across every cloud; each cell names its status in words beside its icon.
  'cloud-matrix': { show: ['openai'], key: false },
  // The largest disclosed contracts: both labs' on AWS with the eight days between them, OpenAI's on Azure and on
  // Oracle; every bar carries its amount, open end, chips and "reported" tag in place.
  'compute-commitments': {
    show: ['openai-aws-2026', 'anthropic-aws-2026-spend', 'openai-azure-2025', 'openai-oracle-2025'],
    key: false,
  },
  // Microsoft's money into OpenAI and Amazon's into both labs, the key kept: it tells paid from promised.
  'money-flows': { show: ['microsoft-openai', 'amazon'], key: true },
  'rpo-exposure': { show: ['split'], key: true },
  // The contract's lanes the reset rewrote.
  'terms-timeline': { show: ['cloud', 'api', 'licence', 'revshare', 'agi'], key: true },
  // The partnership's turning points, on one time axis.
  'timeline': { show: ['microsoft-invests-2019', 'altman-removed-2023', 'azure-exclusivity-to-rofr-2025', 'recapitalisation-2025', 'reset-2026'], key: true },
};
