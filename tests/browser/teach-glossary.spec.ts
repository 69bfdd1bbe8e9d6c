import { expect, test } from '@playwright/test';
import { loadFactBase } from '../../src/lib/factbase/load';

// Inline glossary terms (Term.astro) and the glossary page: a term's definition shows on keyboard focus, is its
// link's accessible description, hides on Escape, shows on a first tap. (The glossary page and the term links as
// built: tests/dist/glossary.test.ts.)

const glossary = loadFactBase().glossary;

test('Tab to a glossary term in a chapter: its definition appears and is its description', async ({ page }) => {
  await page.goto('/chapters/amazon-moves-in/');
  // Keyboard only: Tab from the top of the page until a term has focus.
  let found = false;
  for (let i = 0; i < 150 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.matches('a.term') ?? false);
  }
  expect(found, 'no glossary term reached with Tab').toBe(true);
  const term = page.locator('a.term:focus');
  const id = (await term.getAttribute('data-term'))!;
  const entry = glossary.find((g) => g.id === id)!;
  const tip = page.locator(`#${(await term.getAttribute('aria-describedby'))!}`);
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toContainText(entry.definition.slice(0, 40));
  await expect(term).toHaveAccessibleDescription(new RegExp(entry.definition.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(term).toHaveAttribute('href', `/glossary/#term-${id}`);
  // Dismissable without moving focus (WCAG 1.4.13).
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(term).toBeFocused();
});

test('a term shows its definition on hover, and the pointer can move onto it', async ({ page }) => {
  await page.goto('/chapters/the-bet/');
  const term = page.locator('a.term').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  const tip = page.locator(`#${(await term.getAttribute('aria-describedby'))!}`);
  await expect(tip).toBeVisible();
  const box = (await tip.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 4, { steps: 4 });
  await expect(tip).toBeVisible();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  test('the first tap shows the definition, the second follows the link', async ({ page }) => {
    await page.goto('/chapters/the-bet/');
    const term = page.locator('a.term').first();
    await term.scrollIntoViewIfNeeded();
    const id = (await term.getAttribute('data-term'))!;
    await term.tap();
    await expect(page.locator(`#${(await term.getAttribute('aria-describedby'))!}`)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/chapters/the-bet/');
    await term.tap();
    await page.waitForURL(`**/glossary/#term-${id}`);
    await expect(page.locator(`#term-${id}`)).toBeInViewport();
  });
});
