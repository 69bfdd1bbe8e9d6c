/**
 * Every embed's default height comes from its layout, measured, not guessed: the embed page's content at each width
 * of EMBED_WIDTHS (a phone, an article column of 600–700 px, a wide column), with the web fonts and with the fallback
 * (serveFonts), for each view (the compact default and `view=full`), with and without the title. Without any script
 * the iframe must show the whole chart, so a stored height may not be smaller than the content; nor more than 15%
 * taller (an ugly gap under the chart). The compact default fits a news page: at most 650 px tall at 600 and 900 px
 * wide, and 900 px at 320.
 *
 * Re-measure and rewrite src/lib/embed/default-heights.json after a widget changes:
 *   UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtWidgets, settledContentHeight } from './embed-helpers';
import { DEFAULT_HEIGHTS, EMBED_WIDTHS, type EmbedHeights, type EmbedWidth, type HeightsByWidth } from '../../src/lib/embed/default-heights';
import { EMBED_VIEWS, type EmbedView } from '../../src/lib/embed/params';

type Measured = { framed: HeightsByWidth; plain: HeightsByWidth };

const SLACK = 0.15;
/** The compact default's tallest, by frame width (issue 14: a news page rarely gives one chart more than a screen). */
const COMPACT_LIMITS: Partial<Record<EmbedWidth, number>> = { 320: 900, 600: 650, 900: 650 };
const UPDATE = !!process.env.UPDATE_EMBED_HEIGHTS;
const FILE = 'src/lib/embed/default-heights.json';
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

/** The tallest content height of one view at each width, over both ways of getting the fonts, framed and plain. */
async function tallest(page: Page, id: string, view: EmbedView): Promise<Measured> {
  const zero = () => Object.fromEntries(EMBED_WIDTHS.map((w) => [w, 0])) as HeightsByWidth;
  const max: Measured = { framed: zero(), plain: zero() };
  for (const fonts of ['web', 'fallback'] as const) {
    await serveFonts(page, fonts);
    // Tall viewport: no page scrollbar narrows the layout (inside a fitted iframe there is none either).
    await page.setViewportSize({ width: EMBED_WIDTHS[0], height: 3000 });
    await page.goto(`/embed/${id}/${view === 'full' ? '?view=full' : ''}`);
    await settledContentHeight(page);
    for (const width of EMBED_WIDTHS) {
      await page.setViewportSize({ width, height: 3000 });
      // Framed, then plain, each once its height holds for two frames in a row: one round trip per width.
      const [framed, plain] = await page.evaluate(async () => {
        const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        const settled = async () => {
          let last = -1;
          for (let i = 0; i < 60; i++) {
            await frames();
            const h = document.querySelector('[data-embed-root]')?.getBoundingClientRect().height ?? -1;
            if (h === last) return h;
            last = h;
          }
          return last;
        };
        const out: number[] = [];
        for (const p of [false, true]) {
          document.documentElement.classList.toggle('embed-plain', p);
          out.push(await settled());
        }
        document.documentElement.classList.remove('embed-plain');
        return out;
      });
      max.framed[`${width}`] = Math.max(max.framed[`${width}`], Math.ceil(framed!));
      max.plain[`${width}`] = Math.max(max.plain[`${width}`], Math.ceil(plain!));
    }
  }
  return max;
}

/** Stored value for a measured height: a few pixels of room, rounded up to 10. */
const stored = (h: number) => Math.ceil((h + 6) / 10) * 10;

// Either mode registers its own tests: checking (the default) or, with UPDATE_EMBED_HEIGHTS=1, re-measuring.
if (!UPDATE) test.describe('default embed heights', () => {
  test(`${FILE} holds every built chart and no other, at every width`, () => {
    expect(Object.keys(DEFAULT_HEIGHTS).sort(), `re-measure: UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`).toEqual([...widgets].sort());
    for (const [id, views] of Object.entries(DEFAULT_HEIGHTS)) {
      for (const view of EMBED_VIEWS) for (const plain of ['framed', 'plain'] as const) {
        expect(Object.keys(views[view][plain]).map(Number), `${id} ${view} ${plain}: widths`).toEqual([...EMBED_WIDTHS]);
      }
    }
  });

  for (const id of widgets) for (const view of EMBED_VIEWS) {
    test(`${id} (${view}): the stored heights show the whole chart at ${EMBED_WIDTHS.join(', ')} px (at most 15% to spare), whatever the frame's height`, async ({ page }) => {
      const want: EmbedHeights[EmbedView] | undefined = DEFAULT_HEIGHTS[id]?.[view];
      expect(want, `${id} has no stored height: run UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/browser/embed-heights.spec.ts`).toBeTruthy();
      const measured = await tallest(page, id, view);
      for (const plain of ['framed', 'plain'] as const) for (const width of EMBED_WIDTHS) {
        const m = measured[plain][`${width}`];
        const h = want![plain][`${width}`];
        const label = `${id} ${view} ${plain} at ${width}px: stored ${h}px, content up to ${m}px (re-measure: UPDATE_EMBED_HEIGHTS=1)`;
        expect.soft(h, `${label}: too small, the chart would be cut off without the loader`).toBeGreaterThanOrEqual(m);
        expect.soft(h, `${label}: more than 15% too tall`).toBeLessThanOrEqual(Math.ceil(m * (1 + SLACK)));
        const limit = view === 'compact' ? COMPACT_LIMITS[width] : undefined;
        if (limit) expect.soft(m, `${id} compact ${plain} at ${width}px wide: taller than a news page gives a chart`).toBeLessThanOrEqual(limit);
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

if (UPDATE) test(`update ${FILE}`, async ({ page }) => {
  test.setTimeout(600_000);
  const keep = (m: Measured) => ({
    framed: Object.fromEntries(EMBED_WIDTHS.map((w) => [w, stored(m.framed[`${w}`])])),
    plain: Object.fromEntries(EMBED_WIDTHS.map((w) => [w, stored(m.plain[`${w}`])])),
  });
  const out: Record<string, Record<EmbedView, ReturnType<typeof keep>>> = {};
  for (const id of [...widgets].sort()) {
    out[id] = { compact: keep(await tallest(page, id, 'compact')), full: keep(await tallest(page, id, 'full')) };
  }
  // One line per view and title: a diff after a re-measure reads chart by chart.
  const body = Object.entries(out)
    .map(([id, views]) => `  ${JSON.stringify(id)}: {\n${EMBED_VIEWS.map((v) => `    ${JSON.stringify(v)}: { "framed": ${JSON.stringify(views[v].framed)}, "plain": ${JSON.stringify(views[v].plain)} }`).join(',\n')}\n  }`)
    .join(',\n');
  writeFileSync(FILE, `{\n${body}\n}\n`);
  console.log(`wrote ${FILE}`);
});
