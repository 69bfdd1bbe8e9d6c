import { expect, test } from '@playwright/test';
import { builtChapterSlugs, builtSteps } from './teach-helpers';

// The printable handout (/teach/<slug>/handout/): printed, every step of every scroll sequence is a figure holding
// the chart in that step's state, with the step's text as its caption. The charts are rendered at build time and
// never hydrated. Chromium's page.pdf() prints it. The steps are read from the built chapter (their data attributes).

for (const slug of builtChapterSlugs()) {
  test(`${slug}: the printed handout has one figure per step, each in that step's state`, async ({ page }) => {
    test.setTimeout(180_000);
    const steps = builtSteps(slug);
    expect(steps.length, `${slug} has no scroll steps`).toBeGreaterThan(0);

    await page.goto(`/teach/${slug}/handout/`);
    await page.emulateMedia({ media: 'print' });
    const figures = page.locator('figure.handout-step');
    await expect(figures).toHaveCount(steps.length);
    const charts = page.locator('figure.handout-step figure[data-widget]');
    await expect(charts).toHaveCount(steps.length);
    for (let i = 0; i < steps.length; i++) {
      const fig = figures.nth(i);
      await expect(fig).toBeVisible();
      await expect(fig.locator('figure[data-widget]')).toBeVisible();
      await expect(fig.locator('figure[data-widget]')).toHaveAttribute('data-as-of', steps[i]!.asOf!);
      await expect(fig.locator('figure[data-widget]')).toHaveAttribute('data-highlight', steps[i]!.highlight);
      // The caption is the step itself.
      await expect(fig.locator(`figcaption #${steps[i]!.id}`)).toBeVisible();
    }
    // Static: no chart in the handout's figures is, or holds, an island that would hydrate.
    await expect(page.locator('figure.handout-step reset-chart')).toHaveCount(0);
    // Paper takes no instructions for a screen ("tap or hover…"): the charts draw them, the handout hides them.
    const hints = page.locator('figure.handout-step [data-hint]');
    const drawn = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('data-widget')));
    // Every chart but the timeline (a list, with no "select" hint) writes one.
    if (drawn.some((id) => id !== 'timeline')) expect(await hints.count(), 'the charts no longer mark their screen instructions with data-hint').toBeGreaterThan(0);
    expect(await hints.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
    // The sticky originals are not printed.
    expect(await page.locator('.scrolly-graphic').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(0);
    // The rest of the handout: activity with the chart state written out, questions, vocabulary, sources.
    await expect(page.getByRole('heading', { name: 'Discussion questions' })).toBeVisible();
    await expect(page.locator('.activity .url').first()).toContainText(/\/embed\/[a-z-]+\/\?asOf=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole('heading', { name: 'Vocabulary' })).toBeVisible();
  });
}

test('a chapter handout prints to PDF with every step', async ({ page }) => {
  test.setTimeout(240_000); // printing a dozen pages of charts is slow on a busy machine
  const slug = 'outgrowing-one-cloud';
  const steps = builtSteps(slug);
  await page.goto(`/teach/${slug}/handout/`);
  await page.emulateMedia({ media: 'print' });
  const visible = await page.locator('figure.handout-step figure[data-widget]').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 50).length);
  expect(visible).toBe(steps.length);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length, 'a PDF with charts is more than a few kilobytes').toBeGreaterThan(60_000);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages, 'one figure per step needs several pages').toBeGreaterThanOrEqual(Math.ceil(steps.length / 3));
});

test('the chapter page itself prints the address of its handout', async ({ page }) => {
  await page.goto('/chapters/the-bet/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handout-note')).toBeVisible();
  await expect(page.locator('.handout-note')).toContainText('/teach/the-bet/handout/');
  await expect(page.locator('.cite-box')).toBeHidden();
});
