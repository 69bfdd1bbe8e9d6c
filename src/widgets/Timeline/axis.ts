/**
 * timeline in a scroll sequence: the events a sequence shows on one horizontal time axis, each labelled with its
 * date and title (TimelineAxis.svelte). Pure layout, build time only. Labels stack in tiers above the axis, each
 * over its own event, and a label never overlaps another label or crosses another event's leader line.
 */
import { dayOf } from '../../lib/iso-date';
import { formatDateShort } from '../../lib/format';
import { measure, wrap, type TextStyle } from '../kit/text';
import type { TimelineEvent } from './data';

export const AXIS_FONT = 12.5;
/** The radius of an event's dot on the axis. */
export const DOT_R = 5.5;
const DATE_FONT = 11.5;
const LINE = 15;
const GAP = 10;
const PAD_X = 6;
/** The styles TimelineAxis.svelte draws: titles and dates bold, tick labels regular. */
export const STYLE = {
  title: { size: AXIS_FONT, weight: 700 },
  date: { size: DATE_FONT, weight: 700 },
  tick: { size: DATE_FONT },
} satisfies Record<string, TextStyle>;
const { title: TITLE, date: DATE, tick: TICK } = STYLE;

export interface AxisLabel {
  id: string;
  x: number;
  /** The dot on the axis. */
  dotX: number;
  anchor: 'start' | 'end';
  /** Top of the label's block; its date line, then its title lines. */
  y: number;
  date: string;
  lines: string[];
  /** Where its leader line leaves the label, down to the axis. */
  leaderTop: number;
  extent: [number, number];
  tier: number;
}

export interface AxisLayout {
  width: number;
  height: number;
  axisY: number;
  scale: { d0: number; d1: number; x0: number; x1: number };
  ticks: { x: number; label: string | null }[];
  labels: AxisLabel[];
}

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const isoOfDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Ticks for the span: every day (labelled every k days), every month, or every year, by how much room each gets. */
function axisTicks(d0: number, d1: number, x: (d: number) => number, first: string): AxisLayout['ticks'] {
  const days = d1 - d0;
  const pxPerDay = (x(d1) - x(d0)) / days;
  const ticks: AxisLayout['ticks'] = [];
  if (days <= 62) {
    const every = Math.max(1, Math.ceil(34 / pxPerDay));
    for (let d = Math.ceil(d0); d <= d1; d++) {
      const iso = isoOfDay(d);
      const k = d - Math.ceil(d0);
      const label = k % every === 0 ? (k === 0 || iso.endsWith('-01') ? `${MONTH[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8))}` : String(Number(iso.slice(8)))) : null;
      ticks.push({ x: x(d), label });
    }
    return ticks;
  }
  const y0 = Number(first.slice(0, 4));
  for (let y = y0; ; y++) {
    for (let m = 0; m < 12; m++) {
      const d = dayOf(`${y}-${String(m + 1).padStart(2, '0')}-01`);
      if (d > d1) return ticks;
      if (d < d0) continue;
      const yearly = days > 800;
      if (yearly && m !== 0) continue;
      ticks.push({ x: x(d), label: yearly ? String(y) : m === 0 ? `${MONTH[m]} ${y}` : pxPerDay * 30 > 30 ? MONTH[m]! : null });
    }
  }
}

export function axisLayout(events: readonly TimelineEvent[], width: number): AxisLayout {
  const W = Math.max(280, Math.round(width));
  const evs = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const first = evs[0]?.date ?? '2019-01-01';
  const last = evs.at(-1)?.date ?? first;
  const span = Math.max(1, dayOf(last) - dayOf(first));
  // Room past the last event for a label (a date at least) to run outwards from its dot.
  const pad = Math.max(1, span * 0.16);
  const d0 = dayOf(first) - pad;
  const d1 = dayOf(last) + pad;
  const x0 = PAD_X;
  const x1 = W - PAD_X;
  const x = (d: number) => Math.round((x0 + ((d - d0) / (d1 - d0)) * (x1 - x0)) * 10) / 10;

  // Each label no wider than about half the chart (two lines of title at most at phone widths).
  const maxW = Math.min(240, Math.max(140, W * 0.46));
  const items = evs.map((e) => {
    const dotX = x(dayOf(e.date));
    const date = formatDateShort(e.date, e.precision === 'day' ? 'day' : 'month');
    // Narrower wraps as well, for a label that would otherwise cover a neighbour's dot (events days apart).
    const variants = [maxW, maxW * 0.6, maxW * 0.35].map((max) => {
      const lines = wrap(e.title, max, TITLE);
      return { lines, w: Math.max(measure(date, DATE), ...lines.map((l) => measure(l, TITLE))) };
    });
    return { id: e.id, dotX, date, variants };
  });
  const placed = bestPlacement(items, W);
  // Tiers from the axis up: a tier is as tall as its tallest label.
  const tiers = Math.max(0, ...placed.map((p) => p.tier)) + 1;
  const tierH = Array.from({ length: tiers }, (_, t) => Math.max(0, ...placed.filter((p) => p.tier === t).map((p) => 16 + p.lines.length * LINE)) + 12);
  const top = 4;
  const axisY = top + tierH.reduce((s, h) => s + h, 0) + 6;
  for (const p of placed) {
    const below = tierH.slice(0, p.tier).reduce((s, h) => s + h, 0);
    p.y = axisY - 6 - below - tierH[p.tier]!;
    p.leaderTop = p.y + 16 + p.lines.length * LINE + 2;
  }
  const ticks = axisTicks(d0, d1, x, first).map((t) => (t.label && (t.x - measure(t.label, TICK) / 2 < 0 || t.x + measure(t.label, TICK) / 2 > W) ? { ...t, label: null } : t));
  return { width: W, height: axisY + 30, axisY, scale: { d0, d1, x0, x1 }, ticks, labels: placed };
}

type Item = { id: string; dotX: number; date: string; variants: { lines: string[]; w: number }[] };

/**
 * Labels placed in the given order, each in the first spot (tier, side of its dot, wrap) where it meets no other
 * label, covers no leader line coming down from a tier above, and its own leader crosses no label below. Spots are
 * tried lowest tier first, or, with `sideFirst`, every tier with the text after the dot before any with it before
 * (events days apart fit only so). Null if some label finds no place.
 */
function place(order: readonly Item[], W: number, sideFirst: boolean): AxisLabel[] | null {
  const placed: AxisLabel[] = [];
  const near = (v: number, ext: [number, number]) => v >= ext[0] - GAP / 2 && v <= ext[1] + GAP / 2;
  const tiers = order.map((_, t) => t);
  const anchors = ['start', 'end'] as const;
  for (const it of order) {
    const spots = sideFirst
      ? anchors.flatMap((anchor) => tiers.flatMap((tier) => it.variants.map((v) => ({ tier, anchor, ...v }))))
      : tiers.flatMap((tier) => it.variants.flatMap((v) => anchors.map((anchor) => ({ tier, anchor, ...v }))));
    const spot = spots.find(({ tier, anchor, w }) => {
      const a = anchor === 'start' ? it.dotX : it.dotX - w;
      if (a < 0 || a + w > W) return false;
      return !placed.some(
        (p) => (p.tier === tier && a < p.extent[1] + GAP && p.extent[0] < a + w + GAP) || (p.tier > tier && near(p.dotX, [a, a + w])) || (p.tier < tier && near(it.dotX, p.extent)),
      );
    });
    if (!spot) return null;
    const a = spot.anchor === 'start' ? it.dotX : it.dotX - spot.w;
    placed.push({ id: it.id, x: spot.anchor === 'start' ? a : a + spot.w, dotX: it.dotX, anchor: spot.anchor, y: 0, date: it.date, lines: spot.lines, leaderTop: 0, extent: [a, a + spot.w], tier: spot.tier });
  }
  return placed;
}

/** The placement with the fewest tiers, then the fewest lines, then the fewest labels before their dot, over every order (a few events). */
function bestPlacement(items: readonly Item[], W: number): AxisLabel[] {
  const orders: Item[][] = items.length <= 6 ? permutations(items) : [[...items].reverse()];
  let best: AxisLabel[] | null = null;
  const cost = (ls: AxisLabel[]) => Math.max(...ls.map((l) => l.tier)) * 100 + ls.reduce((n, l) => n + l.lines.length, 0) * 2 + ls.filter((l) => l.anchor === 'end').length;
  for (const o of orders) for (const sideFirst of [false, true]) {
    const p = place(o, W, sideFirst);
    if (p && (!best || cost(p) < cost(best))) best = p;
  }
  // No order fits (dots too close for labels this wide): one tier each, the earliest on top, so labels never overlap
  // (a leader may then pass behind a later label).
  const out =
    best ??
    items.map((it, i) => {
      const { lines, w } = it.variants[0]!;
      const a = Math.min(it.dotX, Math.max(0, W - w));
      return { id: it.id, x: a, dotX: it.dotX, anchor: 'start' as const, y: 0, date: it.date, lines, leaderTop: 0, extent: [a, a + w] as [number, number], tier: items.length - 1 - i };
    });
  const order = new Map(items.map((it, i) => [it.id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}
