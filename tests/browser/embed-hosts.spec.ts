/**
 * The build on Cloudflare's own runtime (`wrangler pages dev`, started here on a free port), seen by Chromium from
 * another origin: embed pages can be framed by any site and nothing else can, an embed inside WordPress's sandbox
 * loads its modules (CORS) and takes its state, and the pages whose policy the site relies on most (search's
 * WebAssembly, the builder's preview frames, the chart image download, a chapter's islands) break no rule of
 * their CSP. Header values path by path: tests/dist/headers-hosts.test.ts; the <meta> policy of every page:
 * tests/dist/csp-meta.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtWidgets, outDir, page as hostHtml, startHostServer, type TestServer } from './embed-helpers';
import { startWrangler, type Wrangler } from '../dist/hosts';

const widgets = builtWidgets();
const id = widgets.includes('money-flows') ? 'money-flows' : widgets[0]!;

let cf: Wrangler;
let host: TestServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cf = await startWrangler(outDir());
  const frames = (path: string) => `<iframe src="${cf.origin}${path}" title="t" width="600" height="400"></iframe>`;
  host = await startHostServer({
    '/embed.html': hostHtml('h', frames(`/embed/${id}/`)),
    '/charts.html': hostHtml('h', frames('/charts/')),
    '/builder.html': hostHtml('h', frames('/embed/')),
    '/wordpress.html': hostHtml(
      'h',
      `<iframe sandbox="allow-scripts" security="restricted" src="${cf.origin}/embed/${id}/?theme=dark&asOf=2024-06-01#?secret=abc123" data-secret="abc123" title="t" width="600" height="400"></iframe>`,
    ),
  });
});

test.afterAll(async () => {
  await host?.close();
  await cf?.stop();
});

test('another site can frame an embed page', async ({ page }) => {
  await page.goto(`${host.origin}/embed.html`);
  await expect(page.frameLocator('iframe').locator('figure.widget')).toBeVisible();
});

for (const [name, path] of [
  ['the charts page', '/charts.html'],
  ['the builder (/embed/)', '/builder.html'],
] as const) {
  test(`another site cannot frame ${name}`, async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (m) => /frame-ancestors|Refused to frame/i.test(m.text()) && refused.push(m.text()));
    await page.goto(`${host.origin}${path}`);
    await expect.poll(() => refused.length, { message: 'the browser refused to frame it' }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url(), "the frame shows the browser's error page, not ours").not.toContain(cf.origin);
  });
}

test("inside WordPress's sandbox the embed hydrates and takes its state (modules load with CORS)", async ({ page }) => {
  await page.goto(`${host.origin}/wordpress.html`);
  const frame = page.frameLocator('iframe');
  // The chart runtime (a module from /_astro/, which needs CORS inside the sandbox) wakes the chart.
  await expect(frame.locator('reset-chart')).toHaveAttribute('data-awake', '', { timeout: 15_000 });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  const fig = frame.locator('figure.widget');
  const min = await fig.evaluate(() => JSON.parse((document.querySelector('[data-embed-root]') as HTMLElement).dataset.embedRules ?? '{}').min as string);
  if (min <= '2024-06-01') await expect(fig).toHaveAttribute('data-as-of', '2024-06-01');
});

/** Collects CSP violations in every frame of the page, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { csp: string[] };
    w.csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.csp.push(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => (await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { csp?: string[] }).csp ?? []).catch(() => [])))).flat();
}

// Pagefind compiles its WebAssembly in a worker (whose policy is its own response's); the page's 'wasm-unsafe-eval'
// covers its fallback to the main thread.
test('search loads its WebAssembly and finds results within the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  const wasm: string[] = [];
  page.on('response', (r) => /\/wasm\.[^/]*\.pagefind$/.test(r.url()) && wasm.push(r.url()));
  await page.goto(`${cf.origin}/`);
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: /search/i }).fill('Trainium');
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible({ timeout: 20_000 });
  expect(wasm.length, 'Pagefind loaded its WebAssembly').toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});

test('the builder, its preview frames, a chapter and the image download break no rule of their policy', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto(`${cf.origin}/embed/?widget=${id}&theme=dark`);
  await expect(page.frameLocator('iframe[data-preview="desktop"]').locator('figure.widget')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(), '/embed/').toEqual([]);

  const chapter = `/chapters/${(await (await fetch(`${cf.origin}/sitemap-0.xml`)).text()).match(/\/chapters\/([a-z0-9-]+)\//)![1]}/`;
  await page.goto(`${cf.origin}${chapter}`);
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 700) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
  });
  expect(await violations(), chapter).toEqual([]);

  await page.goto(`${cf.origin}/embed/${id}/?theme=dark`);
  await page.waitForFunction(() => document.querySelector('reset-chart') && !document.querySelector('reset-chart:not([data-awake])'));
  await page.locator('a[data-embed-image-toggle]').click();
  for (const kind of ['png', 'svg']) {
    // A drawing the policy blocks never becomes a file: wait briefly, not for the whole test.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator(`button[data-embed-image="${kind}"]`).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${kind}$`));
  }
  expect(await violations(), `/embed/${id}/ image download`).toEqual([]);
});
