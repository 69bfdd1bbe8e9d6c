/**
 * The compact default of every embed fits a news article: at most 650 px tall at 600 px wide and at most 900 px at
 * 320 px (and no taller at 900 px than at 600), with the title, the source line and the way back to the story and to
 * the full chart in it; `?view=full` shows the whole explorer instead. One page per chart, resized in place.
 */
import { expect, test } from '@playwright/test';
import { builtWidgets, settledContentHeight } from './embed-helpers';

const LIMITS = [
  { width: 320, max: 900 },
  { width: 600, max: 650 },
  { width: 900, max: 650 },
];

for (const id of builtWidgets()) {
  test(`${id}: the compact embed is at most 900px tall at 320px wide and 650px at 600 and 900px, whole and linked`, async ({ page }) => {
    await page.setViewportSize({ width: LIMITS[0]!.width, height: 2000 });
    await page.goto(`/embed/${id}/`);
    const heights: string[] = [];
    for (const { width, max } of LIMITS) {
      await page.setViewportSize({ width, height: 2000 });
      const h = await settledContentHeight(page);
      heights.push(`${width}px: ${Math.ceil(h)}px`);
      expect(h, `${id} at ${width}px wide`).toBeLessThanOrEqual(max);
      // Whole: nothing in the chart scrolls or spills sideways.
      const spill = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(spill, `${id} at ${width}px: the page scrolls sideways`).toBeLessThanOrEqual(0);
    }
    console.log(`${id} compact: ${heights.join(', ')}`);
    const figure = page.locator('figure.widget');
    await expect(figure.locator('.w-title')).toBeVisible();
    await expect(figure.locator('.w-source')).toBeVisible();
    await expect(page.locator('.embed-story')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Full chart' })).toBeVisible();
  });
}

test('view=full shows the whole explorer, the "Full chart" link switches in place and back', async ({ page }) => {
  const id = 'money-flows';
  await page.setViewportSize({ width: 600, height: 2000 });
  await page.goto(`/embed/${id}/`);
  const compact = await settledContentHeight(page);
  await expect(page.locator('.w-controls')).toBeHidden();
  await page.getByRole('link', { name: 'Full chart' }).click();
  await expect(page.locator('.w-controls')).toBeVisible();
  const full = await settledContentHeight(page);
  expect(full).toBeGreaterThan(compact);
  await expect(page.locator('figure.widget')).toHaveCount(1);
  await page.getByRole('link', { name: 'Compact chart' }).click();
  expect(await settledContentHeight(page)).toBe(compact);
  await page.goto(`/embed/${id}/?view=full`);
  expect(await settledContentHeight(page)).toBe(full);
  await page.goto(`/embed/${id}/?view=everything`);
  expect(await settledContentHeight(page)).toBe(compact);
});
