/**
 * timeline in a scroll sequence: the events a sequence shows on one horizontal time axis, each labelled with its
 * date and title (TimelineAxis.svelte). Pure layout, build time only. Labels stack in tiers above the axis, each
 * over its own event, and a label never overlaps another label or crosses another event's leader line.
 */
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { dayOf, isoOf, utcDate } from '../../lib/iso-date';
import { formatDateShort, formatMonthShort, formatYearShort } from '../../lib/format';
import { linear, px } from '../kit/scale';
import { measure, wrap, type TextStyle } from '../kit/text';
import type { TimelineEvent } from './data';

export const AXIS_FONT = 12.5;
/** The radius of an event's dot on the axis. */
export const DOT_R = 5.5;
/**
 * How far the as-of mark rises above the axis (and falls below it by half as much): a mark on the axis rather than a
 * line through the drawing, so on no date does it cross a label (the lowest labels end about 19 px above the axis).
 */
export const ASOF_REACH = 12;
const DATE_FONT = 11.5;
const LINE = 15;
const GAP = 10;
/** A label's room from its own leader line: the as-of mark, on its event's date, never touches it. */
const OFFSET = 4;
/** The least room between two year labels. */
const YEAR_GAP = 8;
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

/**
 * Ticks for the span: every day (labelled every k days), every month, or every year, by how much room each gets;
 * years are written "’24" where "2024" would crowd its neighbour, and labelled every k years where even that would.
 */
function axisTicks(d0: number, d1: number, x: (d: number) => number, first: string): AxisLayout['ticks'] {
  const days = d1 - d0;
  const pxPerDay = (x(d1) - x(d0)) / days;
  // d3-time's calendar intervals over the whole days the span covers.
  const from = utcDate(isoOf(Math.ceil(d0)));
  const to = utcDate(isoOf(Math.floor(d1) + 1));
  const isoDay = (t: Date) => t.toISOString().slice(0, 10);
  const tick = (t: Date, label: string | null) => ({ x: x(dayOf(isoDay(t))), label });
  if (days <= 62) {
    const every = Math.max(1, Math.ceil(34 / pxPerDay));
    return utcDay.range(from, to).map((t, k) => {
      const date = t.getUTCDate();
      return tick(t, k % every === 0 ? (k === 0 || date === 1 ? `${formatMonthShort(isoDay(t))} ${date}` : String(date)) : null);
    });
  }
  if (days > 800) {
    const y0 = Number(first.slice(0, 4));
    const pxPerYear = pxPerDay * 365.25;
    const roomy = measure('2000', TICK) + YEAR_GAP <= pxPerYear;
    const every = roomy ? 1 : Math.ceil((measure(formatYearShort(2000), TICK) + YEAR_GAP) / pxPerYear);
    const yearLabel = (y: number) => ((y - y0) % every === 0 ? (roomy ? String(y) : formatYearShort(y)) : null);
    return utcYear.range(from, to).map((t) => tick(t, yearLabel(t.getUTCFullYear())));
  }
  return utcMonth.range(from, to).map((t) =>
    tick(t, t.getUTCMonth() === 0 ? formatDateShort(isoDay(t), 'month') : pxPerDay * 30 > 30 ? formatMonthShort(isoDay(t)) : null),
  );
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
  const scale = linear([d0, d1], [x0, x1]);
  const x = (d: number) => px(scale(d));

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
  const tierH = tierHeights(placed);
  const top = 4;
  const axisY = top + tierH.reduce((s, h) => s + h, 0) + 6;
  for (const p of placed) {
    const below = tierH.slice(0, p.tier).reduce((s, h) => s + h, 0);
    p.y = axisY - 6 - below - tierH[p.tier]!;
    // The leader rises beside the label to its date's cap height, as a flag's pole.
    p.leaderTop = p.y + 3;
  }
  const ticks = axisTicks(d0, d1, x, first).map((t) => (t.label && (t.x - measure(t.label, TICK) / 2 < 0 || t.x + measure(t.label, TICK) / 2 > W) ? { ...t, label: null } : t));
  return { width: W, height: axisY + 30, axisY, scale: { d0, d1, x0, x1 }, ticks, labels: placed };
}

type Item = { id: string; dotX: number; date: string; variants: { lines: string[]; w: number }[] };

/** Each tier's height (the axis is under tier 0): its tallest label's date and title lines, and room under it. */
function tierHeights(labels: readonly AxisLabel[]): number[] {
  const tiers = Math.max(0, ...labels.map((l) => l.tier)) + 1;
  return Array.from({ length: tiers }, (_, t) => Math.max(0, ...labels.filter((l) => l.tier === t).map((l) => 16 + l.lines.length * LINE)) + 12);
}

/** What a placement costs: the height its tiers take, then its lines (narrow wraps read worse), then labels before their dot. */
const cost = (labels: readonly AxisLabel[]) =>
  tierHeights(labels).reduce((s, h) => s + h, 0) + labels.reduce((n, l) => n + l.lines.length, 0) * 4 + labels.filter((l) => l.anchor === 'end').length;

/** How many partial placements the search may try before it settles for the best found (or the fallback). */
const SEARCH_BUDGET = 100_000;

/**
 * The cheapest placement (cost) in which no label meets another label in its tier, covers the leader of an event
 * in its tier or above (a leader rises from the axis to its own label's top), or stands over its own event's dot
 * (offset from its leader by OFFSET). Every event tries each tier, wrap and side of its dot, lowest tier and widest
 * wrap first; a depth-first search keeps the cheapest complete placement and drops any partial one that already costs
 * as much.
 */
function bestPlacement(items: readonly Item[], W: number): AxisLabel[] {
  const near = (v: number, ext: [number, number]) => v >= ext[0] - GAP / 2 && v <= ext[1] + GAP / 2;
  const spots = items.map((it) =>
    items.flatMap((_, tier) =>
      it.variants.flatMap((v) =>
        (['start', 'end'] as const).flatMap((anchor): AxisLabel[] => {
          const a = anchor === 'start' ? it.dotX + OFFSET : it.dotX - OFFSET - v.w;
          if (a < 0 || a + v.w > W) return [];
          return [{ id: it.id, x: anchor === 'start' ? a : a + v.w, dotX: it.dotX, anchor, y: 0, date: it.date, lines: v.lines, leaderTop: 0, extent: [a, a + v.w], tier }];
        }),
      ),
    ),
  );
  const clash = (s: AxisLabel, p: AxisLabel) =>
    (p.tier === s.tier && s.extent[0] < p.extent[1] + GAP && p.extent[0] < s.extent[1] + GAP) ||
    (p.tier >= s.tier && near(p.dotX, s.extent)) ||
    (p.tier <= s.tier && near(s.dotX, p.extent));
  let best: { cost: number; labels: AxisLabel[] } | null = null;
  let budget = SEARCH_BUDGET;
  const chosen: AxisLabel[] = [];
  const search = (i: number): void => {
    if (budget-- <= 0 || (best && cost(chosen) >= best.cost)) return;
    if (i === items.length) {
      best = { cost: cost(chosen), labels: chosen.map((l) => ({ ...l })) };
      return;
    }
    for (const s of spots[i]!) {
      if (chosen.some((p) => clash(s, p))) continue;
      chosen.push(s);
      search(i + 1);
      chosen.pop();
    }
  };
  search(0);
  const found = best as { labels: AxisLabel[] } | null;
  // Nothing fits (dots too close for labels this wide): one tier each, the earliest on top, so labels never overlap
  // (a leader may then pass behind a later label; tests/unit/widgets/labels-fit.test.ts fails on any drawing that
  // comes to this).
  return (
    found?.labels ??
    items.map((it, i) => {
      const { lines, w } = it.variants[0]!;
      const a = Math.min(it.dotX + OFFSET, Math.max(0, W - w));
      return { id: it.id, x: a, dotX: it.dotX, anchor: 'start' as const, y: 0, date: it.date, lines, leaderTop: 0, extent: [a, a + w] as [number, number], tier: items.length - 1 - i };
    })
  );
}
