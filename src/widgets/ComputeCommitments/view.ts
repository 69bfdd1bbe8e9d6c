/**
 * compute-commitments, pure layout. Rows are contracts, grouped by cloud, newest first. Wide charts get three
 * aligned panels with their own axes: dollars, gigawatts, years. Narrow charts keep the dollar bars and give
 * capacity, length and chips as words under each bar. Dollars and gigawatts never share an axis.
 */
import { dayOf, isoOf } from '../../lib/iso-date';
import { at, linear, timeScale, timeScaleAttr, valueTicks, type TimeScale } from '../kit/scale';
import { flow, measure, tagWidth, widthIn, wrap, type ChartText, type TextStyle } from '../kit/text';
import type { CommitRow, ComputeData } from './data';
import type { DataTable } from '../shared/types';
import { certaintyOf, type Certainty } from '../shared/certainty';
import { formatDateShort, formatTickUSD } from '../../lib/format';
import { asOfColumn, dateText, span, type TimedText } from '../shared/live';
import { say } from './words';

/** Which side of its contract's date a label belongs to: "not yet" before it, the figures from it on. */
export type Side = 'future' | 'present';

export interface CText extends ChartText<'lab' | 'cloud' | 'label' | 'muted' | 'value' | 'axis' | 'head' | 'future' | 'strong', 'lab' | 'muted' | 'cloud'> {  /** Shown only on one side of the row's date (or, for a cloud's name, of its stated total's date). */
  side?: Side;
}

export interface Bar {
  x: number;
  y: number;
  w: number;
  h: number;
  certainty: Certainty;
  color: string | null;
  /** "More than": an open end drawn past the bar. */
  open: boolean;
}

export interface RowMark {
  key: string;
  group: string;
  /** The contract's date: before it the row is ghosted with "not yet". */
  date: string;
  /** The highlights that bring this row forward (every other one dims it). */
  ids: string[];
  /** What selecting the row highlights: its contract's event. */
  event: string;
  y: number;
  h: number;
  money: Bar;
  gw: Bar | null;
  years: { x: number; y: number; w: number } | null;
  texts: CText[];
  /** The REPORTED tag and the chip glyph: only from the contract's date on. */
  tag: { x: number; y: number; w: number } | null;
  glyph: { x: number; y: number; chip: 'trainium' | 'nvidia-gpu' | 'mixed' } | null;
  ring: { x: number; y: number; w: number; h: number };
}

export interface Panel {
  key: 'usd' | 'gw' | 'years';
  x: number;
  w: number;
  title: string;
  ticks: { x: number; label: string }[];
}

export interface Strip {
  y: number;
  h: number;
  x0: number;
  x1: number;
  axisY: number;
  window: { x: number; w: number };
  /** Each end of the window, faded before its date. */
  dots: { x: number; date: string }[];
  texts: CText[];
  /** The whole strip fades before this date (the window's start). */
  from: string;
  /** Highlights that keep the strip undimmed, and those that emphasize it. */
  ids: string[];
  emphIds: string[];
  /** The strip's own time axis, as `data-time-scale` for the browser, and the dates its "today" tick shows on. */
  scale: string;
  x: TimeScale;
  today: { from: string; until: string };
  label: string;
}

export interface CLayout {
  width: number;
  height: number;
  narrow: boolean;
  panels: Panel[];
  gridTop: number;
  gridBottom: number;
  axisY: number;
  groups: { id: string; texts: CText[]; ids: string[]; total: string | null }[];
  rows: RowMark[];
  strip: Strip | null;
  /** The row after which the strip is drawn (its AWS rows). */
  stripAfter: string | null;
}

const NARROW = 600;
const OPEN_TAIL = 26;
const UNDISCLOSED_W = 26;
/** Days of axis on either side of the eight days. */
const STRIP_PAD = 4;

/** The text styles of the drawing, as ComputeCommitments.svelte's CSS sets them. */
export const STYLE = {
  cloud: { size: 14, weight: 750 },
  lab: { size: 13, weight: 700 },
  value: { size: 13, weight: 600 },
  future: { size: 13 },
  strong: { size: 13, weight: 700 },
  label: { size: 12.5 },
  muted: { size: 12.5 },
  head: { size: 12, weight: 700, letterSpacing: 0.02 },
  axis: { size: 12 },
  tag: { size: 11, weight: 700, letterSpacing: 0.05 },
  days: { size: 12.5, weight: 750 },
} satisfies Record<string, TextStyle>;

/** A label's measured width. */
export const textWidth = widthIn(STYLE);

/** The REPORTED tag's box around its word (data.words.tag). */
export const tagBox = (data: Pick<ComputeData, 'words'>) => tagWidth(data.words.tag, STYLE.tag);


/** Whether a highlight brings a row forward. */
export function rowHit(data: ComputeData, r: CommitRow, hl: string): boolean {
  if (r.lab.id === hl || r.cloud === hl || r.event === hl) return true;
  if (hl === 'nvidia') return r.chip === 'nvidia-gpu';
  const e = data.eightDays;
  if (hl === e.event || hl === e.end.event) return r.event === e.start.event || (e.openaiTrainium !== null && r.event === e.openaiTrainium.event && r.chip === 'trainium');
  return false;
}


function stripLayout(data: ComputeData, y: number, x0: number, x1: number): Strip {
  const e = data.eightDays;
  const first = isoOf(dayOf(e.start.date) - STRIP_PAD);
  const until = isoOf(dayOf(e.end.date) + STRIP_PAD);
  const w = x1 - x0;
  const x = timeScale([first, until], [x0, x1]);
  const s = at(x, e.start.date);
  const t = at(x, e.end.date);
  const texts: CText[] = [];
  let cy = y + 14;
  const headline = say(data.words.eightDays.headline, { source: e.source });
  const range = `${formatDateShort(e.start.date, 'month').split(' ')[0]} ${Number(e.start.date.slice(8))}–${Number(e.end.date.slice(8))}, ${e.end.date.slice(0, 4)}`;
  if (measure(headline, STYLE.strong) + 12 + measure(range, STYLE.muted) <= w) {
    texts.push({ x: x0, y: cy, text: headline, cls: 'strong' }, { x: x1, y: cy, text: range, anchor: 'end', cls: 'muted' });
  } else {
    const lines = wrap(headline, w, STYLE.strong);
    lines.forEach((l, i) => texts.push({ x: x0, y: cy + i * 17, text: l, cls: 'strong' }));
    cy += (lines.length - 1) * 17;
  }
  cy += 20;
  // The start event's words above the axis, from its date rightwards; the end event's below, ending at its date.
  const startLines = wrap(`${formatDateShort(e.start.date)}: ${e.start.title}`, x1 - s, STYLE.label);
  for (const l of startLines) {
    texts.push({ x: s, y: cy, text: l, cls: 'label' });
    cy += 16;
  }
  const axisY = cy + 4;
  cy = axisY + 24;
  const endLines = wrap(`${formatDateShort(e.end.date)}: ${e.end.title}`, t - x0, STYLE.label);
  for (const l of endLines) {
    texts.push({ x: t, y: cy, text: l, anchor: 'end', cls: 'label' });
    cy += 16;
  }
  cy += 4;
  const caveat = (e.note ?? '').match(/[^.]*Trainium commitment[^.]*\./)?.[0]?.trim();
  if (caveat) {
    for (const l of wrap(caveat, w, STYLE.muted)) {
      texts.push({ x: x0, y: cy, text: l, cls: 'muted' });
      cy += 16;
    }
  }
  // The tick for the chart's date shows while the date is on the strip's axis.
  const emphIds = [...new Set([e.event, e.start.event, e.end.event])];
  return {
    y,
    h: cy - y,
    x0,
    x1,
    axisY,
    window: { x: s, w: t - s },
    dots: [
      { x: s, date: e.start.date },
      { x: t, date: e.end.date },
    ],
    texts,
    from: e.start.date,
    emphIds,
    // Any other highlight dims the strip, except the companies it concerns.
    ids: [...emphIds, 'amazon', 'anthropic', 'openai'],
    scale: timeScaleAttr(x),
    x,
    today: { from: first, until },
    label: say(data.words.eightDays.label, { days: String(data.eightDays.days), start: { date: e.start.date }, end: { date: e.end.date } }),
  };
}

/** The dates the record changes on: each contract's (a stated total shares its last contract's date). */
export function changeDates(data: ComputeData): string[] {
  return [...new Set(data.groups.flatMap((g) => [...g.rows.map((r) => r.date), ...(g.total ? [g.total.date] : [])]))].sort();
}

/** The spans of dates between changes, each with a date inside it to draw it at. */
export function steps(data: ComputeData): { span: string; at: string }[] {
  const dates = changeDates(data);
  return [null, ...dates].map((from, i) => ({ span: span(from, dates[i] ?? null), at: from ?? data.meta.range.min }));
}

/** The dates the "as of" slider steps through: every contract, the end of the eight days and the story's "now". */
export function sliderDates(data: ComputeData): string[] {
  return [...new Set([...data.groups.flatMap((g) => g.rows.map((r) => r.date)), data.eightDays.end.date, data.meta.defaultAsOf])].sort();
}

/** Every highlight that brings the row forward. */
export function rowIds(data: ComputeData, r: CommitRow): string[] {
  return data.meta.highlights.map((h) => h.id).filter((id) => rowHit(data, r, id));
}

/**
 * The layout at a width, the same on every date: each row keeps the room its figures take once its contract is made,
 * and every date-dependent label carries its side of the contract's date ("not yet" before it).
 */
export function layout(data: ComputeData, width: number): CLayout {
  const W = Math.max(280, Math.round(width));
  const narrow = W < NARROW;
  const rowsAll = data.groups.flatMap((g) => g.rows);
  const maxUsd = Math.max(...rowsAll.map((r) => r.value ?? 0));
  const maxGw = Math.max(...rowsAll.map((r) => r.capacity?.value ?? 0));
  const maxYears = Math.max(...rowsAll.map((r) => r.years ?? 0));
  const TAG_W = tagBox(data);

  // Panels: label column | dollars | gigawatts | years (wide); label lines over full-width dollar bars (narrow).
  const labelW = narrow ? 0 : Math.min(190, Math.max(140, W * 0.19));
  const sideW = narrow ? 0 : Math.min(160, Math.max(96, W * 0.14));
  const gap = narrow ? 0 : 22;
  const usdX = labelW;
  const usdW = narrow ? W - 2 : W - labelW - 2 * (sideW + gap);
  const gwX = usdX + usdW + gap;
  const yrX = gwX + sideW + gap;
  // Room at the end of the longest bar for its label.
  const usdLabelRoom = narrow ? 0 : 118;
  const xUsd = linear([0, maxUsd], [usdX, usdX + usdW - usdLabelRoom]);
  const xGw = linear([0, maxGw], [gwX, gwX + sideW - 40]);
  const xYr = linear([0, maxYears], [yrX, yrX + sideW - 40]);

  const panels: Panel[] = [
    {
      key: 'usd',
      x: usdX,
      w: usdW,
      title: narrow ? data.words.panels.usdNarrow : data.words.panels.usd,
      ticks: valueTicks(maxUsd, narrow ? 3 : 4).map((t) => ({ x: xUsd(t), label: formatTickUSD(t) })),
    },
  ];
  if (!narrow) {
    panels.push(
      { key: 'gw', x: gwX, w: sideW, title: data.words.panels.gw, ticks: valueTicks(maxGw, 3).map((t) => ({ x: xGw(t), label: String(t) })) },
      { key: 'years', x: yrX, w: sideW, title: data.words.panels.years, ticks: valueTicks(maxYears, 2).map((t) => ({ x: xYr(t), label: String(t) })) },
    );
  }

  const rows: RowMark[] = [];
  const groups: CLayout['groups'] = [];
  let y = 22;
  let strip: Strip | null = null;
  let stripAfter: string | null = null;
  const gridTop = y;

  for (const g of data.groups) {
    const name: CText = { x: 0, y: y + 15, text: g.name, cls: 'cloud', color: g.color };
    const texts: CText[] = [name];
    if (g.total) {
      const t = g.total.words;
      const long = say(data.words.panels.total, { total: t });
      const note = measure(g.name, STYLE.cloud) + measure(long, STYLE.muted) <= W ? long : say(data.words.panels.totalShort, { total: t });
      texts[0] = { ...name, side: 'future' };
      texts.push({ ...name, text: g.name + note, side: 'present', spans: [{ text: g.name, cls: 'cloud', color: g.color }, { text: note, cls: 'muted' }] });
    }
    groups.push({ id: g.id, texts, ids: [...new Set(g.rows.flatMap((r) => rowIds(data, r)))], total: g.total?.date ?? null });
    y += 24;

    for (const r of g.rows) {
      const texts: CText[] = [];
      const top = y;
      let barY: number;
      let tag: RowMark['tag'] = null;
      let glyph: RowMark['glyph'] = null;
      const valueOf = (side: Side) => (side === 'future' ? data.words.panels.notYet : r.words.value);
      const reported = r.qualifier === 'reported';
      const metaBits: string[] = [];

      if (narrow) {
        const value = r.words.value;
        // Line 1: lab and date; the amount at the end of its bar, or on line 1 at the right when the bar is long.
        const date = ` · ${r.words.date}`;
        texts.push({
          x: 0,
          y: y + 13,
          text: r.lab.name + date,
          cls: 'lab',
          spans: [
            { text: r.lab.name, cls: 'lab', color: r.lab.color },
            { text: date, cls: 'muted' },
          ],
        });
        const leftW = measure(r.lab.name, STYLE.lab) + measure(date, STYLE.muted);
        const tagW = reported ? TAG_W + 6 : 0;
        const valueW = measure(value, STYLE.value) + tagW;
        const endX = xUsd(r.value ?? 0) + (r.value === null ? UNDISCLOSED_W : 0) + (r.qualifier === 'at-least' ? OPEN_TAIL + 12 : 0) + 6;
        if (endX + valueW <= W) {
          // "not yet" is longer than a short amount: where it would run off, it takes line 1's right end (2px in: italics lean).
          const soon = endX + measure(valueOf('future'), STYLE.future) <= W ? { x: endX, y: y + 19 + 10.5 } : { x: W - 2, y: y + 13, anchor: 'end' as const };
          texts.push({ ...soon, text: valueOf('future'), cls: 'future', side: 'future' }, { x: endX, y: y + 19 + 10.5, text: value, cls: 'value', side: 'present' });
          if (tagW) tag = { x: endX + measure(value, STYLE.value) + 6, y: y + 19 - 0.5, w: TAG_W };
        } else {
          let vy = y + 13;
          if (leftW + 12 + valueW > W) {
            vy = y + 29;
            y += 16;
          }
          texts.push(
            { x: W - 2, y: vy, text: valueOf('future'), anchor: 'end', cls: 'future', side: 'future' },
            { x: W - 1 - tagW, y: vy, text: value, anchor: 'end', cls: 'value', side: 'present' },
          );
          if (tagW) tag = { x: W - TAG_W - 1, y: vy - 10, w: TAG_W };
        }
        barY = y + 19;
        y = barY + 12;
        if (r.chipLabel) metaBits.push(r.chipLabel);
        if (r.words.gw) metaBits.push(r.words.gw);
        if (r.years !== null) metaBits.push(r.words.years);
        if (metaBits.length) {
          const indent = r.chip && r.chip !== 'unspecified' ? 14 : 0;
          const lines = flow(metaBits, W - indent, STYLE.muted);
          lines.forEach((l, i) => texts.push({ x: i === 0 ? indent : 0, y: y + 15 + i * 16, text: l, cls: 'muted', side: 'present' }));
          if (indent) glyph = { x: 5, y: y + 11, chip: r.chip as 'trainium' | 'nvidia-gpu' | 'mixed' };
          y += 2 + lines.length * 16;
        }
        y += 12;
      } else {
        texts.push({ x: 0, y: y + 13, text: r.lab.name, cls: 'lab', color: r.lab.color });
        const sub = r.words.date;
        texts.push({ x: 0, y: y + 28, text: sub, cls: 'muted' });
        barY = y + 7;
        y += 37;
      }

      const barH = narrow ? 12 : 18;
      const mw = r.value === null ? UNDISCLOSED_W : xUsd(r.value) - xUsd(0);
      const money: Bar = {
        x: xUsd(0),
        y: barY,
        w: mw,
        h: barH,
        certainty: r.value === null ? 'undisclosed' : certaintyOf(r.qualifier),
        color: r.lab.color,
        open: r.qualifier === 'at-least',
      };
      if (!narrow) {
        const end = money.x + mw + (money.open ? OPEN_TAIL + 12 : 0) + 6;
        const value = r.words.value;
        for (const side of ['future', 'present'] as const) texts.push({ x: end, y: barY + barH / 2 + 4.5, text: valueOf(side), cls: side === 'future' ? 'future' : 'value', side });
        let after = end + measure(value, STYLE.value) + 10;
        if (reported) {
          tag = { x: end + measure(value, STYLE.value) + 6, y: barY + 2, w: TAG_W };
          after += TAG_W + 6;
        }
        if (r.chipLabel && r.chip && r.chip !== 'unspecified') {
          glyph = { x: after + 5, y: barY + barH / 2, chip: r.chip };
          // The chip's name when it fits inside the dollar panel; else the glyph alone (the key names it).
          if (after + 14 + measure(r.chipLabel, STYLE.muted) <= usdX + usdW) texts.push({ x: after + 14, y: barY + barH / 2 + 4.5, text: r.chipLabel, cls: 'muted', side: 'present' });
        }
      }

      let gw: Bar | null = null;
      let years: RowMark['years'] = null;
      if (!narrow) {
        if (r.capacity) {
          gw = {
            x: xGw(0),
            y: barY,
            w: xGw(r.capacity.value) - xGw(0),
            h: barH,
            certainty: r.capacity.qualifier === 'up-to' ? 'outline' : 'solid',
            color: r.lab.color,
            open: false,
          };
          texts.push({ x: gw.x + gw.w + 5, y: barY + barH / 2 + 4.5, text: r.words.gw.replace(` ${data.words.capacity.unit}`, ''), cls: 'label', side: 'present' });
        }
        if (r.years !== null) {
          years = { x: xYr(0), y: barY + barH / 2, w: xYr(r.years) - xYr(0) };
          const x = years.x + years.w + 5;
          const y = barY + barH / 2 + 4.5;
          const one = [r.words.yearsShort, r.words.yearsFrom].filter(Boolean).join(' ');
          // A start year that would run off the chart ("~5 from 2027") goes on a second line.
          if (r.words.yearsFrom && x + measure(one, STYLE.label) > W) {
            texts.push({ x, y, text: r.words.yearsShort, cls: 'label', side: 'present' });
            texts.push({ x: Math.min(x, W - measure(r.words.yearsFrom, STYLE.label)), y: y + 13, text: r.words.yearsFrom, cls: 'label', side: 'present' });
          } else texts.push({ x, y, text: one, cls: 'label', side: 'present' });
        } else if (r.value !== null) {
          texts.push({ x: xYr(0), y: barY + barH / 2 + 4.5, text: data.words.length.notStatedShort, cls: 'muted', side: 'present' });
        }
      }

      const rowH = y - top;
      rows.push({
        key: r.id,
        group: g.id,
        date: r.date,
        ids: rowIds(data, r),
        event: r.event,
        y: top,
        h: rowH,
        money,
        gw,
        years,
        texts,
        tag,
        glyph,
        ring: { x: -4, y: top - 2, w: W + 8, h: rowH - (narrow ? 8 : 4) },
      });
    }

    // The eight days, under the AWS rows they concern.
    if (g.rows.some((r) => r.event === data.eightDays.start.event)) {
      y += 2;
      strip = stripLayout(data, y, narrow ? 8 : usdX + 8, W - 8);
      stripAfter = g.rows.at(-1)!.id;
      y += strip.h + 10;
    }
    y += 8;
  }

  const gridBottom = y - 8;
  return {
    width: W,
    height: gridBottom + 30,
    narrow,
    panels,
    gridTop,
    gridBottom,
    axisY: gridBottom + 18,
    groups,
    rows,
    strip,
    stripAfter,
  };
}

/** Stargate and anything else deliberately not drawn, with why (under the chart). */
export const leftOut = (data: ComputeData): string => data.leftOut.map((l) => say(data.words.leftOut.text, { label: l.label, reason: l.reason })).join(' ');

/** What a contract's details say: "Not yet on <date>." before it (the date written in the browser), then its words. */
export function details(data: ComputeData): { key: string; date: string | null; label: string; text: string }[] {
  return [
    ...data.groups.flatMap((g) => g.rows.map((r) => ({ key: r.id, date: r.date, label: r.words.who, text: r.words.detail }))),
    { key: data.eightDays.figure, date: null, label: '', text: data.eightDays.detail },
  ];
}

/**
 * The marks whose details a highlight set from outside shows: a contract's own event its row, the eight days' events
 * the strip. Companies bring several rows forward and show none.
 */
export function highlightMarks(data: ComputeData): Record<string, string> {
  const out: Record<string, string> = {};
  const rows = data.groups.flatMap((g) => g.rows);
  for (const h of data.meta.highlights) {
    const hits = rows.filter((r) => r.event === h.id);
    if (hits.length === 1) out[h.id] = hits[0]!.id;
  }
  const e = data.eightDays;
  out[e.event] = e.figure;
  out[e.end.event] = e.figure;
  return out;
}

/** The sentence for screen readers: the words for the latest state on or before the date, after the date itself. */
export function summary(data: ComputeData, asOf: string): string {
  const s = data.summaries.filter((x) => x.from <= asOf).at(-1);
  return dateText(s ? s.text : data.noneYet, asOf);
}

/** The summaries as sentences over spans of dates ("{date}" is the chart's date). */
export function summaries(data: ComputeData): TimedText[] {
  const list = data.summaries;
  const first = list[0]?.from ?? null;
  return [
    { span: span(null, first), text: data.noneYet },
    ...list.map((s, i) => ({ span: span(s.from, list[i + 1]?.from ?? null), text: s.text })),
  ];
}

/**
 * The data table on each span of dates between changes: its last column says which rows had happened. Its heading
 * names the chart's date; the chart runtime rewrites it as the date moves within a span.
 */
export function tables(data: ComputeData, asOf: string): { span: string; table: DataTable }[] {
  return steps(data).map((s) => ({
    span: s.span,
    table: {
      columns: [...data.table.columns, asOfColumn('state', data.words.table.state, asOf)],
      rows: data.table.rows.map((r) => ({ ...r.cells, state: r.date <= s.at ? r.known : data.words.table.notYet })),
    },
  }));
}
