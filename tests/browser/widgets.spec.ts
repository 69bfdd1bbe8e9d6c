// Every widget on /charts/: operated by keyboard it changes state; axe finds nothing with its data table open;
// screenshots at 375px and 1280px, light and dark, are kept as test artifacts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { runAxe, setTheme } from './helpers';

const WIDGETS = ['money-flows', 'terms-timeline', 'compute-commitments', 'cloud-matrix', 'rpo-exposure', 'timeline'] as const;

async function hydrated(page: Page, id: string): Promise<Locator> {
  const fig = page.locator(`figure[data-widget="${id}"]`);
  await fig.scrollIntoViewIfNeeded();
  // The chart runtime wakes a chart near the viewport and marks its element data-awake.
  await expect(page.locator(`figure[data-widget="${id}"] reset-chart`)).toHaveAttribute('data-awake', '', { timeout: 15_000 });
  return fig;
}

test.use({ reducedMotion: 'reduce' });

for (const id of WIDGETS) {
  test(`${id}: keyboard changes its state`, async ({ page }) => {
    await page.goto('/charts/');
    const fig = await hydrated(page, id);
    const before = { asOf: await fig.getAttribute('data-as-of'), highlight: await fig.getAttribute('data-highlight') };
    const slider = fig.locator('input[type="range"]').first();
    if (await slider.count()) {
      await slider.focus();
      await page.keyboard.press('Home');
      await expect(fig).not.toHaveAttribute('data-as-of', before.asOf!);
      const atStart = await fig.getAttribute('data-as-of');
      await page.keyboard.press('ArrowRight');
      await expect(fig).not.toHaveAttribute('data-as-of', atStart!);
    } else if (id === 'timeline') {
      const chip = fig.locator('button[aria-pressed]').first();
      const summary = await fig.locator('.w-summary').textContent();
      await chip.focus();
      await page.keyboard.press('Enter');
      await expect(chip).toHaveAttribute('aria-pressed', 'true');
      await expect(fig.locator('.w-summary')).not.toHaveText(summary!);
    } else {
      // Static charts draw several artboards and show one: operate the one on screen.
      const mark = fig.locator('.w-chart [tabindex="0"]').filter({ visible: true }).first();
      await mark.focus();
      await page.keyboard.press('Enter');
      await expect(fig).not.toHaveAttribute('data-highlight', before.highlight ?? '');
    }
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every widget has no axe violations with its data table open (${theme})`, async ({ page }) => {
    // Six charts hydrated and opened, then axe over the whole gallery: a long test on a 2-core machine.
    test.setTimeout(150_000);
    await setTheme(page, theme);
    await page.goto('/charts/');
    for (const id of WIDGETS) {
      const fig = await hydrated(page, id);
      await fig.locator('.w-data summary').click();
      await expect(fig.locator('.w-data table').filter({ visible: true })).toHaveCount(1);
    }
    const { violations, report } = await runAxe(page, { theme });
    expect(violations, report).toEqual([]);
  });

  for (const width of [375, 1280]) {
    test(`screenshots at ${width}px (${theme})`, async ({ page }, info) => {
      await setTheme(page, theme);
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/charts/');
      for (const id of WIDGETS) {
        const fig = await hydrated(page, id);
        const box = await fig.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(width);
        await fig.screenshot({ path: info.outputPath(`${id}-${width}-${theme}.png`) });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}
