/**
 * Security headers and the script policy. Every built page carries a script CSP without 'unsafe-inline' that lists
 * the hash of each of its inline scripts, and no page violates it. Served the way Netlify or Cloudflare Pages serve
 * it (the build's _headers applied by a small static server), embed pages can be framed by any site and nothing
 * else can, downloads are open to other origins, and an embed inside WordPress's sandbox works in full.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtWidgets, headersFor, outDir, page as hostHtml, parseHeadersFile, startHostServer, startStaticServer, type TestServer } from './embed-helpers';
import { listBuiltPages } from './helpers';

const dir = outDir();
const widgets = builtWidgets();
const pages = listBuiltPages(dir);
const fileOf = (p: string) => (p.endsWith('/') ? join(dir, p, 'index.html') : join(dir, p));

test('every page has a script CSP with no unsafe-inline that allows exactly its inline scripts', () => {
  expect(pages.length).toBeGreaterThan(3);
  for (const p of pages) {
    const html = readFileSync(fileOf(p), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)];
    expect(metas, `${p}: one CSP <meta>`).toHaveLength(1);
    const csp = metas[0]![1]!;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc, `${p}: script-src`).toBeTruthy();
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    // Before any script, right after <meta charset>.
    const firstScript = html.indexOf('<script');
    if (firstScript >= 0) expect(html.indexOf('http-equiv="content-security-policy"'), `${p}: CSP before the first script`).toBeLessThan(firstScript);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/\ssrc=/.test(m[1]!) || /type="application\/(ld\+)?json"/.test(m[1]!)) continue;
      const hash = `'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`;
      expect(scriptSrc, `${p}: hash of an inline script`).toContain(hash);
    }
    expect(html, `${p}: no inline event handlers (CSP blocks them)`).not.toMatch(/<[a-z][^>]*\son(click|load|error|submit|change|input|mouseover)\s*=/i);
  }
});

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { csp: string[] }).csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { csp: string[] }).csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
}

test('no page violates its policy (home, a chapter, charts, an embed, the builder, data)', async ({ page }) => {
  // Six pages, each scrolled through so every island hydrates: more than one default test's time on a busy machine.
  test.setTimeout(150_000);
  await recordViolations(page);
  const chapter = pages.find((p) => p.startsWith('/chapters/') && p !== '/chapters/');
  for (const p of ['/', chapter, '/charts/', `/embed/${widgets[0]}/`, '/embed/', '/data/'].filter(Boolean) as string[]) {
    await page.goto(p);
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 700) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 40));
      }
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { csp: string[] }).csp), `${p}: CSP violations`).toEqual([]);
  }
});

test.describe('served with the rules of _headers', () => {
  let site: TestServer;
  let host: TestServer;

  test.beforeAll(async () => {
    site = await startStaticServer(dir);
    const frames = (path: string) => `<iframe src="${site.origin}${path}" title="t" width="600" height="400"></iframe>`;
    host = await startHostServer(
      {
        '/embed.html': hostHtml('h', frames(`/embed/${widgets[0]}/`)),
        '/charts.html': hostHtml('h', frames('/charts/')),
        '/builder.html': hostHtml('h', frames('/embed/')),
        '/wordpress.html': hostHtml(
          'h',
          `<iframe sandbox="allow-scripts" security="restricted" src="${site.origin}/embed/${widgets[0]}/?theme=dark&asOf=2024-06-01#?secret=abc123" data-secret="abc123" title="t" width="600" height="400"></iframe>`,
        ),
      },
    );
  });

  test.afterAll(async () => {
    await site?.close();
    await host?.close();
  });

  test('the file says what the README says', () => {
    const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    const csp = (p: string) => headersFor(rules, p)['content-security-policy'] ?? '';
    expect(csp('/')).toContain("frame-ancestors 'self'");
    expect(csp('/chapters/the-bet/')).toContain("frame-ancestors 'self'");
    expect(csp('/embed/')).toContain("frame-ancestors 'self'");
    for (const id of widgets) expect(csp(`/embed/${id}/`)).toMatch(/frame-ancestors \*(;|$)/);
    for (const p of ['/', `/embed/${widgets[0]}/`, '/data/']) expect(headersFor(rules, p)['referrer-policy']).toBe('strict-origin-when-cross-origin');
    for (const p of [`/data/${widgets[0]}.csv`, `/data/${widgets[0]}.json`, `/oembed/${widgets[0]}.json`, '/embed.js', '/_astro/x.js'])
      expect(headersFor(rules, p)['access-control-allow-origin'], p).toBe('*');
    expect(headersFor(rules, '/charts/')['access-control-allow-origin']).toBeUndefined();
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('## Serving: headers for static hosts');
    expect(readme).toContain('frame-ancestors *');
  });

  test('responses carry the headers', async ({ request }) => {
    const get = (p: string) => request.get(`${site.origin}${p}`);
    const embed = await get(`/embed/${widgets[0]}/`);
    expect(embed.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(embed.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect((await get('/charts/')).headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    expect((await get(`/data/${widgets[0]}.csv`)).headers()['access-control-allow-origin']).toBe('*');
  });

  test('another site can frame an embed page', async ({ page }) => {
    await page.goto(`${host.origin}/embed.html`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('figure.widget')).toBeVisible();
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
      expect(frame?.url(), "the frame shows the browser's error page, not ours").not.toContain(site.origin);
    });
  }

  test("inside WordPress's sandbox the embed hydrates and takes its state (modules load with CORS)", async ({ page }) => {
    await page.goto(`${host.origin}/wordpress.html`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('reset-chart:not([data-awake])')).toHaveCount(0, { timeout: 15_000 });
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    const fig = frame.locator('figure.widget');
    const min = await fig.evaluate(() => JSON.parse((document.querySelector('[data-embed-root]') as HTMLElement).dataset.embedRules ?? '{}').min as string);
    if (min <= '2024-06-01') await expect(fig).toHaveAttribute('data-as-of', '2024-06-01');
  });
});
