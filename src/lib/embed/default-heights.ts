/**
 * Each embed's height before any script resizes it, in CSS pixels: the tallest the embed page's content measured
 * at 600, 640 and 700px wide (a typical article column), rounded up with a little room. Written by
 * `UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`, which otherwise fails when a
 * stored height is too small for the chart or more than 15% too big.
 */
export const DEFAULT_HEIGHTS: Record<string, { full: number; plain: number }> = {
  'cloud-matrix': { full: 1540, plain: 1440 },
  'compute-commitments': { full: 1440, plain: 1350 },
  'money-flows': { full: 1060, plain: 960 },
  'rpo-exposure': { full: 620, plain: 490 },
  'terms-timeline': { full: 1110, plain: 1010 },
  'timeline': { full: 1130, plain: 1060 },
};
