/**
 * Each embed's height before any script resizes it, in CSS pixels: the tallest the embed page's content measured
 * at 600, 640 and 700px wide (a typical article column), with the web fonts or the fallback (a late font is never
 * swapped in), rounded up with a little room. Written by
 * `UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`, which otherwise fails when a
 * stored height is too small for the chart or more than 15% too big.
 */
export const DEFAULT_HEIGHTS: Record<string, { full: number; plain: number }> = {
  'cloud-matrix': { full: 1580, plain: 1480 },
  'compute-commitments': { full: 1510, plain: 1410 },
  'money-flows': { full: 1040, plain: 940 },
  'rpo-exposure': { full: 630, plain: 500 },
  'terms-timeline': { full: 1150, plain: 1050 },
  'timeline': { full: 1150, plain: 1080 },
};
