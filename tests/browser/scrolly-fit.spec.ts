// Scroll sequences read as a reader scrolls them: at six screen sizes, every step of every sequence is reached by
// wheel notches of 100 px (never a jump inside a sequence), and when it becomes the active step its sticky graphic lies
// wholly on screen below the site header, the marks it highlights are in view, no step card covers any of them,
// cards cover at most a fifth of the graphic, and its text renders at 11 px or more (a drawing scaled down to fit
// the screen makes its text smaller than drawn). No chart shifts the layout when it wakes. A screenshot of every
// step at 375 and 1280 px wide goes to the test's output folder.
//
// One page load per chapter and viewport. The wheel steps that bring the next step across the trigger line are
// counted from the steps' positions (read once: nothing in a sequence moves the page's layout), sent one after
// another, and then ONE evaluate per step waits for the scroll to settle and the chart to take the step's state and
// measures everything; so the walk of every chapter at six viewports stays within two minutes on two workers.
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './quality-helpers';

const SEQUENCED = builtPages()
  .filter((p) => p.type === 'chapter' && /data-scrolly\b/.test(p.html))
  .map((p) => p.path)
  .sort();
const VIEWPORTS: [number, number][] = [[320, 568], [375, 667], [390, 844], [768, 1024], [1280, 800], [1440, 900]];
const SHOTS = new Set([375, 1280]);
/** One notch of a mouse wheel, as Chrome scrolls it on Windows (three lines). */
const WHEEL = 100;
/** Where a step becomes active: 60% down the screen (src/client/scrolly.ts). */
const TRIGGER = 0.6;
/** The smallest text a reader gets in a graphic, in CSS pixels as rendered. */
const LEGIBLE = 11;

test.use({ reducedMotion: 'reduce' });

interface StepCheck {
  id: string;
  /** Why the step could not be checked (never reached its state), if so. */
  error?: string;
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
  /** The smallest text shown in the graphic as rendered (px), and its words. */
  minFont: { px: number; text: string };
  /** Where the next step's top is on screen now, to count the wheel steps to it. */
  nextTop: number | null;
}

/** Once the wheel's scroll has settled at `y` and the chart shows the step's state: the step's checks. */
async function checkStep({ id, y, next }: { id: string; y: number; next: string | null }): Promise<StepCheck> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const step = document.getElementById(id)!;
  const section = step.closest<HTMLElement>('[data-scrolly]')!;
  const fig = section.querySelector<HTMLElement>('.scrolly-graphic figure[data-widget]')!;
  const until = performance.now() + 8000;
  let last = -1;
  let still = 0;
  for (;;) {
    await frame();
    // Settled: where the wheel steps lead, or still for three frames (the page's end stops it short).
    still = scrollY === last ? still + 1 : 0;
    const settled = (Math.abs(scrollY - y) < 2 && still >= 1) || still >= 3;
    last = scrollY;
    // The chart may still be waking: it counts once it shows the step's state.
    const inState = step.classList.contains('is-active') && fig.dataset.asOf === step.dataset.asOf && fig.dataset.highlight === (step.dataset.highlight ?? '');
    if (settled && inState) break;
    if (performance.now() > until) {
      const why = `scrollY ${scrollY} (wanted ${y}), active ${step.classList.contains('is-active')}, figure ${fig.dataset.asOf}/${fig.dataset.highlight} for ${step.dataset.asOf}/${step.dataset.highlight ?? ''}`;
      return { id, error: why, widget: fig.dataset.widget!, fig: { top: 0, bottom: 0, left: 0, right: 0 }, headerBottom: 0, marks: 0, outOfView: [], covered: [], cardShare: 0, minFont: { px: Infinity, text: '' }, nextTop: null };
    }
  }
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
  // The smallest text shown: an SVG's text at its font size times the drawing's scale (the viewBox fitted into the
  // element's box, as preserveAspectRatio's default "meet" does), HTML text at its own size.
  let minFont = { px: Infinity, text: '' };
  const shown = (el: Element) => !!el.textContent?.trim() && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const consider = (el: Element, px: number) => {
    if (px < minFont.px) minFont = { px: Math.round(px * 100) / 100, text: el.textContent!.trim().slice(0, 40) };
  };
  for (const svg of fig.querySelectorAll('svg')) {
    const vb = svg.viewBox.baseVal;
    if (!vb?.width || !svg.checkVisibility()) continue;
    const b = svg.getBoundingClientRect();
    const scale = Math.min(b.width / vb.width, b.height / vb.height);
    for (const t of svg.querySelectorAll('text, tspan')) if (shown(t)) consider(t, parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  for (const el of fig.querySelectorAll('*:not(svg, svg *)')) {
    if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) && shown(el)) consider(el, parseFloat(getComputedStyle(el).fontSize));
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
    minFont,
    nextTop: next ? document.getElementById(next)!.getBoundingClientRect().top : null,
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

test('every chapter with a scroll sequence is walked, the one with two charts among them', () => {
  expect(SEQUENCED).toContain('/chapters/all-in/');
  expect(SEQUENCED.length).toBeGreaterThanOrEqual(6);
});

for (const [w, h] of VIEWPORTS) for (const chapter of SEQUENCED) {
  test(`${chapter} at ${w}×${h}: each step's graphic fits below the header, its marks in view and uncovered`, async ({ page }, testInfo) => {
    // A chapter's walk takes 10–50 s on a machine shared by several test runs: room for that, not for a hang.
    test.setTimeout(120_000);
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
    const slug = chapter.split('/').filter(Boolean).pop();
    for (const seq of seqs) {
      // Arrive a screen above the sequence, then scroll through it as a reader does.
      let [y, top] = await page.evaluate(
        ([to, first]) => (window.scrollTo(0, Math.max(0, to)), [scrollY, document.getElementById(first)!.getBoundingClientRect().top]),
        [seq.top - h, seq.steps[0]!.id] as const,
      );
      for (const [k, step] of seq.steps.entries()) {
        // Whole notches, then the rest as one short scroll (a reader slowing down at the step, as on a trackpad),
        // bringing the step's top just across the trigger line: a step shorter than a notch is not jumped over.
        // (Positions are read fresh: web fonts and waking charts may have moved the page since it loaded.)
        const distance = Math.max(0, Math.ceil(top - h * TRIGGER + 2));
        const notches = Array.from({ length: Math.floor(distance / WHEEL) }, () => WHEEL);
        if (distance % WHEEL) notches.push(distance % WHEEL);
        // Sent back to back (in order, over one connection) without waiting for each to be handled: a reader's
        // flick of the wheel, and half the time of one round trip per notch.
        await Promise.all(notches.map((dy) => page.mouse.wheel(0, dy)));
        y += distance;
        const c = await page.evaluate(checkStep, { id: step.id, y, next: seq.steps[k + 1]?.id ?? null });
        top = c.nextTop ?? 0;
        const where = `${chapter}#${c.id} (${c.widget}) at ${w}×${h}`;
        // Soft: a failing step still lets the walk go on, so one run names every step that fails.
        expect.soft(c.error, `${where}: reached in its state`).toBeUndefined();
        expect.soft(c.fig.top, `${where}: the graphic starts under the header`).toBeGreaterThanOrEqual(c.headerBottom - 1);
        expect.soft(c.fig.bottom, `${where}: the graphic ends on screen`).toBeLessThanOrEqual(h + 1);
        expect.soft(c.fig.left, `${where}: the graphic fits the width`).toBeGreaterThanOrEqual(-1);
        expect.soft(c.fig.right, `${where}: the graphic fits the width`).toBeLessThanOrEqual(w + 1);
        if (step.highlight) expect(c.marks, `${where}: highlight "${step.highlight}" lights a mark`).toBeGreaterThan(0);
        expect.soft(c.outOfView, `${where}: highlighted marks out of view`).toEqual([]);
        expect.soft(c.covered, `${where}: highlighted marks under a card`).toEqual([]);
        expect.soft(c.cardShare, `${where}: share of the graphic under a card`).toBeLessThanOrEqual(0.2);
        expect.soft(c.minFont.px, `${where}: smallest text as rendered ("${c.minFont.text}")`).toBeGreaterThanOrEqual(LEGIBLE);
        if (SHOTS.has(w)) await page.screenshot({ path: testInfo.outputPath(`${slug}-${c.id}-${w}.png`) });
      }
    }
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift), 'layout shift inside a sequence graphic').toBeLessThanOrEqual(0.01);
  });
}
