import { expect, test } from '@playwright/test';
import { builtChapterSlugs, builtHtml } from './teach-helpers';

// Search (Pagefind, built with the site): loads nothing until opened, opens with "/", arrow keys move through the
// results, Enter opens one, Escape closes. Searching "Trainium" leads to a chapter that tells the Trainium story.

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
/** Chapters whose article mentions Trainium, most mentions first. */
const trainiumChapters = () =>
  builtChapterSlugs()
    .map((slug) => {
      const html = builtHtml(`/chapters/${slug}/`);
      const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
      return { slug, n: (text(article).match(/Trainium/g) ?? []).length };
    })
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);

test('search loads nothing until opened, then finds "Trainium" and opens the right chapter by keyboard', async ({ page }) => {
  const expected = trainiumChapters();
  expect(expected.length, 'no chapter in the build mentions Trainium').toBeGreaterThan(0);

  const pagefindRequests: string[] = [];
  page.on('request', (r) => r.url().includes('/pagefind/') && pagefindRequests.push(r.url()));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(pagefindRequests, 'Pagefind must not load with the page').toEqual([]);

  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: /search/i });
  await expect(input).toBeFocused();
  await input.fill('Trainium');

  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(pagefindRequests.length, 'Pagefind loads once search is used').toBeGreaterThan(0);
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toBeVisible();

  const hrefs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  const index = hrefs.findIndex((h) => h.startsWith('/chapters/'));
  expect(index, `no chapter among the results: ${hrefs.join(', ')}`).toBeGreaterThanOrEqual(0);
  const slug = hrefs[index]!.split('/')[2]!;
  expect(expected.map((c) => c.slug), `the first chapter result (${slug}) does not mention Trainium`).toContain(slug);

  // The first result is active; arrow down to the chapter result.
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(index).getAttribute('id'))!);
  await input.press('Enter');

  await page.waitForURL(new RegExp(`/chapters/${slug}/`));
  await expect(page.locator('article.chapter')).toContainText('Trainium');
  const hash = new URL(page.url()).hash;
  if (hash) await expect(page.locator(hash)).toBeAttached();
});

test('Escape closes search and gives focus back; arrow keys wrap', async ({ page }) => {
  await page.goto('/glossary/');
  const opener = page.getByRole('button', { name: /search/i });
  await opener.click();
  const input = page.getByRole('combobox', { name: /search/i });
  await expect(input).toBeFocused();
  await input.fill('revenue share');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  const n = await options.count();
  await input.press('ArrowUp');
  await expect(options.nth(n - 1)).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
  // "/" typed into a field types a slash instead of opening search.
  await page.keyboard.press('/');
  await expect(input).toBeFocused();
  await input.fill('a/b');
  await expect(input).toHaveValue('a/b');
});

test('the glossary, sources and charts pages are in the index', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /search/i }).click();
  const input = page.getByRole('combobox', { name: /search/i });
  const options = page.getByRole('listbox').getByRole('option');
  for (const [q, path] of [
    ['right of first refusal', '/glossary/'],
    ['Bloomberg', '/sources/'],
    ['embedded', '/charts/'],
  ] as const) {
    await input.fill(q);
    await expect(options.first()).toBeVisible();
    await expect
      .poll(async () => (await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))).some((h) => h.startsWith(path)), { message: `"${q}" should find ${path}` })
      .toBe(true);
  }
});
