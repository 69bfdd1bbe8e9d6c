/**
 * The no-JavaScript comparison for the sweep (sweep.spec.ts): every built page, loaded once with JavaScript off, still
 * tells the whole story told by the same page with JavaScript on (same viewport, scrolled through so every chart has
 * woken):
 *   1. the text is complete: the page's rendered text (innerText, which leaves out what is display:none or hidden)
 *      with JavaScript off is at least 95% as long as with JavaScript on; UI that only works with JavaScript (the
 *      search box, anything marked data-needs-js) is left out of both counts;
 *   2. every chart is there: each figure[data-widget] holds an <svg> with marks (path, rect, circle, line, polyline,
 *      polygon, ellipse), visible wherever the same figure is visible with JavaScript;
 *   3. nothing is hidden behind a script: no passage of text (20+ characters) that is rendered with JavaScript is
 *      hidden without it. Controls that only work with JavaScript (buttons, inputs, the search box, anything marked
 *      data-needs-js) may be absent without it.
 * A drawing's words are compared only where both renders show the same artboard of it: on a chapter, a screen wider
 * than a phone's shows with JavaScript the artboard drawn for its width (loaded later: src/lib/later-artboards.ts),
 * and without it the phone's, whose labels are shorter by design (the chart's facts are in its table and notes).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

const MIN_RATIO = 0.95;
const MIN_PASSAGE = 20;

interface Render {
  text: string;
  figures: { id: string; svgs: number; marks: number; visible: boolean }[];
  /** Text passages in elements that are not rendered (hidden, display:none, visibility:hidden, closed <details>), and the drawing they are in. */
  hiddenPassages: { selector: string; text: string; why: string; drawing: string | null }[];
  /** The artboards shown ("<figure index>:<artboard>") and their words. */
  drawings: { key: string; text: string }[];
}

/** UI that only works with JavaScript: it may be missing without it, and its text is not counted either way. */
const JS_ONLY_SELECTOR = '[data-needs-js], search, [role="search"], .site-search';

export async function render(page: Page): Promise<Render> {
  // Read what a reader could see: not before the first frame. 'load' can come first, and until that frame Chromium
  // has not decided which content-visibility boxes are on screen. (Without JavaScript no frame callback runs in the
  // page, so the paint timing entry is what says a frame was drawn.)
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('paint').length), { message: `${page.url()}: no frame drawn` })
    .toBeGreaterThan(0);
  return page.evaluate(({ minPassage, JS_ONLY }) => {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const figures = [...document.querySelectorAll('figure[data-widget]')].map((f) => {
      const svgs = [...f.querySelectorAll('svg')];
      const marks = f.querySelectorAll('svg path, svg rect, svg circle, svg line, svg polyline, svg polygon, svg ellipse').length;
      const visible = svgs.some((s) => {
        const r = s.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && s.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      });
      return { id: f.getAttribute('data-widget') ?? '?', svgs: svgs.length, marks, visible };
    });
    // The outermost unrendered elements in <body> that carry text of their own (not controls, not JS-only UI).
    const allFigures = [...document.querySelectorAll('figure[data-widget]')];
    const drawingOf = (el: Element) => {
      const board = el.closest('.w-artboard');
      return board ? `${allFigures.indexOf(board.closest('figure[data-widget]')!)}:${board.getAttribute('data-artboard')}` : null;
    };
    const drawings = [...document.querySelectorAll<HTMLElement>('figure[data-widget] .w-artboard')]
      .filter((b) => b.checkVisibility({ checkVisibilityCSS: true }))
      .map((b) => ({ key: drawingOf(b)!, text: norm(b.innerText ?? '') }));
    const hiddenPassages: { selector: string; text: string; why: string; drawing: string | null }[] = [];
    const skip = `script, style, template, noscript, button, input, select, textarea, [role=tooltip], dialog, ${JS_ONLY}`;
    const walk = (el: Element) => {
      for (const child of el.children) {
        if (child.matches(skip)) continue;
        const html = child as HTMLElement;
        if (!html.checkVisibility({ checkVisibilityCSS: true })) {
          const text = norm(html.textContent ?? '');
          if (text.length >= minPassage) {
            const cs = getComputedStyle(html);
            const why = html.hidden ? 'hidden attribute' : cs.display === 'none' ? 'display:none' : cs.visibility === 'hidden' ? 'visibility:hidden' : 'not rendered';
            hiddenPassages.push({ selector: describe(html), text, why, drawing: drawingOf(html) });
          }
          continue;
        }
        walk(child);
      }
    };
    walk(document.body);
    // The text a reader gets, minus UI that only works with JavaScript and may be absent without it: the search box
    // and anything the site marks data-needs-js. (innerText leaves out what is not rendered.)
    let text = norm(document.body.innerText);
    const jsOnly = [...document.querySelectorAll(JS_ONLY)].filter((el) => !el.parentElement?.closest(JS_ONLY));
    for (const el of jsOnly) {
      const part = norm((el as HTMLElement).innerText ?? '');
      if (part) text = text.replace(part, ' ');
    }
    return { text: norm(text), figures, hiddenPassages, drawings };
  }, { minPassage: MIN_PASSAGE, JS_ONLY: JS_ONLY_SELECTOR });
}

/** The render's text without the words of the drawings the other render does not show. */
function comparable(r: Render, other: Render): string {
  const shown = new Set(other.drawings.map((d) => d.key));
  let text = r.text;
  for (const d of r.drawings) if (d.text && !shown.has(d.key)) text = text.replace(d.text, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** Asserts (softly, so one page names every difference) that `noJs` tells what `withJs` tells. */
export function expectSameStory(path: string, noJs: Render, withJs: Render) {
  // 1. The text is complete.
  const [off, on] = [comparable(noJs, withJs), comparable(withJs, noJs)];
  const ratio = on.length === 0 ? 1 : off.length / on.length;
  expect
    .soft(ratio, `${path}: without JavaScript the page shows ${off.length} characters of text, with it ${on.length} (${(ratio * 100).toFixed(1)}%, need ≥ ${MIN_RATIO * 100}%)`)
    .toBeGreaterThanOrEqual(MIN_RATIO);

  // 2. Every chart's SVG is there, with marks, and visible wherever it is visible with JavaScript (a figure that
  //    is hidden on screen by design, e.g. print-only markup, is hidden in both and not a failure).
  noJs.figures.forEach((f, i) => {
    expect.soft(f.svgs, `${path}: figure[data-widget="${f.id}"] has no <svg> without JavaScript`).toBeGreaterThan(0);
    expect.soft(f.marks, `${path}: figure[data-widget="${f.id}"] has an <svg> but no marks without JavaScript`).toBeGreaterThan(0);
    const twin = withJs.figures[i]?.id === f.id ? withJs.figures[i] : undefined;
    if (twin?.visible) {
      expect.soft(f.visible, `${path}: figure[data-widget="${f.id}"] (#${i + 1}) shows its <svg> with JavaScript but not without`).toBe(true);
    }
  });
  expect
    .soft(noJs.figures.length, `${path}: ${withJs.figures.length} chart(s) with JavaScript, ${noJs.figures.length} without`)
    .toBeGreaterThanOrEqual(withJs.figures.length);

  // 3. Nothing hidden behind a script: a passage hidden without JavaScript but shown with it.
  const sameDrawing = new Set(withJs.drawings.map((d) => d.key));
  const behindScript = noJs.hiddenPassages.filter((p) => {
    const probe = p.text.slice(0, 80);
    return (p.drawing === null || sameDrawing.has(p.drawing)) && on.includes(probe) && !off.includes(probe);
  });
  expect
    .soft(behindScript.map((p) => `${p.selector} (${p.why}): "${p.text.slice(0, 100)}"`), `${path}: text that only JavaScript reveals`)
    .toEqual([]);
}
