// Scroll sequences read as a reader scrolls them: at six screen sizes, every step of every sequence is reached by
// wheel steps of 70 px (never a jump inside a sequence), and when it becomes the active step its sticky graphic lies
// wholly on screen below the site header, the marks it highlights are in view, no step card covers any of them,
// and cards cover at most a fifth of the graphic. No chart shifts the layout when it wakes. A screenshot of every
// step at 375 and 1280 px wide goes to the test's output folder.
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './quality-helpers';

const SEQUENCED = builtPages()
  .filter((p) => p.type === 'chapter' && /data-scrolly\b/.test(p.html))
  .map((p) => p.path)
  .sort();
const VIEWPORTS: [number, number][] = [[320, 568], [375, 667], [390, 844], [768, 1024], [1280, 800], [1440, 900]];
const SHOTS = new Set([375, 1280]);
const WHEEL = 70;

test.use({ reducedMotion: 'reduce' });

interface StepCheck {
  id: string;
  widget: string;
  /** The figure, the header's bottom and the viewport. */
  fig: { top: number; bottom: number; left: number; right: number };
  headerBottom: number;
  /** Highlighted marks drawn (visible, with a size), those not wholly on screen, those a card covers. */
  marks: number;
  outOfView: string[];
  covered: string[];
  /** Share of the graphic's on-screen area under a step card. */
  cardShare: number;
}

/** The active step's checks, once its chart shows its state; null while no step is newly active. */
async function checkActive(seen: string[]): Promise<StepCheck | null> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const step = [...document.querySelectorAll<HTMLElement>('[data-step].is-active')].find((s) => !seen.includes(s.id));
  // The first step is active from the start; it counts once it reaches the trigger line (60% down, scrolly-client.ts).
  if (!step || step.getBoundingClientRect().top > innerHeight * 0.6 + 1) return null;
  const section = step.closest<HTMLElement>('[data-scrolly]')!;
  const fig = section.querySelector<HTMLElement>('.scrolly-graphic figure[data-widget]')!;
  // Not yet in the step's state (the chart's island may still be waking): look again after the next wheel step.
  if (fig.dataset.asOf !== step.dataset.asOf || fig.dataset.highlight !== (step.dataset.highlight ?? '')) return null;
  const vw = innerWidth;
  const vh = innerHeight;
  const headerBottom = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
  const f = fig.getBoundingClientRect();
  const inCard = (x: number, y: number) => !!document.elementFromPoint(x, y)?.closest('[data-step]');
  const marks = [...fig.querySelectorAll<Element>('.w-chart [data-hl="on"]')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  });
  const name = (el: Element) => el.getAttribute('data-mark') ?? el.getAttribute('data-ids') ?? el.tagName;
  const outOfView: string[] = [];
  const covered: string[] = [];
  for (const el of marks) {
    const r = el.getBoundingClientRect();
    if (r.top < headerBottom - 1 || r.bottom > vh + 1 || r.left < -1 || r.right > vw + 1) outOfView.push(name(el));
    const xs = [r.left + r.width * 0.2, r.left + r.width / 2, r.right - r.width * 0.2];
    const ys = [r.top + r.height * 0.25, r.top + r.height / 2, r.bottom - r.height * 0.25];
    if (xs.some((x) => ys.some((y) => y > headerBottom && y < vh && x > 0 && x < vw && inCard(x, y)))) covered.push(name(el));
  }
  // The graphic's on-screen area sampled on a 16 × 16 grid.
  let n = 0;
  let under = 0;
  for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) {
    const x = f.left + ((i + 0.5) / 16) * f.width;
    const y = f.top + ((j + 0.5) / 16) * f.height;
    if (y <= headerBottom || y >= vh || x <= 0 || x >= vw) continue;
    n++;
    if (inCard(x, y)) under++;
  }
  return {
    id: step.id,
    widget: fig.dataset.widget!,
    fig: { top: f.top, bottom: f.bottom, left: f.left, right: f.right },
    headerBottom,
    marks: marks.length,
    outOfView,
    covered,
    cardShare: n ? under / n : 1,
  };
}

/** Every sequence's steps, in order, with the highlight each sets. */
async function sequences(page: Page) {
  return page.locator('[data-scrolly]').evaluateAll((els) =>
    els.map((s) => ({
      top: s.getBoundingClientRect().top + scrollY,
      bottom: s.querySelector('.scrolly-steps')!.getBoundingClientRect().bottom + scrollY,
      steps: [...s.querySelectorAll<HTMLElement>('[data-step]')].map((st) => ({ id: st.id, highlight: st.dataset.highlight ?? '' })),
    })),
  );
}

for (const [w, h] of VIEWPORTS) for (const chapter of SEQUENCED) {
  test(`${chapter} at ${w}×${h}: each step's graphic fits below the header, its marks in view and uncovered`, async ({ page }, testInfo) => {
    // Layout shifts inside a sequence's graphic (a chart waking up must not move anything).
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
          if (!e.hadRecentInput && e.sources?.some((s) => s.node instanceof Element && s.node.closest('.scrolly-graphic'))) (window as unknown as { __shift: number }).__shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.setViewportSize({ width: w, height: h });
    await page.goto(chapter);
    await page.mouse.move(w / 2, h - 20);
    const seqs = await sequences(page);
    expect(seqs.length).toBeGreaterThan(0);
    const seen: string[] = [];
    const slug = chapter.split('/').filter(Boolean).pop();
    for (const seq of seqs) {
      // Arrive a screen above the sequence, then scroll through it as a reader does.
      await page.evaluate((y) => window.scrollTo(0, Math.max(0, y)), seq.top - h);
      const ids = seq.steps.map((s) => s.id);
      for (let i = 0; i < 400 && !ids.every((id) => seen.includes(id)); i++) {
        await page.mouse.wheel(0, WHEEL);
        const c = await page.evaluate(checkActive, seen);
        if (!c) continue;
        seen.push(c.id);
        const step = seq.steps.find((s) => s.id === c.id)!;
        const where = `${chapter}#${c.id} (${c.widget}) at ${w}×${h}`;
        expect(c.fig.top, `${where}: the graphic starts under the header`).toBeGreaterThanOrEqual(c.headerBottom - 1);
        expect(c.fig.bottom, `${where}: the graphic ends on screen`).toBeLessThanOrEqual(h + 1);
        expect(c.fig.left, `${where}: the graphic fits the width`).toBeGreaterThanOrEqual(-1);
        expect(c.fig.right, `${where}: the graphic fits the width`).toBeLessThanOrEqual(w + 1);
        if (step.highlight) expect(c.marks, `${where}: highlight "${step.highlight}" lights a mark`).toBeGreaterThan(0);
        expect(c.outOfView, `${where}: highlighted marks out of view`).toEqual([]);
        expect(c.covered, `${where}: highlighted marks under a card`).toEqual([]);
        expect(c.cardShare, `${where}: share of the graphic under a card`).toBeLessThanOrEqual(0.2);
        if (SHOTS.has(w)) await page.screenshot({ path: testInfo.outputPath(`${slug}-${c.id}-${w}.png`) });
      }
      expect(ids.filter((id) => !seen.includes(id)), `${chapter} at ${w}×${h}: steps never reached in their state`).toEqual([]);
    }
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift), 'layout shift inside a sequence graphic').toBeLessThanOrEqual(0.01);
  });
}
