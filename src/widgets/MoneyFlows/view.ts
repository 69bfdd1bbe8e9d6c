/**
 * money-flows, pure layout for both views. "By deal": one row per investor → recipient pair, each deal a segment on a
 * shared dollar axis, paid money first, then money on conditions (hatched), then ceilings (outline). "Over time": one
 * small panel per pair on the story's time axis, the paid money as a solid step line, money on conditions and "up to"
 * money as separate bands above it, a today line at the as-of date and the future faded.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import type { FlowDeal, FlowNote, FlowPair, FlowPart, MoneyFlowsData } from './data';
import type { DataTable } from '../shared/types';
import { certaintyOf, type Certainty } from '../shared/certainty';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatUSD } from '../../lib/format';

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
  aria: string;
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

export interface Panel {
  id: string;
  y: number;
  h: number;
  color: string | null;
  dim: boolean;
  emph: boolean;
  texts: Txt[];
  paidArea: string;
  paidLine: string;
  condArea: string | null;
  upToArea: string | null;
  grid: { y: number; label: string }[];
  markers: { key: string; x: number; y: number; hollow: boolean; undisclosed: boolean; aria: string; dim: boolean; emph: boolean }[];
  /** Money actually paid in by a date: a short dash on the panel at that level. */
  paidMarks: { x: number; y: number }[];
}

export interface OverTimeLayout {
  height: number;
  plotW: number;
  panels: Panel[];
  years: { x: number; label: string }[];
  axisY: number;
  today: { x: number; y1: number; y2: number; label: string; anchor: 'start' | 'end'; labelX: number; clamped: boolean };
  plotTop: number;
  plotBottom: number;
}

export interface FlowLayout {
  width: number;
  narrow: boolean;
  byDeal: ByDealLayout;
  overTime: OverTimeLayout;
  details: Record<string, string>;
  summary: string;
  table: DataTable;
}

/** Layout constants. */
const NARROW = 520;
const FONT = 13;
const SMALL = 12.5;
const CHAR = 0.6; // a generous average glyph width for Inter, in em
const TAG_W = 62;
const UNDISCLOSED_W = 22;
const GAP = 1.5;
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const est = (s: string, size = FONT) => s.length * size * CHAR;
const words = (n: number) => NUMBERS[n] ?? String(n);
const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Amount words, as short as a chart label can be, with the certainty kept in the words. */
export function partText(p: FlowPart, i: number, dealHasLater: boolean): string {
  const usd = p.value === null ? '' : formatUSD(p.value, { short: true });
  const more = i > 0 ? '+ ' : '';
  switch (p.status) {
    case 'undisclosed':
      return `${more}amount undisclosed`;
    case 'conditional':
      return `${more}${usd} on conditions`;
    case 'up-to':
      return `${more}up to ${usd}`;
    default: {
      const pre = p.qualifier === 'about' ? 'about ' : p.qualifier === 'at-least' ? 'more than ' : '';
      return `${more}${pre}${usd}${dealHasLater ? ' now' : ''}`;
    }
  }
}

export function dealText(d: FlowDeal): string {
  const later = d.parts.some((p) => p.status !== 'paid');
  return d.parts.map((p, i) => partText(p, i, later && p.status === 'paid')).join(' ');
}

const dealDate = (d: FlowDeal) => formatDateShort(d.date, d.precision === 'day' ? 'month' : d.precision);
export const dealKey = (p: FlowPair, d: FlowDeal) => `${p.id}:${d.id}`;
const isReported = (d: FlowDeal) => d.parts.some((p) => p.qualifier === 'reported');

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

function emphasis(data: MoneyFlowsData, p: FlowPair, hl: string | null) {
  if (!hl) return { dim: false, emph: false, eventHit: false };
  const entity = p.from.id === hl || p.to.id === hl;
  const event = p.deals.some((d) => d.id === hl) || p.notes.some((n) => n.event === hl);
  return { dim: !entity && !event, emph: entity || event, eventHit: event };
}

/**
 * Pair header: "Microsoft → OpenAI". A note (running totals, amounts) goes at the end of the bar when `barEnd` leaves
 * room for it, else on the header line (wide charts) or on a line of its own under the header (narrow charts).
 */
function header(p: FlowPair, y: number, W: number, note: string, narrow: boolean, barEnd: number | null): { texts: Txt[]; h: number; atBar: Txt | null } {
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
  const x = scaleLinear().domain([0, maxExtent(data)]).range([0, plotW]);
  const barH = narrow ? 16 : 18;
  const lineH = 19;
  const pairs: PairBlock[] = [];
  const deals: DealMark[] = [];
  let y = 0;

  for (const p of data.pairs) {
    const { dim, emph, eventHit } = emphasis(data, p, state.highlight);
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
      const text = `${dealDate(d)} ${future ? 'not yet' : dealText(d)}`;
      const tag = !future && isReported(d);
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
        emph: !dimDeal && (d.id === state.highlight || (emph && !eventHit)),
        aria: `${p.from.name} to ${p.to.name}, ${formatDate(d.date, d.precision)}: ${future ? 'not yet' : dealText(d)}${tag ? ' (reported)' : ''}`,
      });
      cx += w + 16;
    }
    y += (line + 1) * lineH;
    pairs.push({ id: p.id, y: top, h: y - top, dim, emph, texts: head.texts, ticks });
    y += narrow ? 14 : 18;
  }

  const gridY: [number, number] = [0, y - 8];
  const ticks = x.ticks(narrow ? 4 : 6);
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

interface Step {
  t: number;
  paid: number;
  cond: number;
  upTo: number;
}

function overTime(data: MoneyFlowsData, state: FlowState, W: number, narrow: boolean): OverTimeLayout {
  const plotW = W - 2;
  const t0 = dayNum(data.axis.start);
  const t1 = dayNum(data.axis.end);
  const x = scaleLinear().domain([t0, t1]).range([0, plotW]).clamp(true);
  const h = narrow ? 54 : 68;
  const yv = scaleLinear().domain([0, maxExtent(data)]).range([h, 0]);
  const panels: Panel[] = [];
  let y = 26; // room for the today label

  for (const p of data.pairs) {
    const { dim, emph, eventHit } = emphasis(data, p, state.highlight);
    // Levels after each deal: paid money, then conditional and "up to" money kept apart from it.
    const steps: Step[] = [{ t: t0, paid: 0, cond: 0, upTo: 0 }];
    const markers: Panel['markers'] = [];
    for (const d of p.deals) {
      const prev = steps.at(-1)!;
      const sum = (s: FlowPart['status']) => d.parts.filter((x) => x.status === s).reduce((a, x) => a + (x.value ?? 0), 0);
      const next = { t: dayNum(d.date), paid: prev.paid + sum('paid'), cond: prev.cond + sum('conditional'), upTo: prev.upTo + sum('up-to') };
      steps.push(next);
      const top = d.parts.some((x) => x.status === 'paid') ? next.paid : next.paid + next.cond + next.upTo;
      const key = dealKey(p, d);
      const dimDeal = dim || (eventHit && d.id !== state.highlight && p.deals.some((x) => x.id === state.highlight));
      markers.push({
        key,
        x: x(next.t),
        y: yv(top),
        hollow: isReported(d),
        undisclosed: d.parts.some((x) => x.status === 'undisclosed'),
        aria: `${p.from.name} to ${p.to.name}, ${formatDate(d.date, d.precision)}: ${d.date > state.asOf ? 'not yet' : dealText(d)}${isReported(d) ? ' (reported)' : ''}`,
        dim: dimDeal,
        emph: !dimDeal && (d.id === state.highlight || (emph && !eventHit)),
      });
    }
    steps.push({ ...steps.at(-1)!, t: t1 });

    const started = p.deals.some((d) => d.date <= state.asOf);
    const known = [...steps].reverse().find((s) => s.t <= dayNum(state.asOf)) ?? steps[0]!;
    const bits: string[] = [];
    if (known.paid > 0) bits.push(`${formatUSD(known.paid, { short: true })} committed`);
    if (known.cond > 0) bits.push(`+ ${formatUSD(known.cond, { short: true })} on conditions`);
    if (known.upTo > 0) bits.push(`+ up to ${formatUSD(known.upTo, { short: true })}`);
    const paidNote = notesAsOf(p, state.asOf).paid;
    const head = header(p, y, W, started ? [bits.join(' '), ...(paidNote ? [noteText(paidNote)] : [])].join(' · ') : 'not yet', narrow, null);
    const top = y + head.h + 4;

    const xs = (s: Step) => x(s.t);
    const paidArea = area<Step>().x(xs).y0(h).y1((s) => yv(s.paid)).curve(curveStepAfter)(steps) ?? '';
    const paidLine = line<Step>().x(xs).y((s) => yv(s.paid)).curve(curveStepAfter)(steps) ?? '';
    const hasCond = steps.some((s) => s.cond > 0);
    const hasUpTo = steps.some((s) => s.upTo > 0);
    const condArea = hasCond ? area<Step>().x(xs).y0((s) => yv(s.paid)).y1((s) => yv(s.paid + s.cond)).curve(curveStepAfter)(steps) : null;
    const upToArea = hasUpTo
      ? area<Step>().x(xs).y0((s) => yv(s.paid + s.cond)).y1((s) => yv(s.paid + s.cond + s.upTo)).curve(curveStepAfter)(steps)
      : null;
    const gridTicks = yv.ticks(2).filter((t) => t > 0);
    panels.push({
      id: p.id,
      y: top,
      h,
      color: p.from.color,
      dim,
      emph,
      texts: head.texts,
      paidArea,
      paidLine,
      condArea,
      upToArea,
      grid: gridTicks.map((t) => ({ y: yv(t), label: formatUSD(t, { short: true }) })),
      markers,
      paidMarks: p.notes.filter((n) => n.kind === 'paid-to-date').map((n) => ({ x: x(dayNum(n.date)), y: yv(n.value) })),
    });
    y = top + h + (narrow ? 14 : 18);
  }

  const plotTop = panels[0]?.y ?? 0;
  const plotBottom = y - (narrow ? 14 : 18);
  const asOfDay = dayNum(state.asOf);
  const clamped = asOfDay > t1 || asOfDay < t0;
  const tx = x(asOfDay);
  const label = `As of ${formatDateShort(state.asOf)}${clamped && asOfDay > t1 ? ' →' : ''}`;
  const anchor: 'start' | 'end' = tx + est(label, SMALL) + 6 > W ? 'end' : 'start';
  const years: { x: number; label: string }[] = [];
  const y0 = Number(data.axis.start.slice(0, 4));
  const y1 = Number(data.axis.end.slice(0, 4));
  for (let yr = y0; yr <= y1; yr += narrow ? 2 : 1) years.push({ x: x(dayNum(`${yr}-01-01`)), label: String(yr) });
  return {
    height: plotBottom + 26,
    plotW,
    panels,
    years,
    axisY: plotBottom + 18,
    today: { x: tx, y1: 18, y2: plotBottom + 4, label, anchor, labelX: anchor === 'start' ? tx + 5 : tx - 5, clamped },
    plotTop,
    plotBottom,
  };
}

/** What each deal is, in words: for the detail line under the chart. */
function details(data: MoneyFlowsData, asOf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of data.pairs) {
    for (const d of p.deals) {
      const parts = d.parts.map((x) => {
        const amount = x.value === null ? 'amount undisclosed' : formatUSD(x.value);
        return `${amount} (${QUALIFIER_WORDS[x.qualifier]})${x.note ? `: ${x.note}` : '.'}`;
      });
      const sources = [...new Set(d.parts.flatMap((x) => x.sourceNames))];
      out[dealKey(p, d)] =
        (d.date > asOf ? `Not yet on ${formatDate(asOf)}. ` : '') +
        `${p.from.name} into ${p.to.name}, ${formatDate(d.date, d.precision)}. ${d.title}: ${parts.join(' ')} ` + `Source: ${sources.join('; ')}.`;
    }
  }
  return out;
}

/** "As of March 1, 2026: Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported); …" */
export function summarize(data: MoneyFlowsData, asOf: string): string {
  const clauses: string[] = [];
  for (const p of data.pairs) {
    const deals = p.deals.filter((d) => d.date <= asOf);
    if (deals.length === 0) continue;
    const parts = deals.flatMap((d) => d.parts);
    const sum = (s: FlowPart['status']) => parts.filter((x) => x.status === s).reduce((a, x) => a + (x.value ?? 0), 0);
    const paidDeals = deals.filter((d) => d.parts.some((x) => x.status === 'paid'));
    const reported = paidDeals.filter(isReported).length;
    const { totals, paid } = notesAsOf(p, asOf);
    const lastPaidDeal = paidDeals.at(-1)?.date ?? '';
    // A company's own running total stands in for the sum of its parts when it covers every round so far.
    const total = totals.find((n) => (n.qualifier === 'exact' || n.qualifier === 'about') && n.date >= lastPaidDeal);
    const paidSum = total ? total.value : sum('paid');
    const approx = total ? total.qualifier === 'about' : reported > 0;
    let c: string;
    if (paidDeals.length > 0) {
      c = `${p.from.name} had committed ${approx ? 'about ' : ''}${formatUSD(paidSum)} to ${p.to.name}`;
      if (paidDeals.length > 1) c += ` in ${words(paidDeals.length)} rounds`;
      if (reported > 0) c += ` (${reported === paidDeals.length && reported === 1 ? 'amount' : `${words(reported)} ${reported === 1 ? 'amount' : 'amounts'}`} reported)`;
      if (paid) c += `, ${formatUSD(paid.value)} of it paid in as disclosed on ${formatDate(paid.date)}`;
      if (sum('conditional') > 0) c += `, with ${formatUSD(sum('conditional'))} more on conditions`;
      if (sum('up-to') > 0) c += `, with up to ${formatUSD(sum('up-to'))} more`;
    } else if (sum('up-to') > 0) {
      c = `${p.from.name} had promised up to ${formatUSD(sum('up-to'))} to ${p.to.name}`;
      if (sum('conditional') > 0) c += `, and ${formatUSD(sum('conditional'))} on conditions`;
    } else if (sum('conditional') > 0) {
      c = `${p.from.name} had promised ${formatUSD(sum('conditional'))} to ${p.to.name} on conditions`;
    } else {
      c = `${p.from.name} had invested an undisclosed amount in ${p.to.name}`;
    }
    const undisclosed = parts.filter((x) => x.status === 'undisclosed').length;
    if (undisclosed > 0 && paidDeals.length > 0) c += `, plus ${words(undisclosed)} undisclosed ${undisclosed === 1 ? 'amount' : 'amounts'}`;
    clauses.push(c);
  }
  const when = formatDate(asOf);
  if (clauses.length === 0) {
    const first = data.pairs.flatMap((p) => p.deals.map((d) => ({ p, d }))).sort((a, b) => a.d.date.localeCompare(b.d.date))[0]!;
    return `As of ${when}, none of these investments had been made. The first, ${first.p.from.name}'s in ${first.p.to.name}, came on ${formatDate(first.d.date, first.d.precision)}.`;
  }
  return `As of ${when}: ${clauses.join('; ')}.`;
}

function table(data: MoneyFlowsData, asOf: string): DataTable {
  const rows: Record<string, string>[] = [];
  for (const p of data.pairs) {
    for (const d of p.deals) {
      for (const x of d.parts) {
        rows.push({
          pair: `${p.from.name} → ${p.to.name}`,
          date: formatDate(d.date, d.precision),
          amount: x.value === null ? 'undisclosed' : formatUSD(x.value),
          sure: QUALIFIER_WORDS[x.qualifier],
          drawn: { paid: 'solid', conditional: 'hatched', 'up-to': 'outline', undisclosed: 'dashed, "?"' }[x.status],
          state: d.date <= asOf ? 'made' : 'not yet',
        });
      }
    }
    for (const n of p.notes) {
      rows.push({
        pair: `${p.from.name} → ${p.to.name}`,
        date: formatDate(n.date),
        amount: formatUSD(n.value),
        sure: QUALIFIER_WORDS[n.qualifier],
        drawn: n.kind === 'paid-to-date' ? 'label and tick: paid in by then' : 'label: running total, not added',
        state: n.date <= asOf ? 'known' : 'not yet',
      });
    }
  }
  return {
    columns: [
      { key: 'pair', label: 'Investor → recipient' },
      { key: 'date', label: 'Date' },
      { key: 'amount', label: 'Amount', numeric: true },
      { key: 'sure', label: 'How sure' },
      { key: 'drawn', label: 'Drawn as' },
      { key: 'state', label: `By ${formatDateShort(asOf)}` },
    ],
    rows,
  };
}

export function layout(data: MoneyFlowsData, state: FlowState, width: number): FlowLayout {
  const W = Math.max(280, Math.round(width));
  const narrow = W < NARROW;
  return {
    width: W,
    narrow,
    byDeal: byDeal(data, state, W, narrow),
    overTime: overTime(data, state, W, narrow),
    details: details(data, state.asOf),
    summary: summarize(data, state.asOf),
    table: table(data, state.asOf),
  };
}

/** The dates a reader can step through: every deal, and the story's "now". */
export function steps(data: MoneyFlowsData): string[] {
  return [...new Set([...data.pairs.flatMap((p) => p.deals.map((d) => d.date)), data.meta.defaultAsOf])].sort();
}

