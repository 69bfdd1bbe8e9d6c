// @vitest-environment node
/**
 * Every word a drawing writes, measured in the served font at its style (../../../src/widgets/kit/text.ts), lies
 * inside its artboard, at every artboard width, in every state the chapters use and the default one. The drawings are
 * read as the build renders them (any text, whatever dates it shows on: a label hidden today must fit tomorrow).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// @ts-ignore -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-ignore -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { ARTBOARDS, drawnWidth, STORY_PHONE_HEIGHT, STORY_PHONE_WIDTH } from '../../../src/widgets/shared/artboards';
import { storyData } from '../../../src/widgets/registry';
import type { WidgetId } from '../../../src/lib/widgets';
import { measure, overlaps, textBox, type TextStyle } from '../../../src/widgets/kit/text';
import { parseShow } from '../../../src/lib/story-show';
import { COMPACT } from '../../../src/lib/embed/compact';
import { ASOF_REACH, axisLayout, DOT_R, STYLE as AXIS } from '../../../src/widgets/Timeline/axis';
import { widget as timelineWidget } from '../../../src/widgets/Timeline/data';
import { statesOf } from './svg-snapshot';
import { widget as termsWidget } from '../../../src/widgets/TermsTimeline/data';
import { widget as computeWidget } from '../../../src/widgets/ComputeCommitments/data';
import { widget as moneyWidget } from '../../../src/widgets/MoneyFlows/data';
import { widget as rpoWidget } from '../../../src/widgets/RpoExposure/data';
import { widget as cloudWidget } from '../../../src/widgets/CloudMatrix/data';
import { STYLE as TT } from '../../../src/widgets/TermsTimeline/view';
import { STYLE as CC } from '../../../src/widgets/ComputeCommitments/view';
import { STYLE as MF } from '../../../src/widgets/MoneyFlows/view';
import { STYLE as RPO } from '../../../src/widgets/RpoExposure/view';
import { STRIP_TEXT } from '../../../src/widgets/CloudMatrix/view';
import TermsTimeline from '../../../src/widgets/TermsTimeline/TermsTimeline.svelte';
import ComputeCommitments from '../../../src/widgets/ComputeCommitments/ComputeCommitments.svelte';
import MoneyFlows from '../../../src/widgets/MoneyFlows/MoneyFlows.svelte';
import OverTime from '../../../src/widgets/MoneyFlows/OverTime.svelte';
import RpoExposure from '../../../src/widgets/RpoExposure/RpoExposure.svelte';
import Strip from '../../../src/widgets/CloudMatrix/Strip.svelte';

const fb = loadFactBase();

/** A text's style from its classes and its ancestors' (innermost first), by the drawing's CSS, in order of precedence. */
type Styler = (classes: string[]) => TextStyle;

interface Placed {
  text: string;
  left: number;
  right: number;
  /** Its smallest font size, as drawn. */
  size: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const classesOf = (tag: string) => (attr(tag, 'class') ?? '').split(/\s+/).filter(Boolean);
/** The x an element moves its content by: translate(x …) and CSS translateX(x). */
const shiftOf = (tag: string) => Number(/translate\(\s*(-?[\d.]+)/.exec(attr(tag, 'transform') ?? '')?.[1] ?? /translateX\((-?[\d.]+)px\)/.exec(attr(tag, 'style') ?? '')?.[1] ?? 0);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every <text> of an SVG drawing with its measured extent (its tspans each in their own style). */
function texts(svg: string, styleOf: Styler): Placed[] {
  const tokens = svg.replace(/<!--[\s\S]*?-->/g, '').match(/<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g) ?? [];
  const stack: { name: string; classes: string[]; shift: number }[] = [];
  const out: Placed[] = [];
  let current: { x: number; anchor: string; runs: { text: string; style: TextStyle; dx: number; alt: boolean }[]; classes: string[] } | null = null;
  let runStyle: TextStyle | null = null;
  let runAlt = false;
  let runDx = 0;
  const ctx = () => stack.flatMap((s) => s.classes).reverse();
  for (const t of tokens) {
    if (t.startsWith('</')) {
      const name = t.slice(2, -1);
      if (name === 'text' && current) {
        // Runs written for different dates (.w-when) are alternatives: only one shows at a time.
        const width = (r: { text: string; style: TextStyle; dx: number }) => r.dx + measure(r.text, r.style);
        const alts = current.runs.filter((r) => r.alt);
        const widest = alts.reduce((m, r) => (width(r) > width(m) ? r : m), alts[0] ?? { text: '', style: { size: 0 }, dx: 0 });
        const shown = current.runs.filter((r) => !r.alt || r === widest);
        const w = shown.reduce((a, r) => a + width(r), 0);
        const text = shown.map((r) => r.text).join('');
        const left = current.anchor === 'end' ? current.x - w : current.anchor === 'middle' ? current.x - w / 2 : current.x;
        if (text.trim()) out.push({ text, left, right: left + w, size: Math.min(...shown.map((r) => r.style.size)) });
        current = null;
      }
      if (name === 'tspan') {
        runStyle = null;
        runAlt = false;
      }
      stack.pop();
    } else if (t.startsWith('<')) {
      const name = /^<([\w:-]+)/.exec(t)![1]!;
      const selfClosing = t.endsWith('/>');
      const shift = stack.reduce((a, s) => a + s.shift, 0);
      if (name === 'text') {
        current = { x: Number(attr(t, 'x') ?? 0) + shift, anchor: attr(t, 'text-anchor') ?? 'start', runs: [], classes: [...classesOf(t), ...ctx()] };
      } else if (name === 'tspan' && current) {
        runStyle = styleOf([...classesOf(t), ...current.classes]);
        runDx = Number(attr(t, 'dx') ?? 0);
        runAlt = classesOf(t).includes('w-when');
      }
      if (!selfClosing) stack.push({ name, classes: classesOf(t), shift: name === 'text' || name === 'tspan' ? 0 : shiftOf(t) });
    } else if (current) {
      current.runs.push({ text: unescape(t), style: runStyle ?? styleOf(current.classes), dx: runDx, alt: runAlt });
      runDx = 0;
    }
  }
  return out;
}

/** The first class (innermost first) the drawing styles, else its default text. */
const by = (table: [string, TextStyle][], fallback: TextStyle): Styler => (classes) => {
  const styled = new Map(table);
  return styled.get(classes.find((c) => styled.has(c)) ?? '') ?? fallback;
};

const terms = termsWidget.buildData(fb);
const compute = computeWidget.buildData(fb);
const money = moneyWidget.buildData(fb);
const rpo = rpoWidget.buildData(fb);
const cloud = cloudWidget.buildData(fb);

const body = <P extends Record<string, unknown>>(c: Component<P>, props: P) => render(c, { props }).body;
type State = { asOf: string; highlight: string | null };
/**
 * What the chapters' scroll sequences and the compact embeds show of a widget (`<Scrolly show>`, COMPACT): each is
 * drawn by the widget's story view.
 */
function shows(widget: WidgetId): { name: string; ids: string[] }[] {
  const inChapters = readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => [...readFileSync(join('content/chapters', f), 'utf8').matchAll(/<Scrolly\s+widget="([^"]+)"\s+show="([^"]+)"/g)])
    .filter((m) => m[1] === widget)
    .map((m) => ({ name: m[2]!, ids: parseShow(m[2]!) }));
  return [...inChapters, { name: 'compact embed', ids: [...COMPACT[widget].show] }];
}

interface Case {
  widget: WidgetId;
  name: string;
  defaultAsOf: string;
  draw: (s: State, width: number) => string;
  style: Styler;
  /** A story view: drawn at the story artboards' widths, its phone one packed for a phone's height. */
  story?: boolean;
}
const cases: Case[] = [
  {
    widget: 'terms-timeline',
    name: 'terms-timeline',
    defaultAsOf: terms.meta.defaultAsOf,
    draw: (s, width) => body(TermsTimeline, { data: terms, width, ...s }),
    style: by(
      [['tagtext', TT.tag], ['asof-label', TT.asOf], ['moment-name', TT.moment], ['heading', TT.heading], ['note', TT.note], ['sub', TT.sub], ['now', TT.now], ['name', TT.bold], ['bold', TT.bold], ['axis', TT.axis]],
      TT.label,
    ),
  },
  {
    widget: 'compute-commitments',
    name: 'compute-commitments',
    defaultAsOf: compute.meta.defaultAsOf,
    draw: (s, width) => body(ComputeCommitments, { data: compute, width, ...s }),
    style: by([['tag-text', CC.tag], ['days', CC.days], ...(Object.entries(CC) as [string, TextStyle][])], { size: 13 }),
  },
  {
    widget: 'money-flows',
    name: 'by-deal',
    defaultAsOf: money.meta.defaultAsOf,
    draw: (s, width) => body(MoneyFlows, { data: money, width, ...s }),
    style: by([['tag-text', MF.tag], ...(Object.entries(MF) as [string, TextStyle][])], { size: 12.5 }),
  },
  {
    widget: 'money-flows',
    name: 'over-time',
    defaultAsOf: money.meta.defaultAsOf,
    draw: (s, width) => body(OverTime, { data: money, width, ...s }),
    style: by([['today-label', MF.today], ['q', { size: 12, weight: 800 }], ...(Object.entries(MF) as [string, TextStyle][])], { size: 12.5 }),
  },
  {
    widget: 'rpo-exposure',
    name: 'rpo-exposure',
    defaultAsOf: rpo.meta.defaultAsOf,
    draw: (s, width) => body(RpoExposure, { data: rpo, disclosed: s.asOf >= rpo.event.date, width, highlight: s.highlight }),
    style: by([['t-title', RPO.title], ['t-big', RPO.big], ['t-muted', RPO.muted], ['t-half', RPO.muted], ['t-empty', { size: 13, weight: 700 }]], RPO.label),
  },
  ...cloud.labs.map((lab): Case => ({
    widget: 'cloud-matrix',
    name: `strip-${lab.id}`,
    defaultAsOf: cloud.meta.defaultAsOf,
    draw: (s: State, width: number) => body(Strip, { data: cloud, lab: lab.id, width, asOf: s.asOf }),
    style: by([['strip-title', { ...STRIP_TEXT, weight: 700 }]], STRIP_TEXT),
  })),
];
// The story views, one case per sequence and compact embed (the timeline's axis has its own checks below).
const storyDrawings: [WidgetId, (data: never, s: State, width: number) => string][] = [
  ['terms-timeline', (data: typeof terms, s, width) => body(TermsTimeline, { data, width, ...s, story: true })],
  ['compute-commitments', (data: typeof compute, s, width) => body(ComputeCommitments, { data, width, ...s, story: true })],
  ['money-flows', (data: typeof money, s, width) => body(MoneyFlows, { data, width, ...s, story: true })],
  ['rpo-exposure', (data: typeof rpo, s, width) => body(RpoExposure, { data, disclosed: s.asOf >= rpo.event.date, width, highlight: s.highlight })],
];
for (const [widget, draw] of storyDrawings) {
  const full = cases.find((c) => c.widget === widget)!;
  const data = { 'terms-timeline': terms, 'compute-commitments': compute, 'money-flows': money, 'rpo-exposure': rpo }[widget as string]!;
  for (const show of shows(widget)) {
    const drawn = storyData(data, show.ids) as never;
    cases.push({ ...full, name: `story “${show.name}”`, story: true, draw: (s, width) => draw(drawn, s, width) });
  }
}

// Slow on a busy machine: many drawings, each measured word by word.
/** The smallest text a reader gets, in CSS pixels as rendered (tests/browser/scrolly-fit.spec.ts measures it too). */
const LEGIBLE = 11;

// Slow on a busy machine: many drawings, each measured word by word.
describe('every label fits inside its artboard, measured in the served font', { timeout: 60_000 }, () => {
  for (const c of cases) {
    const widths = ARTBOARDS.map((a) => drawnWidth(a, !!c.story));
    it(`${c.widget}: ${c.name} at ${widths.join(', ')}`, () => {
      const states = [{ asOf: c.defaultAsOf, highlight: null }, ...statesOf(c.widget)];
      for (const width of widths) {
        for (const s of states) {
          const svg = c.draw(s, width);
          const placed = texts(svg, c.style);
          expect(placed.length).toBeGreaterThan(0);
          for (const t of placed) {
            expect(t.left, `${width}px, ${s.asOf}: “${t.text}” starts ${t.left.toFixed(1)}`).toBeGreaterThanOrEqual(-0.5);
            expect(t.right, `${width}px, ${s.asOf}: “${t.text}” ends ${t.right.toFixed(1)}`).toBeLessThanOrEqual(width + 0.5);
          }
          if (!c.story || width !== STORY_PHONE_WIDTH) continue;
          // On a 320 × 568 phone a story drawing taller than the graphic's room scales down: every word must still
          // render at LEGIBLE px or more, and the drawing may not be much taller than that room.
          const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);
          expect(height, `${width}px, ${s.asOf}: drawing height`).toBeLessThanOrEqual(STORY_PHONE_HEIGHT * 1.1);
          const scale = Math.min(1, STORY_PHONE_HEIGHT / height);
          for (const t of placed) expect(t.size * scale, `${width}px, ${s.asOf}: “${t.text}” at ${t.size}px, scaled by ${scale.toFixed(2)}`).toBeGreaterThanOrEqual(LEGIBLE);
        }
      }
    });
  }
});

/**
 * The timeline's story axis (a scroll sequence's, a compact embed's): each label's date and title lines, measured,
 * clear of the axis (its dots, line, as-of mark and tick labels), of every other label, and of every leader line,
 * its own included (which rises beside it); the tick labels clear of each other.
 */
describe("the timeline's story axis keeps its labels clear of the axis and of each other", () => {
  const timeline = timelineWidget.buildData(fb);
  /** Room kept between a label and what it must not touch. */
  const GAP = 3;
  for (const show of shows('timeline')) {
    it(`${show.name} at ${ARTBOARDS.map((a) => drawnWidth(a, true)).join(', ')}`, () => {
      const events = timeline.events.filter((e) => show.ids.includes(e.id));
      expect.soft(events).toHaveLength(show.ids.length);
      for (const a of ARTBOARDS) {
        const L = axisLayout(events, drawnWidth(a, true));
        const where = `${L.width}px`;
        const boxes = L.labels.map((l) => ({
          l,
          lines: [textBox(l.date, l.x, l.y + 11, l.anchor, AXIS.date), ...l.lines.map((line, i) => textBox(line, l.x, l.y + 27 + i * 15, l.anchor, AXIS.title))],
        }));
        const ticks = L.ticks.filter((t) => t.label).map((t) => textBox(t.label!, t.x, L.axisY + 19, 'middle', AXIS.tick));
        // Dots and the as-of mark (on whatever date) on the axis line, and the tick labels under it: a band no label may enter.
        const axisBand = { x0: -Infinity, x1: Infinity, y0: L.axisY - Math.max(DOT_R, ASOF_REACH), y1: Math.max(L.axisY + DOT_R, ...ticks.map((t) => t.y1)) };
        for (const { l, lines } of boxes) {
          for (const b of lines) {
            expect.soft(b.x0, `${where}: “${l.id}” inside the drawing`).toBeGreaterThanOrEqual(-0.5);
            expect.soft(b.x1, `${where}: “${l.id}” inside the drawing`).toBeLessThanOrEqual(L.width + 0.5);
            expect.soft(overlaps(b, axisBand, GAP), `${where}: “${l.id}” touches the axis`).toBe(false);
            for (const o of boxes) {
              if (o.l === l) continue;
              expect.soft(o.lines.some((ob) => overlaps(b, ob, GAP)), `${where}: “${l.id}” meets “${o.l.id}”`).toBe(false);
              const leader = { x0: o.l.dotX, x1: o.l.dotX, y0: o.l.leaderTop, y1: L.axisY };
              expect.soft(overlaps(b, leader, GAP), `${where}: “${o.l.id}”'s leader crosses “${l.id}”`).toBe(false);
            }
          }
          // Its own leader rises beside it, as a flag's pole, up to its date line, touching none of its words.
          const pole = { x0: l.dotX, x1: l.dotX, y0: l.leaderTop, y1: L.axisY };
          expect.soft(l.leaderTop, `${where}: “${l.id}”'s leader reaches its date`).toBeLessThanOrEqual(lines[0]!.y1);
          expect.soft(lines.some((b) => overlaps(b, pole, GAP)), `${where}: “${l.id}” touches its own leader`).toBe(false);
        }
        for (let i = 1; i < ticks.length; i++) expect.soft(ticks[i]!.x0 - ticks[i - 1]!.x1, `${where}: tick labels ${i - 1} and ${i} apart`).toBeGreaterThanOrEqual(6);
      }
    });
  }
});
