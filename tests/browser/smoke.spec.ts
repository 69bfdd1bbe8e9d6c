import { expect, test } from '@playwright/test';
import { collectRequests, expectNoConsoleErrors, runAxe, setTheme, type Theme } from './helpers';

// The home page and the first chapter, in both themes: each loads with 200, logs no errors, loads nothing that fails
// and nothing from another origin, and has no axe-core (WCAG 2.2 AA) violations.
const PAGES = ['/', '/chapters/the-bet/'];
const THEMES: Theme[] = ['light', 'dark'];

for (const path of PAGES) {
  for (const theme of THEMES) {
    test(`${path} [${theme}] loads cleanly and passes axe`, async ({ page }) => {
      await setTheme(page, theme);
      const consoleErrors = expectNoConsoleErrors(page);
      const requests = collectRequests(page);

      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response, `no response for ${path}`).not.toBeNull();
      expect(response!.status(), `HTTP status of ${path}`).toBe(200);
      // Let late requests (lazy scripts, islands, fonts) finish or fail before judging.
      await page.waitForLoadState('networkidle');

      const axe = await runAxe(page, { theme });

      expect.soft(axe.violations.length, axe.report).toBe(0);
      expect.soft(consoleErrors.errors, `console errors on ${path}:\n${consoleErrors.errors.join('\n')}`).toEqual([]);
      expect.soft(requests.failed, `failed requests on ${path}:\n${requests.failed.join('\n')}`).toEqual([]);
      expect.soft(requests.foreign, `requests to other origins from ${path}:\n${requests.foreign.join('\n')}`).toEqual([]);
    });
  }
}
