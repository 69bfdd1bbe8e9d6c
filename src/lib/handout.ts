/**
 * The printed handout unrolls each scroll sequence: after rendering a chapter, every step (<div id="step-N">) is
 * wrapped in a figure holding the chart as that step sets it, with the step's own text as the caption. Pure string
 * work on the built HTML, so the chapter's MDX and its components stay exactly as the story uses them.
 */

const OPEN_DIV = /<div\b[^>]*>/gi;

/** Index just past the </div> that closes the <div> opening at `start`, or -1. */
export function closingDivEnd(html: string, start: number): number {
  const tag = /<\/?div\b[^>]*>/gi;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** The <div> elements carrying `attr="value"`, as a map from value to the element's outer HTML. */
export function blocksByAttr(html: string, attr: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(`<div\\b[^>]*\\b${attr}="([^"]+)"[^>]*>`, 'gi');
  for (const m of html.matchAll(re)) {
    const end = closingDivEnd(html, m.index!);
    if (end > 0) out.set(m[1]!, html.slice(m.index!, end));
  }
  return out;
}

/** The HTML without the <div> elements whose class list starts with `className` (and everything inside them). */
export function removeDivsByClass(html: string, className: string): string {
  const re = new RegExp(`<div\\b[^>]*\\bclass="${className}(?:\\s[^"]*)?"[^>]*>`, 'gi');
  let out = '';
  let at = 0;
  for (const m of html.matchAll(re)) {
    if (m.index! < at) continue;
    const end = closingDivEnd(html, m.index!);
    if (end < 0) break;
    out += html.slice(at, m.index!);
    at = end;
  }
  return out + html.slice(at);
}

/** Wraps every step of the chapter HTML in a figure: the chart for that step first, then the step as its caption. */
export function interleaveSteps(html: string, figureFor: (n: number) => string | undefined): { html: string; steps: number[] } {
  const steps: number[] = [];
  let out = '';
  let at = 0;
  for (const m of html.matchAll(OPEN_DIV)) {
    if (m.index! < at) continue;
    const id = /\bid="step-(\d+)"/.exec(m[0]);
    if (!id) continue;
    const n = Number(id[1]);
    const end = closingDivEnd(html, m.index!);
    if (end < 0) throw new Error(`step-${n}: no closing </div>`);
    const figure = figureFor(n);
    if (figure === undefined) throw new Error(`step-${n}: no figure rendered for it`);
    out += html.slice(at, m.index!);
    out += `<figure class="handout-step" data-handout-step="${n}">${figure}<figcaption class="handout-caption"><span class="handout-step-no">Step ${n}</span>${html.slice(m.index!, end)}</figcaption></figure>`;
    at = end;
    steps.push(n);
  }
  return { html: out + html.slice(at), steps };
}

const REF_ATTRS = /(\s(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-activedescendant|for|headers|list)=")([^"]*)(")/g;

/**
 * Prefixes every id inside one rendered chart, and every reference to those ids (url(#…), href="#…", aria and label
 * references), so a page holding the same chart many times, as the handout does, has no duplicate ids.
 */
export function scopeIds(html: string, prefix: string): string {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return html;
  const p = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return html
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + p(id) + b)
    .replace(/url\(#([^)\s"']+)\)/g, (_, id: string) => `url(#${p(id)})`)
    .replace(/(\s(?:xlink:)?href="#)([^"]+)(")/g, (_, a: string, id: string, b: string) => a + p(id) + b)
    .replace(REF_ATTRS, (_, a: string, v: string, b: string) => a + v.split(/\s+/).map((t) => (t ? p(t) : t)).join(' ') + b);
}
