import { expect, test, type Page } from '@playwright/test';
import { builtChapterSlugs } from './teach-helpers';

/** The clipboard, read as a poll: a copy lands a task after its click, and the browser's clipboard outlives a test. */
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

// The teacher's path in a browser: corrections anchors that a chapter's "Updated" line reaches, citations that copy,
// paragraph links. The lesson plans' links and the teaching guides are files: tests/dist/teach-pages.test.ts.

const slugs = builtChapterSlugs();

test('/corrections/ has an anchor for every chapter, where its "Updated" line lands', async ({ page }) => {
  await page.goto('/corrections/');
  for (const slug of slugs) {
    const section = page.locator(`#chapter-${slug}`);
    await expect(section, slug).toHaveCount(1);
    const entries = await section.locator('.entry').count();
    if (entries === 0) await expect(section).toContainText('No corrections to this chapter.');
  }
  await page.goto('/chapters/the-bet/');
  await page.getByRole('link', { name: /^Updated/ }).click();
  await page.waitForURL('**/corrections/#chapter-the-bet');
  await expect(page.locator('#chapter-the-bet')).toBeInViewport();
});

test.describe('copying', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Cite this chapter" gives four styles, dated today, each copied by its button', async ({ page }) => {
    await page.goto('/chapters/the-bet/');
    const box = page.locator('.cite-box');
    await box.locator('summary').click();
    const items = box.locator('.cite-item');
    await expect(items).toHaveCount(4);
    await expect(items.locator('.cite-label')).toHaveText(['APA', 'MLA', 'Chicago', 'BibTeX']);
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }));
    const apa = items.nth(0).locator('.cite-text');
    await expect(apa).toContainText(`Retrieved ${today}, from ${canonical}`);
    await expect(apa.locator('i')).toHaveText('The bet.');
    await items.nth(0).getByRole('button', { name: 'Copy APA citation' }).click();
    await expect(box.getByRole('status')).toHaveText('APA citation copied.');
    await expect.poll(() => clipboard(page)).toBe(await apa.textContent());
    await items.nth(3).getByRole('button', { name: 'Copy BibTeX citation' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^@online\{thereset-the-bet-\d{4},\n/);
    const bib = await clipboard(page);
    expect(bib).toContain(`url = {${canonical}}`);
  });

  test('"Cite" on a chart gives four styles with the chart\'s stable address', async ({ page }) => {
    await page.goto('/charts/');
    const card = page.locator('[id^="chart-"]').first();
    const id = (await card.getAttribute('id'))!.replace(/^chart-/, '');
    const title = (await card.locator('.w-title').textContent())!.trim();
    await card.scrollIntoViewIfNeeded();
    await card.locator('.w-cite summary').click();
    const panel = card.locator('.w-cite-panel');
    await expect(panel.locator('.cite-item')).toHaveCount(4);
    await expect(panel.locator('.cite-item').nth(0)).toContainText(`${title} [Interactive chart]`);
    await expect(panel.locator('.cite-item').nth(0)).toContainText(`/charts/#chart-${id}`);
    await panel.getByRole('button', { name: 'Copy MLA citation' }).click();
    await expect.poll(() => clipboard(page)).toContain('Interactive chart. Accessed');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('"link to this paragraph" shows on focus and copies the paragraph\'s address', async ({ page }) => {
    await page.goto('/chapters/the-reset/');
    const p = page.locator('.chapter-body p[id="p-2"]');
    const button = p.getByRole('button', { name: 'Copy link to this paragraph' });
    await button.focus();
    await expect(button).toBeVisible();
    // Polled: the button fades in (a transition that may still be running when focus lands).
    await expect.poll(() => button.evaluate((b) => Number(getComputedStyle(b).opacity)), { message: 'the focused button is fully opaque' }).toBe(1);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    await expect.poll(async () => { const u = new URL(await clipboard(page)); return u.pathname + u.hash; }).toBe('/chapters/the-reset/#p-2');
    // Inside a scroll step, the link is the step's (which also sets the chart).
    const stepButton = page.locator('[data-step] p').first().getByRole('button');
    await expect(stepButton).toHaveAccessibleName('Copy link to this step');
    await stepButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => new URL(await clipboard(page)).hash).toMatch(/^#step-\d+$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the paragraph links, which only copy with JavaScript, are in the page but not shown', async ({ page }) => {
    await page.goto('/chapters/the-reset/');
    const buttons = page.locator('.chapter-body button.plink');
    expect(await buttons.count()).toBeGreaterThan(10);
    await page.locator('.chapter-body p[id="p-2"]').hover();
    await expect(buttons.first()).toBeHidden();
    expect(await page.evaluate(() => matchMedia('(scripting: none)').matches)).toBe(true);
  });
});
