/**
 * money-flows, pure layout for both views. "By deal": one row per investor → recipient pair, each deal a segment on a
 * shared dollar axis, paid money first, then money on conditions (hatched), then ceilings (outline). "Over time": one
 * small panel per pair on the story's time axis, the paid money as a solid step line, money on conditions and "up to"
 * money as separate bands above it, a today line at the as-of date and the future faded.
 */
import { linear, ticks as niceTicks } from '../shared/kit';
import type { FlowDeal, FlowNote, FlowPair, FlowPart, MoneyFlowsData } from './data';
import type { DataTable } from '../shared/types';
import { certaintyOf, type Certainty } from '../shared/certainty';
import { formatDate, formatDateShort, formatUSD } from '../../lib/format';

export type FlowView = 'deal' | 'time';
export interface FlowState {
  asOf: string;
  highlight: string | null;
}

export interface Txt {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  cls: 'pair' | 'arrow' | 'label' | 'muted' | 'axis' | 'future' | 'note';
  color?: string | null;
  /** The deal this text belongs to, for hover/tap and emphasis. */
  deal?: string;
  pair?: string;
  /** Runs of differently colored words in one line (the browser spaces them). */
  spans?: { text: string; color: string | null; cls: 'pair' | 'arrow' }[];
}

export interface Seg {
  key: string;
  deal: string;
  x: number;
  y: number;
  w: number;
  h: number;
  certainty: Certainty;
  color: string | null;
  future: boolean;
}

export interface Tag {
  x: number;
  y: number;
  w: number;
  deal: string;
  future: boolean;
}

/** One deal's interactive group: its segments, its words and the box its focus ring draws around the words. */
export interface DealMark {
  key: string;
  pair: string;
  segs: Seg[];
  texts: Txt[];
  tags: Tag[];
  ring: { x: number; y: number; w: number; h: number };
  future: boolean;
  dim: boolean;
  emph: boolean;
}

export interface PairBlock {
  id: string;
  y: number;
  h: number;
  dim: boolean;
  emph: boolean;
  texts: Txt[];
  /** Money actually paid in by a date, marked on the bar. */
  ticks: { x: number; y1: number; y2: number; label: Txt }[];
}

export interface ByDealLayout {
  height: number;
  plotW: number;
  grid: { x: number; label: string }[];
  gridY: [number, number];
  axisY: number;
  pairs: PairBlock[];
  deals: DealMark[];
}

export interface FlowLayout {
  width: number;
  narrow: boolean;
  byDeal: ByDealLayout;
  details: Record<string, string>;
  summary: string;
  table: DataTable;
}

/** Layout constants. */
export const NARROW = 520;
const FONT = 13;
const SMALL = 12.5;
const CHAR = 0.6; // a generous average glyph width for Inter, in em
const TAG_W = 62;
const UNDISCLOSED_W = 22;
const GAP = 1.5;

export const est = (s: string, size = FONT) => s.length * size * CHAR;
export const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const r2 = (n: number) => Math.round(n * 100) / 100;

export const dealKey = (p: FlowPair, d: FlowDeal) => `${p.id}:${d.id}`;

/** Parts of a pair along its bar: paid money in date order, then conditional, then "up to", then undisclosed. */
function stacked(p: FlowPair): { deal: FlowDeal; part: FlowPart }[] {
  const all = p.deals.flatMap((deal) => deal.parts.map((part) => ({ deal, part })));
  const order: FlowPart['status'][] = ['paid', 'conditional', 'up-to', 'undisclosed'];
  return order.flatMap((s) => all.filter((x) => x.part.status === s));
}

/** The largest extent any pair reaches with every deal counted: one dollar scale for every row and panel. */
export function maxExtent(data: MoneyFlowsData): number {
  return Math.max(...data.pairs.map((p) => p.deals.reduce((a, d) => a + d.parts.reduce((b, x) => b + (x.value ?? 0), 0), 0)));
}

/** Running totals and paid-in amounts known by a date: the latest total(s), and the latest paid-in figure. */
export function notesAsOf(p: FlowPair, asOf: string): { totals: FlowNote[]; paid: FlowNote | null } {
  const known = p.notes.filter((n) => n.date <= asOf);
  const totals = known.filter((n) => n.kind === 'total');
  const last = totals.at(-1)?.date;
  return {
    totals: totals.filter((n) => n.date === last).sort((a, b) => (a.qualifier === 'exact' ? -1 : 0) - (b.qualifier === 'exact' ? -1 : 0)),
    paid: known.filter((n) => n.kind === 'paid-to-date').at(-1) ?? null,
  };
}

export function noteText(n: FlowNote): string {
  const usd = formatUSD(n.value, { short: true });
  if (n.kind === 'paid-to-date') return `${usd} paid in by ${formatDateShort(n.date, 'month')}`;
  if (n.qualifier === 'up-to') return `up to ${usd} in all`;
  if (n.qualifier === 'conditional') return `${usd} headline`;
  return `${n.qualifier === 'about' ? 'about ' : ''}${usd} in all`;
}

export function emphasis(p: FlowPair, hl: string | null) {
  if (!hl) return { dim: false, emph: false, eventHit: false };
  const entity = p.from.id === hl || p.to.id === hl;
  const event = p.deals.some((d) => d.id === hl) || p.notes.some((n) => n.event === hl);
  return { dim: !entity && !event, emph: entity || event, eventHit: event };
}

/**
 * Pair header: "Microsoft → OpenAI". A note (running totals, amounts) goes at the end of the bar when `barEnd` leaves
 * room for it, else on the header line (wide charts) or on a line of its own under the header (narrow charts).
 */
export function header(p: FlowPair, y: number, W: number, note: string, narrow: boolean, barEnd: number | null): { texts: Txt[]; h: number; atBar: Txt | null } {
  const size = 14;
  const name = `${p.from.name} → ${p.to.name}`;
  const texts: Txt[] = [
    {
      x: 0,
      y: y + 14,
      text: name,
      cls: 'pair',
      pair: p.id,
      spans: [
        { text: p.from.name, color: p.from.color, cls: 'pair' },
        { text: ' → ', color: null, cls: 'arrow' },
        { text: p.to.name, color: p.to.color, cls: 'pair' },
      ],
    },
  ];
  if (!note) return { texts, h: 20, atBar: null };
  const noteW = est(note, SMALL);
  if (barEnd !== null && barEnd + 8 + noteW <= W) return { texts, h: 20, atBar: { x: barEnd + 8, y: 0, text: note, cls: 'note', pair: p.id } };
  if (!narrow && est(name, size) + 24 + noteW <= W) {
    texts.push({ x: W, y: y + 14, text: note, anchor: 'end', cls: 'note', pair: p.id });
    return { texts, h: 20, atBar: null };
  }
  // On a line of its own; a note too long for the width breaks at its " · " joins.
  const lines = noteW <= W ? [note] : note.split(' · ');
  lines.forEach((text, i) => texts.push({ x: 0, y: y + 31 + i * 16, text, cls: 'note', pair: p.id }));
  return { texts, h: 37 + (lines.length - 1) * 16, atBar: null };
}

function byDeal(data: MoneyFlowsData, state: FlowState, W: number, narrow: boolean): ByDealLayout {
  const plotW = W - 2;
  const x = linear(0, maxExtent(data), 0, plotW);
  const barH = narrow ? 16 : 18;
  const lineH = 19;
  const pairs: PairBlock[] = [];
  const deals: DealMark[] = [];
  let y = 0;

  for (const p of data.pairs) {
    const { dim, emph, eventHit } = emphasis(p, state.highlight);
    const started = p.deals.some((d) => d.date <= state.asOf);
    const { totals, paid } = notesAsOf(p, state.asOf);
    const note = started ? totals.map(noteText).join(' · ') : 'not yet';
    const extent = stacked(p).reduce((a, { part }) => a + (part.value ?? x.invert(UNDISCLOSED_W + GAP)), 0);
    const head = header(p, y, W, note, narrow, x(extent));
    const top = y;
    y += head.h + 6;
    const barY = y;
    if (head.atBar) head.texts.push({ ...head.atBar, y: barY + barH / 2 + 4.5 });

    // Segments, laid end to end in the stacking order.
    const segsByDeal = new Map<string, Seg[]>();
    let cursor = 0;
    for (const { deal, part } of stacked(p)) {
      const x0 = x(cursor);
      const w = part.value === null ? UNDISCLOSED_W : x(cursor + part.value) - x0;
      const seg: Seg = {
        key: part.id,
        deal: dealKey(p, deal),
        x: x0,
        y: barY,
        w: Math.max(1, w - (w > 4 ? GAP : 0)),
        h: barH,
        certainty: certaintyOf(part.qualifier),
        color: p.from.color,
        future: deal.date > state.asOf,
      };
      if (part.value !== null) cursor += part.value;
      else cursor += x.invert(UNDISCLOSED_W + GAP);
      const list = segsByDeal.get(seg.deal) ?? [];
      list.push(seg);
      segsByDeal.set(seg.deal, list);
    }
    y += barH;

    // Money actually paid in by a date: a tick across the bar, labelled under it.
    const ticks: PairBlock['ticks'] = [];
    if (paid) {
      const tx = x(paid.value);
      const text = noteText(paid);
      const right = tx + est(text, SMALL) <= W;
      ticks.push({
        x: tx,
        y1: barY - 4,
        y2: barY + barH + 5,
        label: { x: right ? tx + 4 : tx - 4, y: barY + barH + 16, text, anchor: right ? 'start' : 'end', cls: 'note', pair: p.id },
      });
      y += 16;
    }

    // Deal words under the bar, flowed into lines: "Jan 2023 $10B [REPORTED]".
    y += 6;
    let cx = 0;
    let line = 0;
    for (const d of p.deals) {
      const key = dealKey(p, d);
      const future = d.date > state.asOf;
      const text = `${d.label} ${future ? 'not yet' : d.text}`;
      const tag = !future && d.reported;
      const w = est(text, SMALL) + (tag ? TAG_W + 6 : 0);
      if (cx > 0 && cx + w > W) {
        cx = 0;
        line += 1;
      }
      const ty = y + line * lineH + 12;
      const dimDeal = dim || (eventHit && d.id !== state.highlight && p.deals.some((x) => x.id === state.highlight));
      const texts: Txt[] = [{ x: cx, y: ty, text, cls: future ? 'future' : 'label', deal: key, pair: p.id }];
      const tags: Tag[] = tag ? [{ x: cx + est(text, SMALL) + 6, y: ty - 10, w: TAG_W, deal: key, future }] : [];
      const segs = segsByDeal.get(key) ?? [];
      deals.push({
        key,
        pair: p.id,
        segs,
        texts,
        tags,
        ring: { x: cx - 3, y: ty - 13, w: w + 6, h: 17 },
        future,
        dim: dimDeal,
        emph: !future && !dimDeal && (d.id === state.highlight || (emph && !eventHit)),
      });
      cx += w + 16;
    }
    y += (line + 1) * lineH;
    pairs.push({ id: p.id, y: top, h: y - top, dim, emph, texts: head.texts, ticks });
    y += narrow ? 14 : 18;
  }

  const gridY: [number, number] = [0, y - 8];
  const ticks = niceTicks(maxExtent(data), narrow ? 4 : 6);
  return {
    height: y + 14,
    plotW,
    grid: ticks.map((t) => ({ x: x(t), label: t === 0 ? '$0' : formatUSD(t, { short: true }) })),
    gridY,
    axisY: y + 6,
    pairs,
    deals,
  };
}

export function layout(data: MoneyFlowsData, state: FlowState, width: number): FlowLayout {
  const W = Math.max(280, Math.round(width));
  const narrow = W < NARROW;
  return {
    width: W,
    narrow,
    byDeal: byDeal(data, state, W, narrow),
    details: Object.fromEntries(
      data.pairs.flatMap((p) => p.deals.map((d) => [dealKey(p, d), (d.date > state.asOf ? `Not yet on ${formatDate(state.asOf)}. ` : '') + d.detail])),
    ),
    summary: summary(data, state.asOf),
    table: {
      columns: [...data.table.columns, { key: 'state', label: `By ${formatDateShort(state.asOf)}` }],
      rows: data.table.rows.map((r) => ({ ...r.cells, state: r.date <= state.asOf ? r.known : 'not yet' })),
    },
  };
}

/** The sentence for screen readers: the words for the latest state on or before the date, after the date itself. */
export function summary(data: MoneyFlowsData, asOf: string): string {
  const s = data.summaries.filter((x) => x.from <= asOf).at(-1);
  return s ? `As of ${formatDate(asOf)}: ${s.text}` : `As of ${formatDate(asOf)}, ${data.noneYet}`;
}

/** The dates a reader can step through: every deal, and the story's "now". */
export function steps(data: MoneyFlowsData): string[] {
  return [...new Set([...data.pairs.flatMap((p) => p.deals.map((d) => d.date)), data.meta.defaultAsOf])].sort();
}

