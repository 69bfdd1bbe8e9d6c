// Scroll sequences: #step-N opens in that step's state; without JavaScript every step reads as text and the chart
// shows its final state. (That scrolling sets each step's state is walked in scrolly-fit.spec.ts, at six screens.)
import { expect, test, type Page } from '@playwright/test';

const CHAPTER = '/chapters/all-in/';

test.use({ reducedMotion: 'reduce' });

async function stepStates(page: Page) {
  return page.locator('[data-step]').evaluateAll((els) =>
    els.map((el) => ({ id: el.id, asOf: (el as HTMLElement).dataset.asOf!, highlight: (el as HTMLElement).dataset.highlight ?? '' })),
  );
}

function figureOf(page: Page, stepId: string) {
  return page.locator(`[data-scrolly]:has(#${stepId}) figure[data-widget]`);
}

test('#step-3 opens the chapter at step 3, in its state', async ({ page }) => {
  await page.goto(`${CHAPTER}#step-3`);
  const step = (await stepStates(page)).find((s) => s.id === 'step-3')!;
  const fig = figureOf(page, 'step-3');
  await expect(fig).toHaveAttribute('data-as-of', step.asOf, { timeout: 10_000 });
  await expect(fig).toHaveAttribute('data-highlight', step.highlight);
  await expect(page.locator('#step-3')).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every step reads as text and each chart shows its final state', async ({ page }) => {
    await page.goto(CHAPTER);
    const steps = page.locator('[data-step]');
    const n = await steps.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      await expect(steps.nth(i)).toBeVisible();
      // Read where a reader reads it: a sequence off screen is not laid out yet (content-visibility), so its text
      // has no rendering until the page scrolls there and paints a frame.
      await steps.nth(i).scrollIntoViewIfNeeded();
      await expect.poll(async () => (await steps.nth(i).innerText()).trim().length).toBeGreaterThan(40);
    }
    for (const section of await page.locator('[data-scrolly]').all()) {
      const last = section.locator('[data-step]').last();
      const fig = section.locator('figure[data-widget]');
      await expect(fig.locator('svg').first()).toBeVisible();
      await expect(fig).toHaveAttribute('data-as-of', (await last.getAttribute('data-as-of'))!);
    }
  });
});
