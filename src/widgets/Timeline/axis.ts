/**
 * timeline in a scroll sequence: the events a sequence shows on one horizontal time axis, each labelled with its
 * date and title (TimelineAxis.svelte). Pure layout, build time only. Labels stack in tiers above the axis, each
 * over its own event, and a label never overlaps another label or crosses another event's leader line.
 */
import { dayOf } from '../../lib/iso-date';
import { formatDateShort } from '../../lib/format';
import { textWidth, wrapText } from '../shared/text-measure';
import type { TimelineEvent } from './data';

export const AXIS_FONT = 12.5;
const DATE_FONT = 11.5;
const LINE = 15;
const GAP = 10;
const PAD_X = 6;

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
  const pad = Math.max(1, span * 0.12);
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
    const lines = wrapText(e.title, maxW, AXIS_FONT, true);
    const w = Math.max(textWidth(date, DATE_FONT, true), ...lines.map((l) => textWidth(l, AXIS_FONT, true)));
    return { id: e.id, dotX, date, lines, w };
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
  const ticks = axisTicks(d0, d1, x, first).map((t) => (t.label && (t.x - textWidth(t.label, DATE_FONT) / 2 < 0 || t.x + textWidth(t.label, DATE_FONT) / 2 > W) ? { ...t, label: null } : t));
  return { width: W, height: axisY + 30, axisY, scale: { d0, d1, x0, x1 }, ticks, labels: placed };
}

type Item = { id: string; dotX: number; date: string; lines: string[]; w: number };

/**
 * Labels placed in the given order, each in the lowest tier (and with its text after its dot if it can) where it
 * meets no other label, covers no leader line coming down from a tier above, and its own leader crosses no label
 * below. Null if some label finds no place.
 */
function place(order: readonly Item[], W: number): AxisLabel[] | null {
  const placed: AxisLabel[] = [];
  const near = (v: number, ext: [number, number]) => v >= ext[0] - GAP / 2 && v <= ext[1] + GAP / 2;
  for (const it of order) {
    let done = false;
    for (let tier = 0; tier < order.length && !done; tier++) {
      for (const anchor of ['start', 'end'] as const) {
        const a = anchor === 'start' ? it.dotX : it.dotX - it.w;
        if (a < 0 || a + it.w > W) continue;
        const extent: [number, number] = [a, a + it.w];
        const clash = placed.some(
          (p) => (p.tier === tier && extent[0] < p.extent[1] + GAP && p.extent[0] < extent[1] + GAP) || (p.tier > tier && near(p.dotX, extent)) || (p.tier < tier && near(it.dotX, p.extent)),
        );
        if (clash) continue;
        placed.push({ id: it.id, x: anchor === 'start' ? a : a + it.w, dotX: it.dotX, anchor, y: 0, date: it.date, lines: it.lines, leaderTop: 0, extent, tier });
        done = true;
        break;
      }
    }
    if (!done) return null;
  }
  return placed;
}

/** The placement with the fewest tiers, then the fewest labels before their dot, over every order (a few events). */
function bestPlacement(items: readonly Item[], W: number): AxisLabel[] {
  const orders: Item[][] = items.length <= 6 ? permutations(items) : [[...items].reverse()];
  let best: AxisLabel[] | null = null;
  const cost = (ls: AxisLabel[]) => Math.max(...ls.map((l) => l.tier)) * 100 + ls.filter((l) => l.anchor === 'end').length;
  for (const o of orders) {
    const p = place(o, W);
    if (p && (!best || cost(p) < cost(best))) best = p;
  }
  // No order fits (dots too close for labels this wide): one tier each, the earliest on top, so labels never overlap
  // (a leader may then pass behind a later label).
  const out =
    best ??
    items.map((it, i) => {
      const a = Math.min(it.dotX, Math.max(0, W - it.w));
      return { id: it.id, x: a, dotX: it.dotX, anchor: 'start' as const, y: 0, date: it.date, lines: it.lines, leaderTop: 0, extent: [a, a + it.w] as [number, number], tier: items.length - 1 - i };
    });
  const order = new Map(items.map((it, i) => [it.id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}
