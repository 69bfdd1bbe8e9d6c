import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { builtChapterSlugs } from './teach-helpers';

// The teacher's path: /teach/ plans whose every link lands (paragraphs and steps that exist, with the words the
// plan quotes; charts that open in the state named), a guide per chapter with its frontmatter goals and questions,
// a charted activity, vocabulary and primary sources; corrections anchors; citations that copy; paragraph links.

const slugs = builtChapterSlugs();
const frontmatter = (slug: string) => {
  const name = readdirSync('content/chapters').find((f) => f.endsWith(`-${slug}.mdx`) || f === `${slug}.mdx`)!;
  const file = readFileSync(`content/chapters/${name}`, 'utf8');
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(file)![1]!) as { title: string; goals: string[]; questions: string[]; updated: string; order: number };
};

/** Every link on a page, with its text and, when a plan quotes the passage, the quoted words. */
const linksOn = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, quote: a.querySelector('.quote')?.textContent?.replace(/^“|…”$/g, '') ?? null })));

test('every link in the lesson plans lands where it says', async ({ page }) => {
  test.setTimeout(300_000); // some forty links, each a page load
  await page.goto('/teach/');
  await expect(page.getByRole('heading', { level: 2, name: 'The reset in one lesson' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Seven years in three lessons' })).toBeVisible();
  const links = await linksOn(page, '[data-plan-link]');
  expect(links.length).toBeGreaterThan(20);
  const kinds = new Set(await page.locator('[data-plan-link]').evaluateAll((as) => as.map((a) => a.getAttribute('data-kind'))));
  for (const k of ['Paragraph', 'Chart step', 'Chart', 'Section', 'Guide', 'Handout', 'Glossary']) expect(kinds, `plans have a ${k} link`).toContain(k);

  // Once each, grouped by page, so links into one chapter are fast same-document moves.
  const unique = [...new Map(links.map((l) => [`${l.href} ${l.quote}`, l])).values()].sort((a, b) => a.href.localeCompare(b.href));
  for (const { href, quote } of unique) {
    const url = new URL(href, page.url());
    const res = await page.goto(url.pathname + url.search + url.hash);
    // A link to another spot on the page already open is a same-document navigation, with no response.
    if (res) expect(res.status(), href).toBe(200);
    if (url.hash) {
      const target = page.locator(`[id="${url.hash.slice(1)}"]`);
      await expect(target, `${href}: no element with that id`).toHaveCount(1);
      if (quote) expect((await target.innerText()).replace(/\s+/g, ' ').trim(), `${href} should start with the words the plan quotes`).toMatch(new RegExp(`^${quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    if (url.pathname.startsWith('/embed/')) {
      // A chart state link: the standalone chart shows that date (and highlight).
      const chart = page.locator('figure[data-widget]').first();
      await expect(chart, href).toHaveAttribute('data-as-of', url.searchParams.get('asOf')!);
      if (url.searchParams.get('highlight')) await expect(chart, href).toHaveAttribute('data-highlight', url.searchParams.get('highlight')!);
    }
    if (url.hash.startsWith('#step-')) {
      // A step link: the chapter's chart takes that step's state.
      const step = page.locator(url.hash);
      const section = page.locator('section[data-scrolly]', { has: step });
      await expect(section.locator('[data-state-host]'), href).toHaveAttribute('data-state-as-of', (await step.getAttribute('data-as-of'))!);
    }
  }
});

for (const slug of slugs) {
  test(`${slug}: the teaching guide has goals, questions, an activity, vocabulary and primary sources`, async ({ page }) => {
    test.setTimeout(180_000);
    const fm = frontmatter(slug);
    await page.goto(`/teach/${slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fm.title);
    const goals = page.locator('ol.goals li');
    await expect(goals).toHaveCount(fm.goals.length);
    const questions = page.locator('ol.questions li');
    await expect(questions).toHaveText(fm.questions);
    // The activity: a chart state to open, and the step of the story that shows it.
    const open = page.getByRole('link', { name: 'Open the chart in this state' });
    const href = (await open.getAttribute('href'))!;
    expect(href).toMatch(/^\/embed\/[a-z-]+\/\?asOf=\d{4}-\d{2}-\d{2}/);
    const stepLink = page.locator('.activity .where a[href*="#step-"]');
    const stepHref = (await stepLink.getAttribute('href'))!;
    expect(stepHref).toMatch(new RegExp(`^/chapters/${slug}/#step-\\d+$`));
    await expect(page.locator('.activity .tasks li').first()).toBeVisible();
    // The live chart beside the activity is in the same state.
    await expect(page.locator('.activity figure[data-widget]')).toHaveAttribute('data-as-of', new URL(href, page.url()).searchParams.get('asOf')!);
    await expect(page.getByRole('heading', { name: 'Vocabulary' })).toBeVisible();
    for (const a of await page.locator('.vocab dt a').evaluateAll((as) => as.map((x) => x.getAttribute('href')!))) expect(a).toMatch(/^\/glossary\/#term-[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { name: 'Primary sources to read' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Printable handout' })).toHaveAttribute('href', `/teach/${slug}/handout/`);
    // The step the activity names shows the same state in the chapter.
    await page.goto(stepHref);
    const step = page.locator(new URL(stepHref, page.url()).hash);
    const state = new URL(href, page.url()).searchParams;
    await expect(step).toHaveAttribute('data-as-of', state.get('asOf')!);
    await expect(step).toHaveAttribute('data-highlight', state.get('highlight') ?? '');
  });
}

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
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await apa.textContent());
    await items.nth(3).getByRole('button', { name: 'Copy BibTeX citation' }).click();
    const bib = await page.evaluate(() => navigator.clipboard.readText());
    expect(bib).toMatch(/^@online\{thereset-the-bet-\d{4},\n/);
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
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Interactive chart. Accessed');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('"link to this paragraph" shows on focus and copies the paragraph\'s address', async ({ page }) => {
    await page.goto('/chapters/the-reset/');
    const p = page.locator('.chapter-body p[id="p-2"]');
    const button = p.getByRole('button', { name: 'Copy link to this paragraph' });
    await button.focus();
    await expect(button).toBeVisible();
    expect(Number(await button.evaluate((b) => getComputedStyle(b).opacity))).toBe(1);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname + new URL(copied).hash).toBe('/chapters/the-reset/#p-2');
    // Inside a scroll step, the link is the step's (which also sets the chart).
    const stepButton = page.locator('[data-step] p').first().getByRole('button');
    await expect(stepButton).toHaveAccessibleName('Copy link to this step');
    await stepButton.focus();
    await page.keyboard.press('Enter');
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash).toMatch(/^#step-\d+$/);
  });
});
