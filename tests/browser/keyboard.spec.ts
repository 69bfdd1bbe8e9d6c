import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { outDir } from './helpers';
import { builtPages, islandsHydrated } from './quality-helpers';

// Keyboard only, through a chapter: the first chapter (in the home page's order) that has a scroll sequence.
//   1. From the top, the first Tab stop is the skip link; Enter moves focus to #main; the next Tab lands inside main.
//   2. From the top again, Tab through the whole page. At EVERY stop the focused element has a visible focus
//      indicator (an outline ≥ 2px that is not transparent, a box-shadow, or a visible change against its unfocused
//      self or its immediate neighbours) and is in the viewport, not entirely hidden under sticky content.
//   3. The walk reached every link of the table of contents, every control of every widget (figure[data-widget]),
//      an Embed link and a Cite button.

const MAX_STOPS = 1500;

function pickChapter(): string | null {
  const pages = builtPages();
  const chapters = pages.filter((p) => p.type === 'chapter' && /data-scrolly\b/.test(p.html)).map((p) => p.path);
  if (chapters.length === 0) return null;
  let homeHtml = '';
  try {
    homeHtml = readFileSync(join(outDir(), 'index.html'), 'utf8');
  } catch {
    /* no home page: alphabetical order */
  }
  const rank = (path: string) => {
    const i = homeHtml.indexOf(`href="${path}"`);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return chapters.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
}

const CHAPTER = pickChapter();

// No trace: it would snapshot the DOM at each of hundreds of key presses; the messages name every failing stop.
test.use({ trace: 'off' });

/** Style properties whose change on focus a reader can see. */
const PROPS = [
  'outline-style',
  'outline-width',
  'outline-color',
  'outline-offset',
  'box-shadow',
  'background-color',
  'color',
  'border-top-color',
  'border-bottom-color',
  'border-left-color',
  'border-right-color',
  'border-top-width',
  'border-bottom-width',
  'text-decoration-line',
  'text-decoration-thickness',
  'text-decoration-color',
  'fill',
  'stroke',
  'stroke-width',
  'opacity',
  'transform',
] as const;

interface Stop {
  n: number;
  desc: string;
  text: string;
  inMain: boolean;
  inToc: boolean;
  figure: string | null;
  /** Outline ≥ 2px (not transparent) or a box-shadow. */
  ring: string | null;
  inViewport: boolean;
  obscuredBy: string | null;
  focused: Record<string, string>;
}

/** Describes the focused element, its focus indicator and where it sits; tags it with data-kb-stop=n. */
async function inspectFocus(page: Page, n: number): Promise<Stop | null> {
  return page.evaluate(
    ({ n, props }) => {
      let el = document.activeElement as HTMLElement | null;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const snapshot = (target: Element | null, pseudo?: string) => {
        if (!target) return {};
        const cs = getComputedStyle(target, pseudo);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      const flat = (prefix: string, rec: Record<string, string>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [`${prefix}${k}`, v]));
      const focused = {
        ...flat('', snapshot(el)),
        ...flat('::before ', snapshot(el, '::before')),
        ...flat('::after ', snapshot(el, '::after')),
        ...flat('parent ', snapshot(el.parentElement)),
        ...flat('next ', snapshot(el.nextElementSibling)),
        ...flat('prev ', snapshot(el.previousElementSibling)),
      };
      const cs = getComputedStyle(el);
      const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
      let ring: string | null = null;
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && !transparent(cs.outlineColor)) {
        ring = `outline ${cs.outlineWidth} ${cs.outlineStyle}`;
      } else if (cs.boxShadow && cs.boxShadow !== 'none') {
        ring = `box-shadow ${cs.boxShadow.slice(0, 40)}`;
      }
      const r = el.getBoundingClientRect();
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const inViewport = r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw && (r.width > 0 || r.height > 0);
      // Entirely hidden under something else (a sticky header)? Probe the centre and four inset points.
      let obscuredBy: string | null = null;
      if (inViewport && r.width >= 4 && r.height >= 4) {
        const pts = [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + 2, r.top + 2],
          [r.right - 2, r.top + 2],
          [r.left + 2, r.bottom - 2],
          [r.right - 2, r.bottom - 2],
        ].filter(([x, y]) => x >= 0 && y >= 0 && x < vw && y < vh);
        const hits = pts.map(([x, y]) => document.elementFromPoint(x, y));
        const mine = (h: Element | null) => !!h && (h === el || el!.contains(h) || h.contains(el!) || (el instanceof HTMLLabelElement && h === el.control));
        if (hits.length && !hits.some(mine)) {
          const h = hits.find(Boolean);
          obscuredBy = h ? `${h.tagName.toLowerCase()}${h.id ? `#${h.id}` : ''}${h.classList.length ? `.${[...h.classList].join('.')}` : ''}` : 'nothing';
        }
      }
      el.setAttribute('data-kb-stop', String(n));
      const text = (el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim();
      const desc = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${text.slice(0, 50)}"`;
      return {
        n,
        desc,
        text,
        inMain: !!el.closest('main'),
        inToc: !!el.closest('nav.toc, nav[aria-labelledby="toc-title"], [data-toc]'),
        figure: el.closest('figure[data-widget]')?.getAttribute('data-widget') ?? null,
        ring,
        inViewport,
        obscuredBy,
        focused,
      };
    },
    { n, props: [...PROPS] },
  );
}

/** Waits (up to 1s) for the focused element to be scrolled into the viewport, then inspects it. */
async function settleAndInspect(page: Page, n: number): Promise<Stop | null> {
  let stop = await inspectFocus(page, n);
  for (let i = 0; stop && (!stop.inViewport || stop.obscuredBy) && i < 10; i++) {
    await page.waitForTimeout(100);
    stop = await inspectFocus(page, n);
  }
  return stop;
}

test.describe('keyboard only', () => {
  test.use({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  test('the build has a chapter with a scroll sequence to walk', () => {
    expect(CHAPTER, 'no chapter page with a scroll sequence in the build').toBeTruthy();
  });

  test(`skip link first, then into #main: ${CHAPTER}`, async ({ page }) => {
    await page.goto(CHAPTER!, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const first = await settleAndInspect(page, 0);
    expect(first, 'the first Tab focuses nothing').not.toBeNull();
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href, `the first Tab stop is ${first!.desc}, not the skip link to #main`).toBe('#main');
    expect(first!.ring ?? 'none', `the skip link has no visible focus indicator`).not.toBe('none');
    expect(first!.inViewport, 'the focused skip link is not in the viewport').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: 'Enter on the skip link does not move focus to #main' }).toBe('main');
    await page.keyboard.press('Tab');
    const next = await settleAndInspect(page, 1);
    expect(next?.inMain, `after the skip link, Tab goes to ${next?.desc ?? 'nothing'}, outside main`).toBe(true);
  });

  test(`Tab through ${CHAPTER}: focus always visible; TOC, widget controls, Embed and Cite reached`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(CHAPTER!, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const stops: Stop[] = [];
    const problems: string[] = [];
    for (let n = 0; n < MAX_STOPS; n++) {
      await page.keyboard.press('Tab');
      const already = await page.evaluate(() => document.activeElement?.getAttribute('data-kb-stop') ?? null);
      // Tab inside a date input moves between its fields: the same element stays focused.
      if (already !== null && stops.length && already === String(stops[stops.length - 1].n)) continue;
      if (already !== null) break; // wrapped around to a stop seen before
      const stop = await settleAndInspect(page, n);
      if (!stop) {
        if (stops.length > 0) break; // focus left the document: the end of the page
        continue;
      }
      stops.push(stop);
      if (!stop.inViewport) problems.push(`stop ${n} ${stop.desc}: not in the viewport after focus`);
      if (stop.obscuredBy) problems.push(`stop ${n} ${stop.desc}: entirely hidden under ${stop.obscuredBy}`);
    }
    expect(stops.length, 'Tab reached no element at all').toBeGreaterThan(0);

    // Stops without a ring: compare with the same element (and its neighbours) unfocused, now that focus has moved on.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const stop of stops.filter((s) => !s.ring)) {
      const unfocused = await page.evaluate(
        ({ n, props }) => {
          const el = document.querySelector(`[data-kb-stop="${n}"]`);
          if (!el) return null;
          const snapshot = (target: Element | null, pseudo?: string) => {
            if (!target) return {};
            const cs = getComputedStyle(target, pseudo);
            return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
          };
          const flat = (prefix: string, rec: Record<string, string>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [`${prefix}${k}`, v]));
          return {
            ...flat('', snapshot(el)),
            ...flat('::before ', snapshot(el, '::before')),
            ...flat('::after ', snapshot(el, '::after')),
            ...flat('parent ', snapshot(el.parentElement)),
            ...flat('next ', snapshot(el.nextElementSibling)),
            ...flat('prev ', snapshot(el.previousElementSibling)),
          };
        },
        { n: stop.n, props: [...PROPS] },
      );
      if (!unfocused) {
        problems.push(`stop ${stop.n} ${stop.desc}: no outline or box-shadow, and the element is gone (cannot compare)`);
        continue;
      }
      const changed = Object.keys(stop.focused).filter((k) => stop.focused[k] !== unfocused[k] && !/^(?:parent |next |prev )?opacity$/.test(k));
      if (changed.length === 0) problems.push(`stop ${stop.n} ${stop.desc}: no visible focus indicator (no outline ≥ 2px, no box-shadow, no style change on focus)`);
    }

    // What the walk must have reached.
    const expected = await page.evaluate(() => {
      const focusable =
        'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable=true]';
      const tabbable = (el: Element) => {
        const h = el as HTMLElement;
        if (h.tabIndex < 0 || (h as HTMLButtonElement).disabled || h.closest('[inert]')) return false;
        if (h.tagName === 'SUMMARY' && h.parentElement?.tagName === 'DETAILS' && h.parentElement.querySelector('summary') !== h) return false;
        return h.checkVisibility({ checkVisibilityCSS: true });
      };
      const name = (el: Element) => {
        const h = el as HTMLElement;
        return `${h.tagName.toLowerCase()}${h.getAttribute('href') ? `[href="${h.getAttribute('href')}"]` : ''} "${(h.getAttribute('aria-label') || h.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
      };
      const toc = [...document.querySelectorAll('nav.toc a[href], nav[aria-labelledby="toc-title"] a[href]')].filter(tabbable);
      const figures = [...document.querySelectorAll('figure[data-widget]')].map((f) => {
        const seenRadio = new Set<string>();
        const controls = [...f.querySelectorAll(focusable)].filter(tabbable).filter((el) => {
          const input = el as HTMLInputElement;
          if (input.type === 'radio' && input.name) {
            // A radio group is one Tab stop: count it once, reached if any of its radios was.
            if (seenRadio.has(input.name)) return false;
            seenRadio.add(input.name);
          }
          return true;
        });
        const missed = controls.filter((el) => {
          const input = el as HTMLInputElement;
          if (input.type === 'radio' && input.name) {
            return ![...f.querySelectorAll(`input[type=radio][name="${CSS.escape(input.name)}"]`)].some((r) => r.hasAttribute('data-kb-stop'));
          }
          return !el.hasAttribute('data-kb-stop');
        });
        return { id: f.getAttribute('data-widget') ?? '?', controls: controls.length, missed: missed.map(name) };
      });
      return { toc: toc.length, tocMissed: toc.filter((el) => !el.hasAttribute('data-kb-stop')).map(name), figures };
    });

    const summary = `${stops.length} Tab stops on ${CHAPTER}`;
    expect.soft(expected.toc, `${CHAPTER}: no table of contents links found`).toBeGreaterThan(0);
    expect.soft(expected.tocMissed, `table of contents links Tab never reached (${summary})`).toEqual([]);
    expect.soft(expected.figures.length, `${CHAPTER}: no figure[data-widget] on the page`).toBeGreaterThan(0);
    for (const f of expected.figures) {
      expect.soft(f.controls, `widget ${f.id}: no keyboard-reachable control`).toBeGreaterThan(0);
      expect.soft(f.missed, `widget ${f.id}: controls Tab never reached (${summary})`).toEqual([]);
    }
    const embed = stops.filter((s) => /\bembed\b/i.test(s.text));
    const cite = stops.filter((s) => /\bcite\b/i.test(s.text));
    expect.soft(embed.length, `no "Embed" link among the ${summary}`).toBeGreaterThan(0);
    expect.soft(cite.length, `no "Cite" button among the ${summary}`).toBeGreaterThan(0);
    expect.soft(problems, `focus problems (${summary})`).toEqual([]);

    const hydration = await islandsHydrated(page, 1);
    test.info().annotations.push({ type: 'stops', description: `${summary}; islands not hydrated at the end: ${hydration.length}` });
  });
});
