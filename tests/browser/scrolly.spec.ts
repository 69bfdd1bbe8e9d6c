// Scroll sequences: each step sets its chart's state as the reader scrolls; #step-N opens in that step's state;
// without JavaScript every step reads as text and the chart shows its final state.
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './quality-helpers';

const CHAPTER = '/chapters/all-in/';
/** Every chapter with a scroll sequence: each chart in one must follow its steps (its island must hydrate there). */
const SEQUENCED = builtPages()
  .filter((p) => p.type === 'chapter' && /data-scrolly\b/.test(p.html))
  .map((p) => p.path)
  .sort();

test.use({ reducedMotion: 'reduce' });

async function stepStates(page: Page) {
  return page.locator('[data-step]').evaluateAll((els) =>
    els.map((el) => ({ id: el.id, asOf: (el as HTMLElement).dataset.asOf!, highlight: (el as HTMLElement).dataset.highlight ?? '' })),
  );
}

/** Brings a step across the trigger line (60% down the screen, scrolly-client.ts), the way a reader's scrolling would. */
async function scrollToStep(page: Page, id: string) {
  await page.evaluate((stepId) => {
    const r = document.getElementById(stepId)!.getBoundingClientRect();
    // The step's middle on the line: a short step (a wide column) lies across it too.
    window.scrollBy(0, r.top + r.height / 2 - window.innerHeight * 0.6);
  }, id);
}

function figureOf(page: Page, stepId: string) {
  return page.locator(`[data-scrolly]:has(#${stepId}) figure[data-widget]`);
}

for (const chapter of SEQUENCED) for (const width of [1280, 375]) {
  test(`scrolling ${chapter} step by step sets each chart's state (${width}px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 850 });
    await page.goto(chapter);
    const steps = await stepStates(page);
    expect(steps.length).toBeGreaterThanOrEqual(chapter === CHAPTER ? 4 : 1);
    for (const s of steps) {
      await scrollToStep(page, s.id);
      const fig = figureOf(page, s.id);
      await expect(fig, `state after scrolling to ${s.id}`).toHaveAttribute('data-as-of', s.asOf, { timeout: 10_000 });
      await expect(fig).toHaveAttribute('data-highlight', s.highlight);
      await expect(page.locator(`#${s.id}`)).toHaveClass(/is-active/);
    }
  });
}

test('every chapter with a scroll sequence is walked, the one with two charts among them', () => {
  expect(SEQUENCED).toContain(CHAPTER);
  expect(SEQUENCED.length).toBeGreaterThanOrEqual(6);
});

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
      expect((await steps.nth(i).innerText()).trim().length).toBeGreaterThan(40);
    }
    for (const section of await page.locator('[data-scrolly]').all()) {
      const last = section.locator('[data-step]').last();
      const fig = section.locator('figure[data-widget]');
      await expect(fig.locator('svg').first()).toBeVisible();
      await expect(fig).toHaveAttribute('data-as-of', (await last.getAttribute('data-as-of'))!);
    }
  });
});
