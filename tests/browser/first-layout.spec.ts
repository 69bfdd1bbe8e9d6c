// What a chapter's first layout covers. Charts, scroll sequences and the end matter (sources, tools, the next chapter)
// below the opening screens are skipped by content-visibility until the reader nears them: each
// brings type sizes and weights, and each new one costs the first layout a synchronous font lookup. The sizes that
// stand in for them must stay close to the real ones, or the scrollbar jumps as the reader scrolls; and print gets all.
import { expect, test, type Page } from '@playwright/test';
import { listBuiltPages } from './helpers';

const CHAPTERS = listBuiltPages().filter((p) => /^\/chapters\/[^/]+\/$/.test(p));
const END_MATTER = ['.chapter-sources', '.chapter-tools', '.chapter-nav'];

/** Each selector's first match: are its contents rendered now (a skipped box keeps its own box, not its children's),
 *  and its border-box height. */
function sample(page: Page) {
  return page.evaluate((selectors) => selectors.map((q) => {
    const el = document.querySelector(q)!;
    return { q, rendered: el.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }), height: el.getBoundingClientRect().height };
  }), END_MATTER);
}

test.use({ viewport: { width: 412, height: 823 }, reducedMotion: 'reduce' });

test('a chapter page exists to test', () => expect(CHAPTERS.length).toBeGreaterThanOrEqual(8));

for (const path of CHAPTERS) {
  test(`${path}: the end matter waits for the reader, at close to its real height`, async ({ page }) => {
    await page.goto(path);
    const atLoad = await sample(page);
    for (const s of atLoad) expect(s.rendered, `${s.q} is laid out at load`).toBe(false);
    // Nothing far below the opening screen is laid out either: charts and sequences wait too.
    const below = await page.locator('.chapter-body > :is(figure.widget, section.scrolly)').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().top > 3 * innerHeight).map((el) => el.firstElementChild!.checkVisibility({ contentVisibilityAuto: true })),
    );
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((rendered) => !rendered)).toBe(true);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await sample(page)).every((s) => s.rendered)).toBe(true);
    for (const [i, s] of (await sample(page)).entries()) {
      const standIn = atLoad[i]!.height;
      expect(Math.abs(s.height - standIn) / s.height, `${s.q}: stand-in ${Math.round(standIn)} px, real ${Math.round(s.height)} px`).toBeLessThan(0.2);
    }
  });
}

test('print lays out every chart, sequence and the end matter', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(CHAPTERS[0]!);
  const skipped = await page.locator(`.chapter-body > :is(figure.widget, section.scrolly), ${END_MATTER.join(', ')}`).evaluateAll((els) =>
    els.filter((el) => getComputedStyle(el).contentVisibility !== 'visible').map((el) => el.className),
  );
  expect(skipped).toEqual([]);
});
