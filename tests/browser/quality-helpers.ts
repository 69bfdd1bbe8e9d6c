/**
 * Helpers for the whole-site quality specs (sweep, no-js, widgets, keyboard): which pages the build holds,
 * worker-scoped browser contexts that are reused across pages, scrolling to hydrate `client:visible` islands, and
 * waiting for the network to go quiet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { hydratableIslandsDone } from '../../scripts/quality/islands.mjs';
import { AXE_TAGS, THEME_STORAGE_KEY, formatViolations, listBuiltPages, outDir, type Theme } from './helpers';

export interface BuiltPage {
  /** URL path, e.g. `/chapters/the-bet/`. */
  path: string;
  /** home, chapter, embed, embed-builder, teach, glossary, … (first path segment otherwise). */
  type: string;
  /** The built HTML (read once, when the spec file is loaded). */
  html: string;
}

/** Same classification as scripts/quality/dist.mjs pageType(). */
export function pageType(path: string): string {
  const segs = path.split('/').filter(Boolean);
  if (segs.length === 0) return 'home';
  if (segs[0] === 'chapters' && segs.length === 2) return 'chapter';
  if (segs[0] === 'embed') return segs.length === 1 ? 'embed-builder' : 'embed';
  return segs[0].replace(/\.html$/, '');
}

function fileOf(path: string): string {
  const dir = outDir();
  return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

/**
 * Every page in the build (whatever it holds when the specs are collected), minus meta-refresh redirect pages.
 * An empty build yields no pages; the specs then add one failing test saying so.
 */
export function builtPages(): BuiltPage[] {
  if (!existsSync(outDir())) return [];
  return listBuiltPages()
    .map((path) => ({ path, type: pageType(path), html: readFileSync(fileOf(path), 'utf8') }))
    .filter((p) => !/<meta\s[^>]*http-equiv=["']?refresh/i.test(p.html));
}

/** Widget ids found in a page's HTML (`data-widget="…"` on figures), in order of appearance, unique. */
export function widgetIdsIn(html: string): string[] {
  return [...new Set([...html.matchAll(/<figure\b[^>]*\bdata-widget="([^"]+)"/g)].map((m) => m[1]))];
}

/**
 * Counts requests in flight on a page (main frame and subframes), so a test can wait until the page has stopped
 * loading: `await quiet()` resolves once nothing has been in flight for `idleMs`.
 */
export function trackNetwork(page: Page) {
  let inflight = 0;
  let last = Date.now();
  const started = () => {
    inflight++;
    last = Date.now();
  };
  const ended = () => {
    inflight = Math.max(0, inflight - 1);
    last = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async quiet(idleMs = 250, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inflight === 0 && Date.now() - last >= idleMs) return;
        await page.waitForTimeout(50);
      }
    },
    reset() {
      inflight = 0;
      last = Date.now();
    },
    detach() {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

/**
 * Brings everything that loads or hydrates on visibility into view: each Astro island (`client:visible`), each lazy
 * image or iframe and each scroll sequence is scrolled to the middle of the viewport for two animation frames (so its
 * IntersectionObserver fires), then the page is scrolled to the bottom and (with `back`) to the top again. One round
 * trip to the page, much faster than scrolling a long chapter a viewport at a time. Needs page scripts enabled
 * (requestAnimationFrame); with JavaScript off there is nothing to hydrate, so do not call it there.
 */
export async function scrollThrough(page: Page, { back = true } = {}) {
  await page.evaluate(async (backToTop) => {
    const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    // A chart's runtime element has no box: scroll to its figure, which the runtime observes.
    const targets = [...document.querySelectorAll('reset-chart:not([data-awake]), [loading="lazy"], [data-scrolly]')].map((t) =>
      t.tagName === 'RESET-CHART' ? (t.closest('figure') ?? t) : t,
    );
    for (const t of targets) {
      t.scrollIntoView({ block: 'center', behavior: 'instant' });
      await frames();
    }
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await frames();
    if (backToTop) {
      window.scrollTo({ top: 0, behavior: 'instant' });
      await frames();
    }
  }, back);
}

/**
 * Waits until every chart the runtime CAN wake has woken (`reset-chart[data-awake]`). A chart with no box (inside
 * something hidden, e.g. print-only markup) never comes near the viewport, so it is not waited for. Returns the
 * charts still asleep.
 */
export async function islandsHydrated(page: Page, timeout = 5_000) {
  await page
    .waitForFunction(hydratableIslandsDone, undefined, { timeout })
    .catch(() => undefined);
  return page.evaluate(() => [...document.querySelectorAll('reset-chart:not([data-awake])')].map((i) => i.closest('figure')?.getAttribute('data-widget') ?? '?'));
}

async function newThemedPage(browser: Browser, baseURL: string, theme: Theme | null, extra: BrowserContextOptions = {}) {
  const context: BrowserContext = await browser.newContext({
    baseURL,
    colorScheme: theme ?? 'light',
    reducedMotion: 'reduce',
    ...extra,
  });
  if (theme && extra.javaScriptEnabled !== false) {
    await context.addInitScript(
      ([key, value]) => {
        try {
          window.localStorage.setItem(key, value);
        } catch {
          /* opaque origins have no localStorage */
        }
      },
      [THEME_STORAGE_KEY, theme] as const,
    );
  }
  return context.newPage();
}

/**
 * The viewport each theme's page uses: light on a desktop width, dark on a phone width. Every page is checked in both
 * themes and, at no extra cost, at both widths (layouts that hide a label or reflow on phones get checked too).
 */
export const THEME_VIEWPORT: Record<Theme, { width: number; height: number }> = {
  light: { width: 1280, height: 800 },
  dark: { width: 375, height: 812 },
};

type WorkerPages = {
  /** One page per theme for the whole worker (viewport per THEME_VIEWPORT), reused by every test it runs. */
  themedPage: (theme: Theme) => Promise<Page>;
  /** One page with JavaScript disabled and one with it enabled, reused across tests. */
  jsPage: (enabled: boolean) => Promise<Page>;
};

/**
 * `test` with worker-scoped pages: a browser context is created once per worker and theme (or JS setting) and reused
 * page after page, instead of a fresh context per test. A failing test restarts its worker, so state never leaks from
 * a failure into the next test.
 */
export const test = base.extend<object, WorkerPages>({
  themedPage: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? 'http://127.0.0.1:4321';
      const pages = new Map<Theme, Page>();
      await use(async (theme) => {
        let page = pages.get(theme);
        if (!page || page.isClosed()) {
          page = await newThemedPage(browser, baseURL, theme, { viewport: THEME_VIEWPORT[theme] });
          pages.set(theme, page);
        }
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
  jsPage: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? 'http://127.0.0.1:4321';
      const pages = new Map<boolean, Page>();
      await use(async (enabled) => {
        let page = pages.get(enabled);
        if (!page || page.isClosed()) {
          page = await newThemedPage(browser, baseURL, null, { javaScriptEnabled: enabled });
          pages.set(enabled, page);
        }
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

let axeSource: string | null = null;
function axeSourceText(): string {
  if (!axeSource) {
    // axe-core as @axe-core/playwright itself resolves it: the same version AxeBuilder runs.
    const fromProject = createRequire(resolve('package.json'));
    const fromBuilder = createRequire(fromProject.resolve('@axe-core/playwright'));
    axeSource = readFileSync(fromBuilder.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/**
 * axe-core with the project's tags (WCAG 2.0/2.1 A+AA, 2.2 AA), reporting violations only. Same rules and results
 * as AxeBuilder, several times faster on a page without frames: it injects axe into the page and calls
 * axe.run directly, where AxeBuilder opens an extra page for every analysis (about 4 s each on this machine). A page
 * with frames goes through AxeBuilder, which checks every frame. `include` limits the check to one element.
 */
export async function fastAxe(page: Page, { theme, include }: { theme?: Theme; include?: string } = {}) {
  if (theme) {
    const applied = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
    if (applied !== null && applied !== theme) throw new Error(`asked for the ${theme} theme, but <html data-theme="${applied}">`);
  }
  let violations: Violation[];
  if (page.frames().length > 1) {
    let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
    if (include) builder = builder.include(include);
    violations = (await builder.analyze()).violations;
  } else {
    // Parsing axe costs a second or more on this machine: once per document, not once per analysis.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSourceText());
    violations = await page.evaluate(
      async ({ tags, include }) => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
        const context = include ? { include: [[include]] } : document;
        const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations;
      },
      { tags: AXE_TAGS, include: include ?? null },
    ) as Violation[];
  }
  const label = `${page.url()}${include ? ` ${include}` : ''}${theme ? ` [${theme}]` : ''}: `;
  return { violations, report: formatViolations(violations, label) };
}
