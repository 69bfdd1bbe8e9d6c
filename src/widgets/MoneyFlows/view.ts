/**
 * money-flows, pure layout for both views, run at build time only. "By deal": one row per investor → recipient pair,
 * each deal a segment on a shared dollar axis, paid money first, then money on conditions (hatched), then ceilings
 * (outline). "Over time" (overtime.ts): one small panel per pair on the story's time axis.
 *
 * The chart is drawn once for every date (../shared/live.ts): the layout does not move with the date. What changes
 * with it (a deal's words, a pair's running total, the paid-in tick) carries the span of dates it holds for, and each
 * row keeps the room its tallest state needs, so a reader stepping through the dates sees rows keep their place.
 */
import { linear, valueTicks } from '../kit/scale';
import { anchorWithin, measure, tagWidth, widthIn, type ChartText, type TextStyle } from '../kit/text';
import type { FlowDeal, FlowNote, FlowPair, FlowPart, MoneyFlowsData } from './data';
import type { DataTable } from '../shared/types';
import { certaintyOf, type Certainty } from '../shared/certainty';
import { asOfColumn, span, type TimedText } from '../shared/live';
import { formatTickUSD } from '../../lib/format';

export type FlowView = 'deal' | 'time';

export type Txt = ChartText<'pair' | 'arrow' | 'label' | 'muted' | 'axis' | 'future' | 'note', 'pair' | 'arrow'>;

/** Dates something holds for: from (inclusive) until (exclusive), null = open. */
export interface Spanned {
  from: string | null;
  until: string | null;
}

export interface Seg {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  certainty: Certainty;
  color: string | null;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DealWords extends Spanned {
  text: Txt;
  ring: Box;
  tag: { x: number; y: number; w: number } | null;
}

/** One deal's selectable group: its segments, and its words on every date. */
export interface DealMark {
  key: string;
  /** The deal's event, and the date it counts from. */
  id: string;
  date: string;
  /** The pair's row, for arrow-key movement between deals. */
  row: number;
  segs: Seg[];
  /** The deal's words as they flow on each state of its pair's record ("Jan 2023 not yet" before its date). */
  words: DealWords[];
  /** Its spoken name where it draws no words (a phone's story names a pair's total, not each deal). */
  name: string | null;
  /** What a highlight keeps in view (the rest dims), and what it brings forward. */
  ids: string[];
  emphIds: string[];
}

export interface PairBlock {
  id: string;
  ids: string[];
  /** The pair's name. */
  texts: Txt[];
  /** Running totals (or "not yet"), each for the dates it holds. */
  notes: (Txt & Spanned)[];
  /** Money actually paid in by a date, marked on the bar from that date until the next such figure. */
  ticks: ({ x: number; y1: number; y2: number; label: Txt } & Spanned)[];
}

export interface ByDealLayout {
  width: number;
  height: number;
  plotW: number;
  grid: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  gridY: [number, number];
  axisY: number;
  pairs: PairBlock[];
  deals: DealMark[];
}

/** Layout constants. */
export const NARROW = 520;
const UNDISCLOSED_W = 22;
const GAP = 1.5;

/** The text styles of both drawings, as MoneyFlows.svelte's and OverTime.svelte's CSS set them. */
export const STYLE = {
  pair: { size: 14, weight: 700 },
  arrow: { size: 14 },
  note: { size: 12.5 },
  /** A deal's words, measured bold: a highlight sets them in bold, and they must still not meet. */
  label: { size: 12.5, weight: 700 },
  future: { size: 12.5 },
  muted: { size: 12.5 },
  axis: { size: 12 },
  tag: { size: 11, weight: 700, letterSpacing: 0.05 },
  today: { size: 12, weight: 700 },
} satisfies Record<Txt['cls'] | 'tag' | 'today', TextStyle>;

/** A label's measured width. */
export const textWidth = widthIn(STYLE);


export const r2 = (n: number) => Math.round(n * 100) / 100;

export const dealKey = (p: FlowPair, d: FlowDeal) => `${p.id}:${d.id}`;

/**
 * The periods in which the record stands still: a new one starts at each deal or note date. `at` is a date inside
 * the period (its first, or one before every record for the first).
 */
export function periods(data: MoneyFlowsData): (Spanned & { at: string })[] {
  const dates = [...new Set(data.pairs.flatMap((p) => [...p.deals.map((d) => d.date), ...p.notes.map((n) => n.date)]))].sort();
  return [null, ...dates].map((from, i) => ({ from, until: dates[i] ?? null, at: from ?? '0000-01-01' }));
}

/** Runs of periods with the same value, merged into one span each. */
export function runs<T>(data: MoneyFlowsData, value: (at: string) => T, same: (a: T, b: T) => boolean = (a, b) => a === b): (Spanned & { value: T })[] {
  const out: (Spanned & { value: T })[] = [];
  for (const p of periods(data)) {
    const v = value(p.at);
    const last = out.at(-1);
    if (last && same(last.value, v)) last.until = p.until;
    else out.push({ from: p.from, until: p.until, value: v });
  }
  return out;
}

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

/**
 * What a highlight does to a pair and its deals. A pair stays in view for its companies and every event it holds;
 * a deal for its companies, its own event and the pair's other events that are not deals (a deal named by a
 * highlight dims its pair's other deals); a deal is brought forward by its companies and its own event.
 */
export function pairIds(p: FlowPair): string[] {
  return [...new Set([p.from.id, p.to.id, ...p.deals.map((d) => d.id), ...p.notes.map((n) => n.event)])];
}
export function dealIds(p: FlowPair, d: FlowDeal): { ids: string[]; emphIds: string[] } {
  const notDeals = p.notes.map((n) => n.event).filter((e) => !p.deals.some((x) => x.id === e));
  return { ids: [...new Set([p.from.id, p.to.id, d.id, ...notDeals])], emphIds: [p.from.id, p.to.id, d.id] };
}

/** A pair's name as drawn and spoken: "Microsoft → OpenAI". */
const pairName = (p: FlowPair): string => `${p.from.name} → ${p.to.name}`;

/**
 * Pair header: "Microsoft → OpenAI". A note (running totals, amounts) goes at the end of the bar when `barEnd` leaves
 * room for it, else on the header line (wide charts) or on a line of its own under the header (narrow charts).
 */
export function header(p: FlowPair, y: number, W: number, note: string, narrow: boolean, barEnd: number | null): { texts: Txt[]; h: number; atBar: Txt | null } {
  const name = pairName(p);
  const texts: Txt[] = [
    {
      x: 0,
      y: y + 14,
      text: name,
      cls: 'pair',
      spans: [
        { text: p.from.name, color: p.from.color, cls: 'pair' },
        { text: ' → ', color: null, cls: 'arrow' },
        { text: p.to.name, color: p.to.color, cls: 'pair' },
      ],
    },
  ];
  if (!note) return { texts, h: 20, atBar: null };
  const noteW = measure(note, STYLE.note);
  if (barEnd !== null && barEnd + 8 + noteW <= W) return { texts, h: 20, atBar: { x: barEnd + 8, y: 0, text: note, cls: 'note' } };
  if (!narrow && textWidth(texts[0]!) + 24 + noteW <= W) {
    texts.push({ x: W, y: y + 14, text: note, anchor: 'end', cls: 'note' });
    return { texts, h: 20, atBar: null };
  }
  // On a line of its own; a note too long for the width breaks at its " · " joins.
  const lines = noteW <= W ? [note] : note.split(' · ');
  lines.forEach((text, i) => texts.push({ x: 0, y: y + 31 + i * 16, text, cls: 'note' }));
  return { texts, h: 37 + (lines.length - 1) * 16, atBar: null };
}

/** The pair's notes through time: each placement for the dates it holds, and the height the tallest one needs. */
export function headerRuns(data: MoneyFlowsData, p: FlowPair, note: (at: string) => string, y: number, W: number, narrow: boolean, barEnd: number | null) {
  const name = header(p, y, W, '', narrow, barEnd).texts;
  const placed = runs(data, note).map((r) => ({ ...r, head: header(p, y, W, r.value, narrow, barEnd) }));
  return { name, placed, h: Math.max(...placed.map((r) => r.head.h)) };
}

/**
 * `story`: a scroll sequence's graphic (or a compact embed). On a phone it is packed to the screen's height with
 * fewer words: a pair of several deals is labelled by its running total alone (each deal's amount stays in the full
 * chart and in the deal's details), a pair of one deal by that deal's amount without its date, set beside the pair's
 * name when the pair has no total of its own; of two totals on one date only the first (the exact one: the bar's
 * outline shows the ceiling) goes beside the name, where it fits.
 */
export function byDealLayout(data: MoneyFlowsData, width: number, story = false): ByDealLayout {
  const W = Math.max(280, Math.round(width));
  const narrow = W < NARROW;
  const phone = story && narrow;
  const plotW = W - 2;
  const x = linear([0, maxExtent(data)], [0, plotW]);
  const barH = phone ? 14 : narrow ? 16 : 18;
  const lineH = 19;
  // The REPORTED tag's box around its word.
  const TAG_W = tagWidth(data.words.tag, STYLE.tag);
  const pairs: PairBlock[] = [];
  const deals: DealMark[] = [];
  let y = 0;

  data.pairs.forEach((p, row) => {
    const totalled = p.notes.some((n) => n.kind === 'total');
    // On a phone a pair of one deal without a total carries that deal's words beside its name, "not yet" included.
    const beside = phone && p.deals.length === 1 && !totalled;
    const worded = !phone || p.deals.length === 1;
    const totals = (at: string) => notesAsOf(p, at).totals.slice(0, phone ? 1 : undefined).map((n) => n.text);
    // Before its first deal a pair's note says "not yet", unless on a phone its one deal's words already say it.
    const note = (at: string) => (beside ? '' : p.deals.some((d) => d.date <= at) ? totals(at).join(' · ') : phone && worded ? '' : data.words.note.notYet);
    const extent = stacked(p).reduce((a, { part }) => a + (part.value ?? x.invert(UNDISCLOSED_W + GAP)), 0);
    const headY = y;
    const heads = headerRuns(data, p, note, y, W, narrow && !phone, r2(x(extent)));
    y += heads.h + (phone ? 4 : 6);
    const barY = y;
    const notes = heads.placed.flatMap(({ from, until, head }) =>
      head.atBar ? [{ ...head.atBar, y: barY + barH / 2 + 4.5, from, until }] : head.texts.slice(1).map((t) => ({ ...t, from, until })),
    );

    // Segments, laid end to end in the stacking order.
    const segsByDeal = new Map<string, Seg[]>();
    let cursor = 0;
    for (const { deal, part } of stacked(p)) {
      const x0 = x(cursor);
      const w = part.value === null ? UNDISCLOSED_W : x(cursor + part.value) - x0;
      const key = dealKey(p, deal);
      const seg: Seg = { key: part.id, x: r2(x0), y: barY, w: r2(Math.max(1, w - (w > 4 ? GAP : 0))), h: barH, certainty: certaintyOf(part.qualifier), color: p.from.color };
      cursor += part.value ?? x.invert(UNDISCLOSED_W + GAP);
      segsByDeal.set(key, [...(segsByDeal.get(key) ?? []), seg]);
    }
    y += barH;

    // Money actually paid in by a date: a tick across the bar, labelled under it, from its date to the next one's.
    const paid = p.notes.filter((n) => n.kind === 'paid-to-date');
    const ticks: PairBlock['ticks'] = paid.map((n, i) => {
      const tx = r2(x(n.value));
      const text = n.text;
      const right = tx + 4 + measure(text, STYLE.note) <= W;
      return {
        x: tx,
        y1: barY - 4,
        y2: barY + barH + 5,
        label: { x: right ? tx + 4 : tx - 4, y: barY + barH + 16, text, anchor: right ? 'start' : 'end', cls: 'note' },
        from: n.date,
        until: paid[i + 1]?.date ?? null,
      };
    });
    if (paid.length) y += 16;

    // Deal words under the bar, flowed into lines: "Jan 2023 $10B [REPORTED]", or "Jan 2023 not yet" before the
    // deal's date. The words flow anew at each of the pair's deal dates; the row keeps the room of its most lines.
    // (On a phone: the amount alone, and beside the name or not at all, as above.)
    if (worded && !beside) y += 6;
    const words = new Map<string, DealWords[]>();
    let lines = worded && !beside ? 1 : 0;
    const dates = [...new Set(p.deals.map((d) => d.date))];
    if (worded) [null, ...dates].forEach((from, k) => {
      const until = dates[k] ?? null;
      let cx = 0;
      let line = 0;
      for (const d of p.deals) {
        const made = from !== null && d.date <= from;
        const said = made ? d.text : data.words.part.notYet;
        const text = phone ? said : `${d.label} ${said}`;
        const tag = made && d.reported;
        const w = measure(text, STYLE.label) + (tag ? TAG_W + 6 : 0);
        if (beside) cx = W - w;
        else if (cx > 0 && cx + w > W) {
          cx = 0;
          line += 1;
        }
        const ty = beside ? headY + 14 : y + line * lineH + 12;
        const list = words.get(d.id) ?? [];
        const last = list.at(-1);
        if (last && last.text.text === text && last.text.x === cx && last.text.y === ty) last.until = until;
        else
          list.push({
            from,
            until,
            text: { x: cx, y: ty, text, cls: made ? 'label' : 'future' },
            ring: { x: cx - 3, y: ty - 13, w: w + 6, h: 17 },
            tag: tag ? { x: cx + measure(text, STYLE.label) + 6, y: ty - 10, w: TAG_W } : null,
          });
        words.set(d.id, list);
        cx += w + 16;
      }
      if (!beside) lines = Math.max(lines, line + 1);
    });
    for (const d of p.deals) {
      const key = dealKey(p, d);
      const drawn = words.get(d.id) ?? [];
      const name = drawn.length ? null : `${pairName(p)}: ${d.label} ${d.text}`;
      deals.push({ key, id: d.id, date: d.date, row, segs: segsByDeal.get(key) ?? [], words: drawn, name, ...dealIds(p, d) });
    }
    y += lines * lineH;
    pairs.push({ id: p.id, ids: pairIds(p), texts: heads.name, notes, ticks });
    y += phone ? 12 : narrow ? 14 : 18;
  });

  const ticks = valueTicks(maxExtent(data), narrow ? 4 : 6);
  return {
    width: W,
    height: y + 14,
    plotW,
    grid: ticks.map((t) => ({ x: r2(x(t)), label: formatTickUSD(t), anchor: anchorWithin(formatTickUSD(t), x(t), STYLE.axis, 0, W) })),
    gridY: [0, y - 8],
    axisY: y + 6,
    pairs,
    deals,
  };
}

/** Each deal's words for the detail line, with the date it counts from (before it, the line says "not yet"). */
export function details(data: MoneyFlowsData): { key: string; date: string; text: string }[] {
  return data.pairs.flatMap((p) => p.deals.map((d) => ({ key: dealKey(p, d), date: d.date, text: d.detail })));
}

/** The sentence for screen readers, for each state of the record ({date} is the chart's date). */
export function summaries(data: MoneyFlowsData): TimedText[] {
  const first = data.summaries[0]?.from ?? null;
  return [
    { span: span(null, first), text: data.noneYet },
    ...data.summaries.map((s, i) => ({ span: span(s.from, data.summaries[i + 1]?.from), text: s.text })),
  ];
}

/**
 * The data table for each state of the record: its last column says whether each row had happened by the chart's
 * date, headed with that date (written at build time for the date the page starts on).
 */
export function tables(data: MoneyFlowsData, asOf: string): { span: string; table: DataTable }[] {
  const columns = [...data.table.columns, asOfColumn('state', data.words.table.state, asOf)];
  return runs(
    data,
    (at) => data.table.rows.map((r) => (r.date <= at ? r.known : data.words.table.notYet)),
    (a, b) => a.join() === b.join(),
  ).map((r) => ({
    span: span(r.from, r.until),
    table: { columns, rows: data.table.rows.map((row, i) => ({ ...row.cells, state: r.value[i]! })) },
  }));
}

/** The dates a reader can step through: every deal, and the story's "now". */
export function steps(data: MoneyFlowsData): string[] {
  return [...new Set([...data.pairs.flatMap((p) => p.deals.map((d) => d.date)), data.meta.defaultAsOf])].sort();
}

/** The mark whose details a highlight from outside shows: a deal's event shows that deal. */
export function highlightMarks(data: MoneyFlowsData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of data.pairs) for (const d of p.deals) out[d.id] ??= dealKey(p, d);
  return out;
}
