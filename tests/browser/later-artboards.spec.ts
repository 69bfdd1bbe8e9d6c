// A chapter's later artboards in the browser (src/widgets/shared/later-artboards.ts): a phone never loads the wider
// drawings; a wide screen loads the chapter's file once and each chart shows the drawing made for its width, in the
// chart's state; a phone turned wide gets them then; a chart on screen when they arrive keeps its height; a file
// that cannot be had leaves the phone drawing; printing puts them in; without JavaScript the phone drawing stands in,
// at the shape of the drawing the width would show.
// The file-level contract is in tests/dist/later-artboards.test.ts.
import { expect, test, type Page } from '@playwright/test';
import { islandsHydrated, scrollThrough } from './quality-helpers';

// An inline cloud-matrix (its strips), money-flows' two views and a scroll sequence: every kind of later artboard.
const CHAPTER = '/chapters/who-comes-out-ahead/';
const FILE = `${CHAPTER}artboards.json`;

test.use({ reducedMotion: 'reduce' });

/** Opens the chapter at a screen size with every chart awake; the list fills with each load of an artboards file. */
async function openAwake(page: Page, width: number, height: number) {
  const loads: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/artboards.json')) loads.push(new URL(r.url()).pathname);
  });
  await page.setViewportSize({ width, height });
  await page.goto(CHAPTER);
  await scrollThrough(page);
  expect(await islandsHydrated(page)).toEqual([]);
  return loads;
}

/** The charts that show a drawing: each one's shown artboards must all differ from the phone's. */
function expectWide(charts: Awaited<ReturnType<typeof shown>>) {
  for (const c of charts.filter((x) => x.boards.length > 0)) {
    expect(c.waiting, `${c.widget}: artboards still waiting`).toBe(0);
    expect(c.boards.every((b) => b !== '320'), `${c.widget} shows ${c.boards}`).toBe(true);
    expect(c.outOfState, `${c.widget}: elements out of the chart's state`).toBe(0);
  }
}

/**
 * For each chart: the artboards shown (display not none), the templates still waiting, and how many elements of its
 * drawings are out of the chart's date: a dated element in another phase, an as-of line elsewhere than the date.
 */
function shown(page: Page) {
  return page.evaluate(() => {
    const phaseOf = (span: string, asOf: string) => {
      const [from = '', until = ''] = span.split(' ');
      return from && asOf < from ? 'before' : until && asOf >= until ? 'after' : 'in';
    };
    const misplaced = (svg: Element, asOf: string) => {
      const [d0, d1, x0, x1] = svg.getAttribute('data-time-scale')!.split(' ').map(Number) as [number, number, number, number];
      const x = x0 + ((Date.parse(asOf) / 864e5 - d0) / (d1 - d0)) * (x1 - x0);
      return [...svg.querySelectorAll<SVGElement>('[data-asof-x]')].filter((el) => Math.abs(Number(/translateX\(([-\d.]+)px\)/.exec(el.style.transform)?.[1]) - x) > 0.5);
    };
    return [...document.querySelectorAll<HTMLElement>('figure[data-widget]')].map((f) => {
      const asOf = f.getAttribute('data-as-of')!;
      const wrong = [
        ...[...f.querySelectorAll('.w-artboard [data-span]')].filter((el) => el.getAttribute('data-phase') !== phaseOf(el.getAttribute('data-span')!, asOf)),
        ...[...f.querySelectorAll('.w-artboard svg[data-time-scale]')].flatMap((svg) => misplaced(svg, asOf)),
      ];
      return {
        widget: f.getAttribute('data-widget'),
        boards: [...f.querySelectorAll<HTMLElement>('.w-artboard')].filter((b) => getComputedStyle(b).display !== 'none' && b.offsetParent !== null).map((b) => b.getAttribute('data-artboard')),
        waiting: f.querySelectorAll('template[data-later]').length,
        outOfState: wrong.length,
      };
    });
  });
}

test('a phone loads none of the wider artboards; turned wide, it gets them, in each chart\'s state', async ({ page }) => {
  const loads = await openAwake(page, 375, 740);
  const narrow = await shown(page);
  expect(narrow.filter((c) => c.boards.length > 0).length).toBeGreaterThanOrEqual(3);
  for (const c of narrow) {
    expect(new Set(c.boards), `${c.widget} at 375 px`).toEqual(new Set(c.boards.length ? ['320'] : []));
  }
  expect(narrow.reduce((n, c) => n + c.waiting, 0)).toBeGreaterThan(0);
  expect(loads).toEqual([]);

  // The reader moves the inline chart to another date: the artboards that arrive later must show that date too.
  const matrix = page.locator('figure[data-widget="cloud-matrix"]');
  await matrix.locator('button[data-moment="gpt-oss-on-bedrock-2025"]').click();
  await expect(matrix).not.toHaveAttribute('data-as-of', '2026-04-28');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await shown(page)).filter((c) => c.waiting > 0 && c.boards.length > 0).length).toBe(0);
  expectWide(await shown(page));
  expect(loads).toEqual([FILE]);
});

test('a wide screen loads the chapter\'s artboards once, and every chart shows the one drawn for its width', async ({ page }) => {
  const loads = await openAwake(page, 1280, 800);
  const charts = await shown(page);
  expect(charts.filter((c) => c.boards.length > 0).length).toBeGreaterThanOrEqual(3);
  expectWide(charts);
  expect(loads).toEqual([FILE]);
});

test('a chart on screen when its wider artboards arrive does not move the page', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __shift: number }).__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; sources?: { node?: Node }[] }[]) {
        if (e.sources?.some((s) => s.node instanceof Element && s.node.closest('figure[data-widget]'))) (window as unknown as { __shift: number }).__shift += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Hold the file back until the chart is on screen, so its artboards arrive under the reader's eyes.
  let release: () => void = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(`**${FILE}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(CHAPTER);
  const matrix = page.locator('figure[data-widget="cloud-matrix"]');
  await matrix.evaluate((f) => f.querySelector('.w-artboard')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await expect(matrix.locator('template[data-later]').first()).toBeAttached();
  release();
  await expect(matrix.locator('template[data-later]')).toHaveCount(0);
  await expect(matrix.locator('.w-artboard[data-artboard="440"]').first()).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(0.001);
});

test('when the file cannot be had, every chart still wakes, on its phone drawing', async ({ page }) => {
  await page.route(`**${FILE}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAwake(page, 1280, 800);
  const charts = (await shown(page)).filter((c) => c.boards.length > 0);
  expect(charts.length).toBeGreaterThanOrEqual(3);
  for (const c of charts) expect(new Set(c.boards), c.widget!).toEqual(new Set(['320']));
  expect(errors).toEqual([]);
});

test('printing puts in the wider artboards of charts the reader has not reached', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const loaded = page.waitForResponse((r) => r.url().endsWith(FILE));
  await page.goto(CHAPTER);
  await loaded;
  expect(await page.locator('template[data-later]').count()).toBeGreaterThan(0);
  await page.pdf({ format: 'A4' });
  expect(await page.locator('template[data-later]').count()).toBe(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the phone drawing stands in at the shape of the drawing the width shows', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(CHAPTER);
    // Charts in the text column (no sequence's max-height): their figure shows the 440 px band.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('figure[data-widget] .w-artboard[data-artboard="320"][style]')]
        .filter((b) => !b.closest('[data-scrolly]') && b.closest('[hidden]') === null && getComputedStyle(b).display !== 'none')
        .map((b) => {
          const r = b.querySelector('svg')!.getBoundingClientRect();
          const [w, h] = /--later-440:\s*([\d.]+)\s*\/\s*([\d.]+)/.exec(b.getAttribute('style')!)!.slice(1).map(Number) as [number, number];
          return { drawn: r.width / r.height, declared: w / h };
        }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b.drawn).toBeCloseTo(b.declared, 2);
  });
});
