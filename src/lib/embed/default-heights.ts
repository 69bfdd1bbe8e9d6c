/**
 * Each embed's height before any script resizes it, in CSS pixels, per view (the compact default and `view=full`)
 * with the title (`framed`) and without it (`plain=1`): the tallest the embed page's content measured at 600, 640 and
 * 700px wide (a typical article column), with the web fonts or the fallback (a late font is never swapped in),
 * rounded up with a little room. Written by
 * `UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`, which otherwise fails when a
 * stored height is too small for the chart or more than 15% too big.
 */
export const DEFAULT_HEIGHTS: Record<string, { compact: { framed: number; plain: number }; full: { framed: number; plain: number } }> = {
  'cloud-matrix': { compact: { framed: 620, plain: 580 }, full: { framed: 1610, plain: 1510 } },
  'compute-commitments': { compact: { framed: 340, plain: 310 }, full: { framed: 1510, plain: 1410 } },
  'money-flows': { compact: { framed: 550, plain: 520 }, full: { framed: 1050, plain: 950 } },
  'rpo-exposure': { compact: { framed: 340, plain: 280 }, full: { framed: 660, plain: 530 } },
  'terms-timeline': { compact: { framed: 570, plain: 540 }, full: { framed: 1170, plain: 1070 } },
  'timeline': { compact: { framed: 560, plain: 530 }, full: { framed: 1190, plain: 1110 } },
};
