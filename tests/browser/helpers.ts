/** Shared helpers for the browser tests (Playwright). */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** The localStorage key the site's theme toggle writes ('light' | 'dark' | 'auto'). */
export const THEME_STORAGE_KEY = 'reset-theme';

/** WCAG 2.0/2.1 A+AA and 2.2 AA: the bar every page has to clear, in both themes. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The built site's folder, as astro.config.mjs resolves it. */
export function outDir(): string {
  return resolve(process.env.RESET_OUT_DIR || 'dist');
}

/** The origin the site is served from: the project's baseURL (playwright.config.ts). */
export function siteOrigin(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts sets no baseURL');
  return new URL(baseURL).origin;
}

/**
 * Collects console errors and uncaught page errors from the moment it is called.
 * Call before `page.goto`; call `.assert()` at the end of the test.
 */
export function expectNoConsoleErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // Not `(url:line:col)`: Playwright would mistake such a line for a stack frame and print it twice.
    const where = loc?.url ? ` [${loc.url}, line ${loc.lineNumber + 1}]` : '';
    errors.push(`console.error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return {
    errors,
    assert(message = 'console errors on the page') {
      expect(errors, `${message}:\n${errors.join('\n')}`).toEqual([]);
    },
  };
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** One readable block per violation: rule, impact, help link, then each failing node's selector and summary. */
export function formatViolations(violations: Violation[], label = ''): string {
  if (violations.length === 0) return `${label}no axe violations`;
  const MAX_NODES = 5;
  const blocks = violations.map((v) => {
    const nodes = v.nodes.slice(0, MAX_NODES).map((n) => {
      const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', ');
      const summary = (n.failureSummary ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, 2)
        .join(' ');
      return `    - ${target}\n      ${summary}`;
    });
    if (v.nodes.length > MAX_NODES) nodes.push(`    … and ${v.nodes.length - MAX_NODES} more`);
    return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  });
  return `${label}${violations.length} axe violation(s):\n${blocks.join('\n')}`;
}

/**
 * Every built HTML page as a URL path: `index.html` files become their folder (`/`, `/chapters/the-bet/`), any other
 * `.html` file keeps its name (`/404.html`). Astro's asset folder `_astro/` is skipped. Sorted.
 */
export function listBuiltPages(dir: string = outDir()): string[] {
  const pages: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (current === dir && entry.name === '_astro') continue;
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        if (entry.name === 'index.html') pages.push(`/${rel.slice(0, -'index.html'.length)}`);
        else pages.push(`/${rel}`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}
