/**
 * The default iframe height in every snippet is measured, not guessed: the embed page's content at 600, 640 and
 * 700px wide (a typical article column), with the web fonts and with the fallback (serveFonts), for each view (the
 * compact default and `view=full`), with and without the title. Without any script the
 * iframe must show the whole chart, so the stored height may not be smaller than the content; nor more than 15% taller
 * (an ugly gap under the chart).
 *
 * Re-measure and rewrite src/lib/embed/default-heights.ts after a widget changes:
 *   UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtWidgets, settledContentHeight } from './embed-helpers';
import { DEFAULT_HEIGHTS } from '../../src/lib/embed/default-heights';
import { EMBED_VIEWS, type EmbedView } from '../../src/lib/embed/params';

type Heights = { framed: number; plain: number };

const WIDTHS = [600, 640, 700];
const SLACK = 0.15;
const UPDATE = !!process.env.UPDATE_EMBED_HEIGHTS;
const widgets = builtWidgets();

/**
 * The embed page's text as a reader may get it. The fonts are `font-display: optional` (Fonts.astro): a font that
 * arrives late is never swapped in, so a reader on a slow line (or a busy machine) keeps the fallback for the visit.
 * The stored height must show the whole chart either way: "web" makes the fonts blocking, so they always apply;
 * "fallback" never serves them.
 */
async function serveFonts(page: Page, mode: 'web' | 'fallback'): Promise<void> {
  await page.unrouteAll({ behavior: 'wait' });
  if (mode === 'fallback') {
    await page.route('**/*.woff2', (route) => route.abort());
    return;
  }
  await page.route('**/embed/**', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = await response.text();
    expect(html, 'the embed page no longer declares font-display: optional: update serveFonts()').toContain('font-display:optional');
    await route.fulfill({ response, body: html.replaceAll('font-display:optional', 'font-display:block') });
  });
}

/** Tallest content height of one view over the widths and both ways of getting the fonts, framed and plain. */
async function tallest(page: Page, id: string, view: EmbedView): Promise<Heights> {
  const max = { framed: 0, plain: 0 };
  for (const fonts of ['web', 'fallback'] as const) {
    await serveFonts(page, fonts);
    // Tall viewport: no page scrollbar narrows the layout (inside a fitted iframe there is none either).
    await page.setViewportSize({ width: WIDTHS[0]!, height: 3000 });
    await page.goto(`/embed/${id}/${view === 'full' ? '?view=full' : ''}`);
    await settledContentHeight(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 3000 });
      for (const plain of [false, true]) {
        await page.evaluate((p) => document.documentElement.classList.toggle('embed-plain', p), plain);
        const h = await settledContentHeight(page);
        if (plain) max.plain = Math.max(max.plain, h);
        else max.framed = Math.max(max.framed, h);
      }
    }
  }
  return max;
}

/** Stored value for a measured height: a few pixels of room, rounded up to 10. */
const stored = (h: number) => Math.ceil((h + 6) / 10) * 10;

// Either mode registers its own tests: checking (the default) or, with UPDATE_EMBED_HEIGHTS=1, re-measuring.
if (!UPDATE) test.describe('default embed heights', () => {
  for (const id of widgets) for (const view of EMBED_VIEWS) {
    test(`${id} (${view}): the stored height shows the whole chart at 600–700px (at most 15% to spare), whatever the frame's height`, async ({ page }) => {
      const want = DEFAULT_HEIGHTS[id]?.[view];
      expect(want, `${id} has no stored height: run UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`).toBeTruthy();
      const both = await tallest(page, id, view);
      for (const plain of [false, true]) {
        const measured = plain ? both.plain : both.framed;
        const h = plain ? want!.plain : want!.framed;
        const label = `${id} ${view}${plain ? ' (plain)' : ''}: stored ${h}px, content up to ${measured}px`;
        expect(h, `${label}: too small, the chart would be cut off without the loader`).toBeGreaterThanOrEqual(Math.ceil(measured));
        expect(h, `${label}: more than 15% too tall`).toBeLessThanOrEqual(Math.ceil(measured * (1 + SLACK)));
      }
      // In an iframe sized to its content the viewport height IS the content height: anything sized in vh would
      // make the frame grow step by step after every resize. Same layout width, no scrollbar, two frame heights.
      await page.setViewportSize({ width: 640, height: 3000 });
      await page.addStyleTag({ content: 'html { overflow: hidden !important; }' });
      const tall = await settledContentHeight(page);
      await page.setViewportSize({ width: 640, height: 500 });
      const short = await settledContentHeight(page);
      expect(Math.abs(short - tall), `${id}: content ${tall}px in a 3000px tall frame but ${short}px in a 500px one`).toBeLessThanOrEqual(2);
    });
  }
});

if (UPDATE) test('update default-heights.ts', async ({ page }) => {
  test.setTimeout(300_000);
  const out: Record<string, Record<EmbedView, Heights>> = {};
  const both = (h: Heights) => `{ framed: ${h.framed}, plain: ${h.plain} }`;
  for (const id of widgets) {
    const [compact, full] = [await tallest(page, id, 'compact'), await tallest(page, id, 'full')];
    out[id] = { compact: { framed: stored(compact.framed), plain: stored(compact.plain) }, full: { framed: stored(full.framed), plain: stored(full.plain) } };
  }
  const file = 'src/lib/embed/default-heights.ts';
  const body = `{\n${Object.entries(out).map(([id, h]) => `  '${id}': { compact: ${both(h.compact)}, full: ${both(h.full)} },`).join('\n')}\n}`;
  writeFileSync(
    file,
    `/**
 * Each embed's height before any script resizes it, in CSS pixels, per view (the compact default and \`view=full\`)
 * with the title (\`framed\`) and without it (\`plain=1\`): the tallest the embed page's content measured at 600, 640 and
 * 700px wide (a typical article column), with the web fonts or the fallback (a late font is never swapped in),
 * rounded up with a little room. Written by
 * \`UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts\`, which otherwise fails when a
 * stored height is too small for the chart or more than 15% too big.
 */
export const DEFAULT_HEIGHTS: Record<string, { compact: { framed: number; plain: number }; full: { framed: number; plain: number } }> = ${body};
`,
  );
  console.log(`wrote ${file}:`, out);
});
