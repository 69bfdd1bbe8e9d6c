import { expect, test } from '@playwright/test';
import { builtChapterSlugs, builtSteps } from './teach-helpers';

// The printable handout (/teach/<slug>/handout/): printed, every step of every scroll sequence is a figure holding
// the chart in that step's state, with the step's text as its caption. The charts are rendered at build time and
// never hydrated. Chromium's page.pdf() prints it. The steps are read from the built chapter (their data attributes).

for (const slug of builtChapterSlugs()) {
  test(`${slug}: the printed handout has one figure per step, each in that step's state`, async ({ page }) => {
    const steps = builtSteps(slug);
    expect(steps.length, `${slug} has no scroll steps`).toBeGreaterThan(0);

    await page.goto(`/teach/${slug}/handout/`);
    await page.emulateMedia({ media: 'print' });
    // Everything the checks need, read in one round trip (a handout holds a dozen charts).
    const shown = (el: Element | null) => !!el && (el as HTMLElement).checkVisibility({ checkVisibilityCSS: true }) && el.getBoundingClientRect().height > 0;
    const printed = await page.evaluate((shownSrc) => {
      const isShown = new Function(`return (${shownSrc})`)() as (el: Element | null) => boolean;
      return {
        figures: [...document.querySelectorAll('figure.handout-step')].map((f) => {
          const chart = f.querySelector('figure[data-widget]');
          return {
            shown: isShown(f),
            chartShown: isShown(chart),
            asOf: chart?.getAttribute('data-as-of') ?? null,
            highlight: chart?.getAttribute('data-highlight') ?? null,
            caption: [...f.querySelectorAll('figcaption [id]')].filter(isShown).map((c) => c.id),
          };
        }),
        charts: document.querySelectorAll('figure.handout-step figure[data-widget]').length,
        islands: document.querySelectorAll('figure.handout-step reset-chart').length,
        widgets: [...document.querySelectorAll('figure.handout-step figure[data-widget]')].map((e) => e.getAttribute('data-widget')),
        hints: document.querySelectorAll('figure.handout-step [data-hint]').length,
        hintsShown: [...document.querySelectorAll('figure.handout-step [data-hint]')].filter(isShown).length,
        stickyShown: [...document.querySelectorAll('.scrolly-graphic')].filter((e) => getComputedStyle(e).display !== 'none').length,
        headings: [...document.querySelectorAll('h2')].filter(isShown).map((h) => h.textContent!.trim()),
        activityUrl: document.querySelector('.activity .url')?.textContent ?? '',
      };
    }, shown.toString());
    expect(printed.figures.length).toBe(steps.length);
    expect(printed.charts).toBe(steps.length);
    printed.figures.forEach((f, i) => {
      const step = steps[i]!;
      expect.soft(f, `${slug}: the figure of ${step.id}`).toEqual({ shown: true, chartShown: true, asOf: step.asOf, highlight: step.highlight, caption: expect.arrayContaining([step.id]) });
    });
    // Static: no chart in the handout's figures is, or holds, an island that would hydrate.
    expect(printed.islands).toBe(0);
    // Paper takes no instructions for a screen ("tap or hover…"): the charts draw them, the handout hides them.
    // Every chart but the timeline (a list, with no "select" hint) writes one.
    if (printed.widgets.some((id) => id !== 'timeline')) expect(printed.hints, 'the charts no longer mark their screen instructions with data-hint').toBeGreaterThan(0);
    expect(printed.hintsShown).toBe(0);
    // The sticky originals are not printed.
    expect(printed.stickyShown).toBe(0);
    // The rest of the handout: activity with the chart state written out, questions, vocabulary, sources.
    expect(printed.headings).toEqual(expect.arrayContaining(['Discussion questions', 'Vocabulary']));
    expect(printed.activityUrl).toMatch(/\/embed\/[a-z-]+\/\?asOf=\d{4}-\d{2}-\d{2}/);
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
