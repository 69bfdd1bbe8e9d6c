// @vitest-environment node
/**
 * Every word a drawing writes, measured in the served font at its style (../../../src/widgets/kit/text.ts), lies
 * inside its artboard, at every artboard width, in every state the chapters use and the default one. The drawings are
 * read as the build renders them (any text, whatever dates it shows on: a label hidden today must fit tomorrow).
 */
import { describe, expect, it, vi } from 'vitest';
// @ts-ignore -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-ignore -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { ARTBOARDS } from '../../../src/widgets/shared/artboards';
import { measure, type TextStyle } from '../../../src/widgets/kit/text';
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
        if (text.trim()) out.push({ text, left, right: left + w });
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
const by = (table: [string, TextStyle][], fallback: TextStyle): Styler => (classes) => table.find(([c]) => classes.includes(c))?.[1] ?? fallback;

const terms = termsWidget.buildData(fb);
const compute = computeWidget.buildData(fb);
const money = moneyWidget.buildData(fb);
const rpo = rpoWidget.buildData(fb);
const cloud = cloudWidget.buildData(fb);

const body = <P extends Record<string, unknown>>(c: Component<P>, props: P) => render(c, { props }).body;
type State = { asOf: string; highlight: string | null };
const cases: { widget: string; name: string; defaultAsOf: string; draw: (s: State, width: number) => string; style: Styler }[] = [
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
  ...cloud.labs.map((lab) => ({
    widget: 'cloud-matrix',
    name: `strip-${lab.id}`,
    defaultAsOf: cloud.meta.defaultAsOf,
    draw: (s: State, width: number) => body(Strip, { data: cloud, lab: lab.id, width, asOf: s.asOf }),
    style: by([['strip-title', { ...STRIP_TEXT, weight: 700 }]], STRIP_TEXT),
  })),
];

// Slow on a busy machine: many drawings, each measured word by word.
describe('every label fits inside its artboard, measured in the served font', { timeout: 60_000 }, () => {
  for (const c of cases) {
    it(`${c.widget}: ${c.name} at ${ARTBOARDS.map((a) => a.width).join(', ')}`, () => {
      const states = [{ asOf: c.defaultAsOf, highlight: null }, ...statesOf(c.widget)];
      for (const { width } of ARTBOARDS) {
        for (const s of states) {
          const placed = texts(c.draw(s, width), c.style);
          expect(placed.length).toBeGreaterThan(0);
          for (const t of placed) {
            expect(t.left, `${width}px, ${s.asOf}: “${t.text}” starts ${t.left.toFixed(1)}`).toBeGreaterThanOrEqual(-0.5);
            expect(t.right, `${width}px, ${s.asOf}: “${t.text}” ends ${t.right.toFixed(1)}`).toBeLessThanOrEqual(width + 0.5);
          }
        }
      }
    });
  }
});
