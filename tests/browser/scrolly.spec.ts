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

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference', viewport: { width: 412, height: 823 } });
  test('nothing animates while the page loads; a step the reader scrolls to does', async ({ page }) => {
    // Every running transition or animation, with its target, polled each frame from the first one on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __animated: string[] }).__animated = seen;
      const poll = () => {
        for (const a of document.getAnimations()) {
          const t = (a.effect as KeyframeEffect | null)?.target as Element | null;
          const what = `${(a as CSSTransition).transitionProperty ?? (a as CSSAnimation).animationName} on ${t?.tagName.toLowerCase()}.${t?.className}`;
          if (!seen.includes(what)) seen.push(what);
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(CHAPTER);
    const first = page.locator('[data-scrolly]').first().locator('[data-step]').first();
    await expect(first).toHaveClass(/is-active/);
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as unknown as { __animated: string[] }).__animated)).toEqual([]);

    const second = page.locator('[data-scrolly]').first().locator('[data-step]').nth(1);
    // Its top just above the trigger line, 60% of the way down the screen.
    await second.evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight * 0.55));
    await expect(second).toHaveClass(/is-active/);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __animated: string[] }).__animated.join('\n'))).toMatch(/border-\w+-color on div\.step/);
  });
});
