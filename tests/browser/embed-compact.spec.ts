/**
 * The compact default of every embed is whole at a phone's, an article's and a wide column's width (nothing spills
 * sideways), with the title, the source line and the way back to the story and to the full chart in it; `?view=full`
 * shows the whole explorer instead. One page per chart, resized in place. (Its height at each width, and the limits
 * a news page sets on it, are checked by embed-heights.spec.ts, which measures them for the stored defaults.)
 */
import { expect, test } from '@playwright/test';
import { builtWidgets, settledContentHeight } from './embed-helpers';

const WIDTHS = [320, 600, 900];

for (const id of builtWidgets()) {
  test(`${id}: the compact embed is whole at ${WIDTHS.join(', ')}px wide, and linked`, async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 2000 });
    await page.goto(`/embed/${id}/`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 2000 });
      await settledContentHeight(page);
      // Whole: nothing in the chart scrolls or spills sideways.
      const spill = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(spill, `${id} at ${width}px: the page scrolls sideways`).toBeLessThanOrEqual(0);
    }
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
