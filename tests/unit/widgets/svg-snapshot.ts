/**
 * Drawings as text a reviewer can read: one element a line, indented, numbers in geometry rounded to one decimal (so
 * a change of font metrics or of a scale shows as a small diff of a few coordinates, as Observable Plot tests its
 * marks), and Svelte's hydration comments dropped. Used by snapshots.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Attributes whose numbers are geometry: rounded. Words (aria-label, data-*) keep their numbers as written. */
const GEOMETRY = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'dx', 'dy', 'width', 'height', 'd', 'points', 'transform', 'style', 'viewBox', 'offset', 'data-time-scale', 'data-mf-today']);

const round = (v: string) => v.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10));

/** Geometry rounded; Svelte's scoping classes (a hash of the CSS, noise here) dropped. */
function tidyTag(tag: string): string {
  return tag
    .replace(/\s+class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+(?=[" ])/g, '')
    .replace(/([\w:-]+)="([^"]*)"/g, (all, name: string, value: string) => (GEOMETRY.has(name) ? `${name}="${round(value)}"` : all));
}

/** The markup, one element or text a line. */
export function pretty(markup: string): string {
  const tokens = markup.replace(/<!--[\s\S]*?-->/g, '').match(/<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g) ?? [];
  const out: string[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      const open = out.at(-1);
      // An element with nothing inside closes on its own line: <rect … />.
      if (open !== undefined && open.startsWith(`${'  '.repeat(depth)}<${t.slice(2, -1)}`) && open.endsWith('>') && !open.endsWith('/>')) out[out.length - 1] = `${open.slice(0, -1)} />`;
      else out.push(`${'  '.repeat(depth)}${t}`);
    } else if (t.startsWith('<')) {
      out.push(`${'  '.repeat(depth)}${tidyTag(t)}`);
      const name = /^<([\w:-]+)/.exec(t)?.[1] ?? '';
      if (!t.endsWith('/>') && !VOID.has(name)) depth += 1;
    } else if (t.trim()) out.push(`${'  '.repeat(depth)}${t.trim()}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * What a state changes in a drawing, against the drawing in its default state: the lines that differ, by line number
 * (the drawing is written for every date, so a state changes attributes, not structure); the whole drawing when the
 * structure differs.
 */
export function stateDiff(base: string, state: string): string {
  const a = base.split('\n');
  const b = state.split('\n');
  if (a.length !== b.length) return `(structure differs: the whole drawing)\n${state}`;
  const lines = b.flatMap((line, i) => (line === a[i] ? [] : [`${String(i + 1).padStart(5)}: ${changed(a[i]!.trim(), line.trim())}`]));
  return lines.length ? `${lines.join('\n')}\n` : '(same as the default state)\n';
}

const attrs = (line: string) => new Map([...line.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
/** What names an element in a diff line: its mark, pair, row or span, else its class. */
const NAMES = ['data-mark', 'data-pair', 'data-row', 'data-part', 'data-span', 'class'];

/** One changed line: for an element whose attributes changed, the element's name and each change; else the new line. */
function changed(before: string, after: string): string {
  const tag = /^<([\w:-]+)/.exec(after)?.[1];
  if (!tag || tag !== /^<([\w:-]+)/.exec(before)?.[1]) return after;
  const [a, b] = [attrs(before), attrs(after)];
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const name = NAMES.find((k) => b.has(k));
  const diffs = keys.filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k) ?? '∅'} → ${b.get(k) ?? '∅'}`);
  return `<${tag}${name ? ` ${name}="${b.get(name)}"` : ''}> ${diffs.join('; ')}`;
}

export interface Step {
  widget: string;
  asOf: string;
  highlight: string | null;
}

/** Every scroll step of the chapters: the states the story puts each chart in. */
export function chapterSteps(dir = 'content/chapters'): Step[] {
  const steps: Step[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
    const mdx = readFileSync(join(dir, f), 'utf8');
    for (const m of mdx.matchAll(/<Scrolly\s+widget="([^"]+)"[\s\S]*?<\/Scrolly>/g)) {
      for (const s of m[0].matchAll(/<Step\s+([^>]*)>/g)) {
        const asOf = /asOf="([^"]+)"/.exec(s[1]!)?.[1];
        if (asOf) steps.push({ widget: m[1]!, asOf, highlight: /highlight="([^"]+)"/.exec(s[1]!)?.[1] ?? null });
      }
    }
  }
  return steps;
}

/** The distinct states a widget is shown in by the chapters, oldest first. */
export function statesOf(widget: string, steps = chapterSteps()): { asOf: string; highlight: string | null }[] {
  const seen = new Map<string, { asOf: string; highlight: string | null }>();
  for (const s of steps.filter((x) => x.widget === widget)) seen.set(`${s.asOf} ${s.highlight ?? ''}`, { asOf: s.asOf, highlight: s.highlight });
  return [...seen.values()].sort((p, q) => p.asOf.localeCompare(q.asOf) || (p.highlight ?? '').localeCompare(q.highlight ?? ''));
}

/** Chapter titles by slug, from the chapters' frontmatter (what the timeline's wrapper passes). */
export function chapterTitles(dir = 'content/chapters'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
    const fm = readFileSync(join(dir, f), 'utf8').split('\n---')[0]!;
    const slug = /^slug:\s*"?([^"\n]+)"?/m.exec(fm)?.[1];
    const title = /^title:\s*"?([^"\n]+)"?/m.exec(fm)?.[1];
    if (slug && title) out[slug] = title;
  }
  return out;
}
