/**
 * terms-timeline: pure layout and wording, run at build time only. The chart is drawn once per artboard with
 * everything it can show on any date: what depends on the date carries the span of dates it holds for (the terms'
 * own intervals, or the spans between the row's boundaries), and the browser only switches (../shared/live.ts).
 * No fact-base or query imports here: the in-force check is a plain string comparison of ISO dates.
 */
import { fill } from '../../lib/chart-words';
import { formatDate, formatDateShort } from '../../lib/format';
import { asOfColumn, span, type TimedText } from '../shared/live';
import { dayOf, isoOf } from '../../lib/iso-date';
import { at, dayAfter, px, timeScale, timeScaleAttr, yearTicks, type TimeScale, type YearTick } from '../kit/scale';
import { anchorWithin, measure, tagWidth, widestDated, type TextStyle } from '../kit/text';
import type { DataTable, SourceRef } from '../shared/types';
import type { RowRec, TermRec, TermsTimelineData, TermsWords } from './data';

const shiftDay = (iso: string, n: number) => isoOf(dayOf(iso) + n);

/** The dates a term is in force, as a `data-span` (its end is its last day, so the span runs to the day after). */
export const termSpan = (t: Pick<TermRec, 'start' | 'end'>) => span(t.start, t.end === null ? null : shiftDay(t.end, 1));

/**
 * The spans of dates between the boundaries of some terms (each start, each day after an end), oldest first, each
 * with a date inside it: over one span, which of those terms are in force does not change.
 */
export function segments(terms: readonly Pick<TermRec, 'start' | 'end'>[]): { from: string | null; until: string | null; date: string }[] {
  const cuts = [...new Set(terms.flatMap((t) => [t.start, ...(t.end === null ? [] : [shiftDay(t.end, 1)])]))].sort();
  if (cuts.length === 0) return [{ from: null, until: null, date: '2000-01-01' }];
  return [
    { from: null, until: cuts[0]!, date: shiftDay(cuts[0]!, -1) },
    ...cuts.map((from, i) => ({ from, until: cuts[i + 1] ?? null, date: from })),
  ];
}

/** A term is in force on a date when start <= date <= end (end inclusive; no end = still in force). */
export const isInForce = (t: Pick<TermRec, 'start' | 'end'>, date: string) => t.start <= date && (t.end === null || date <= t.end);

/** The terms in force on a date, one per row (the stake lane has a row per measure). */
export function inForce(terms: TermRec[], date: string): Record<string, TermRec> {
  const out: Record<string, TermRec> = {};
  for (const t of terms) if (isInForce(t, date)) out[t.row] = t;
  return out;
}

// --- Layout --------------------------------------------------------------------------------------------------

export interface Label {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  bold: boolean;
  tag: { x: number; y: number; w: number } | null;
  /** The measured extent of tag and text, used to keep labels apart. */
  extent: [number, number];
}

/** A mark's label as drawn over some dates: bold while its term is in force, faded while it is still to come. */
export interface LabelPiece extends Label {
  /** The dates it is drawn on (`data-span`). */
  span: string;
  later: boolean;
}

export interface Fade {
  x0: number;
  x1: number;
  stops: [number, number][];
}

export interface MarkLayout {
  id: string;
  row: string;
  mark: RowRec['mark'];
  x0: number;
  x1: number;
  y: number;
  h: number;
  level: TermRec['strength'];
  color: string | null;
  reported: boolean;
  /** The dates its term is in force (`data-span`). */
  span: string;
  /** What highlights it: its row's company and the key moments its term starts or ends at. */
  ids: string[];
  /** The end year's start, where an end known only to the year is drawn fading. */
  yearEndX: number | null;
  fade: Fade | null;
  hit: { x: number; y: number; w: number; h: number };
  labels: LabelPiece[];
  /** Its name for screen readers, without the date (the chart runtime adds "In force on <date>" while it is: live.ts). */
  aria: string;
}

export interface RowLayout {
  id: string;
  name: string;
  sub: string;
  tight: string;
  /** On narrow screens: the state in force over each span of dates, after the row's name or on a line below it. */
  now: { span: string; text: string }[];
  nowLineY: number | null;
  top: number;
  barY: number;
  barH: number;
  color: string | null;
  heading: { text: string; y: number } | null;
  /** A dashed rule above the row: the two stake measures are kept apart. */
  separatorY: number | null;
  /** The company whose highlight brings the row forward. */
  entity: string | null;
}

export interface TermsLayout {
  width: number;
  height: number;
  narrow: boolean;
  /**
   * The story's time axis: the plot's left and right edges, `data-time-scale` for the browser, and the widest the
   * as-of label can be on any date (`data-asof-label-w`: where it must turn to stay inside, measured, not guessed).
   */
  scale: { x0: number; x1: number; attr: string; labelW: number };
  /** The same axis as a d3 time scale (build time only). */
  x: TimeScale;
  nameX: number;
  plotTop: number;
  axisY: number;
  rows: RowLayout[];
  marks: MarkLayout[];
  years: YearTick[];
  /** Key moments: a triangle on the axis at `x`, the name centred at `labelX` (kept inside the plot). */
  moments: { id: string; x: number; labelX: number; name: string }[];
  note: { text: string; x: number; y: number; anchor: 'start' | 'end' } | null;
}

/** The text styles of the drawing, as TermsTimeline.svelte's CSS sets them. */
export const STYLE = {
  label: { size: 12.5 },
  bold: { size: 12.5, weight: 700 },
  now: { size: 12.5, weight: 500 },
  sub: { size: 12 },
  heading: { size: 12, weight: 700, letterSpacing: 0.01 },
  note: { size: 12 },
  tag: { size: 11, weight: 700, letterSpacing: 0.04 },
  axis: { size: 12 },
  moment: { size: 12, weight: 700 },
  asOf: { size: 12, weight: 700 },
} satisfies Record<string, TextStyle>;

const labelStyle = (bold: boolean) => (bold ? STYLE.bold : STYLE.label);

/**
 * The as-of line's label on a date (`prefix`, data.words.asOfLine.text, then the date), and where it sits around the line
 * so that it stays inside the drawing.
 */
export function asOfLabel(L: Pick<TermsLayout, 'x' | 'width'>, asOf: string, prefix: string): { x: number; text: string; anchor: 'start' | 'middle' | 'end' } {
  const text = `${prefix}${formatDateShort(asOf)}`;
  const x = px(at(L.x, asOf));
  return { x, text, anchor: anchorWithin(text, x, STYLE.asOf, 0, L.width) };
}

function endWords(t: TermRec, w: TermsWords['dates']): string {
  if (t.end === null) return w.noEnd;
  if (t.endPrecision === 'year') return fill(w.through, { year: t.end.slice(0, 4) });
  return formatDate(t.end, t.endPrecision);
}

export function datesWords(t: TermRec, w: TermsWords['dates']): string {
  return t.end === null ? fill(w.open, { start: { date: t.start } }) : fill(w.text, { start: { date: t.start }, end: endWords(t, w) });
}

/**
 * What a narrow row prints after its name on a date: the state in force, else when the last one ended or the next
 * starts; longest first, then the same without its date (a phone's story view takes the first that fits its line).
 */
function nowWords(inRow: TermRec[], date: string, w: TermsWords['now']): string[] {
  const cur = inRow.find((t) => isInForce(t, date));
  const lastEnded = inRow.filter((t) => t.end !== null && t.end < date).sort((a, b) => b.end!.localeCompare(a.end!))[0];
  const nextStart = inRow.filter((t) => t.start > date).sort((a, b) => a.start.localeCompare(b.start))[0];
  const reported = (s: string) => s + (cur?.confidence === 'reported' && !/reported/i.test(s) ? w.reported : '');
  return cur
    ? [...new Set([reported(cur.short), reported(cur.brief)])]
    : lastEnded
      ? [fill(w.ended, { date: { date: lastEnded.end! } })]
      : nextStart
        ? [fill(w.notYet, { date: { date: nextStart.start } }), w.notYetShort]
        : [w.none];
}

/**
 * `story`: a scroll sequence's graphic (or a compact embed). On a phone its rows are packed to fit the screen's height:
 * one line of words (the state without its end year where the whole does not fit) over a thin bar.
 */
export function layout(data: TermsTimelineData, width: number, story = false): TermsLayout {
  const w = Math.max(280, Math.round(width));
  const narrow = w < 560;
  const phone = story && narrow;
  const widest = Math.max(...data.rows.map((r) => Math.max(measure(r.name, STYLE.bold), measure(r.sub, STYLE.sub))));
  const nameW = narrow ? 0 : Math.round(Math.min(w * 0.3, Math.max(112, widest + 4)));
  const x0 = narrow ? 2 : nameW + 16;
  const x1 = w - (narrow ? 2 : 8);
  const x = timeScale([data.axis.start, dayAfter(data.axis.end)], [x0, x1]);
  // Years: gridlines at each 1 January; labels in the middle of each year, thinned to fit.
  const years = yearTicks(x);
  const labelW = Math.ceil(widestDated(years.map((t) => t.year), (iso) => `${data.words.asOfLine.text}${formatDateShort(iso)}`, STYLE.asOf));
  const scale = { x0, x1, attr: timeScaleAttr(x), labelW };
  const X = (iso: string) => px(at(x, iso));
  const dayBefore = (iso: string) => shiftDay(iso, -1);

  const plotTop = 30;
  const rowH = phone ? 25 : narrow ? 38 : 44;
  const barH = phone ? 6 : narrow ? 12 : 14;
  /** Where a narrow row's bar starts under its line of words, and under a second line. */
  const barAt = phone ? 16 : 18;
  const lineH = phone ? 14 : 15;
  const headingH = 26;
  let y = plotTop;
  const rows: RowLayout[] = [];
  for (const r of data.rows) {
    let heading: RowLayout['heading'] = null;
    let separatorY: number | null = null;
    if (r.group) {
      y += 4;
      heading = { text: r.group, y: y + 12 };
      y += headingH - 4;
    } else if (r.lane === 'stake') {
      separatorY = y - 3;
    }
    const inRow = data.terms.filter((t) => t.row === r.id);
    const fits = (text: string) => measure(r.tight, STYLE.bold) + 8 + measure(text, STYLE.now) <= x1 - x0;
    const now: RowLayout['now'] = [];
    for (const seg of segments(inRow)) {
      const words = nowWords(inRow, seg.date, data.words.now);
      const text = (phone && words.find(fits)) || words[0]!;
      const last = now.at(-1);
      if (last && last.text === text) last.span = `${last.span.split(' ')[0]} ${seg.until ?? ''}`;
      else now.push({ span: span(seg.from, seg.until), text });
    }
    // A row's height may not change with the date: it takes two lines if the state on any date needs them.
    const twoLines = narrow && now.some((n) => !fits(n.text));
    rows.push({
      id: r.id,
      name: r.name,
      sub: r.sub,
      tight: r.tight,
      now,
      nowLineY: twoLines ? y + 12 + lineH : null,
      top: y,
      barY: y + (narrow ? barAt + (twoLines ? lineH : 0) : 19),
      barH,
      color: r.color,
      heading,
      separatorY,
      entity: r.entity,
    });
    y += rowH + (twoLines ? lineH : 0);
  }
  // On a phone the thin bars sit close: the key moments' marks on the axis keep clear of the last one.
  const axisY = y + (phone ? 6 : 2);
  const height = axisY + 34;
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const recById = new Map(data.rows.map((r) => [r.id, r]));
  const rowOrder = new Map(data.rows.map((r, i) => [r.id, i]));

  const fadeW = Math.min(70, (x1 - x0) * 0.08);
  // Row by row, oldest first: the order the arrow keys move in (../shared/live-dom.ts).
  const terms = [...data.terms].sort((a, b) => rowOrder.get(a.row)! - rowOrder.get(b.row)! || a.start.localeCompare(b.start));
  const marks: MarkLayout[] = terms.map((t) => {
    const row = rowById.get(t.row)!;
    const rec = recById.get(t.row)!;
    const mx0 = X(t.start);
    const mx1 = t.end === null ? x1 : Math.min(x1, X(shiftDay(t.end, 1)));
    const barW = Math.max(1, px(mx1 - mx0));
    const yearEndX = t.end !== null && t.endPrecision === 'year' ? X(`${t.end.slice(0, 4)}-01-01`) : null;
    const stops: [number, number][] = [];
    const r3 = (v: number) => Math.round(v * 1000) / 1000;
    if (t.startInferred) stops.push([0, 0.2], [r3(Math.min(0.4, fadeW / barW)), 1]);
    else stops.push([0, 1]);
    if (t.end === null) stops.push([r3(Math.max(0.5, 1 - (fadeW * 1.6) / barW)), 1], [1, 0]);
    else if (yearEndX !== null) stops.push([r3(Math.max(0, (yearEndX - mx0) / barW)), 1], [1, 0.25]);
    else stops.push([1, 1]);
    const needsFade = t.startInferred || t.end === null || yearEndX !== null;
    const byMoment = data.moments.filter((m) => t.start === m.date || t.end === dayBefore(m.date)).map((m) => m.id);
    const hitW = Math.max(14, barW);
    const dates = datesWords(t, data.words.dates);
    return {
      id: t.id,
      row: t.row,
      mark: rec.mark,
      x0: mx0,
      x1: mx1,
      y: row.barY,
      h: row.barH,
      level: t.strength,
      color: row.color,
      reported: t.confidence === 'reported',
      span: termSpan(t),
      ids: [...(rec.entity ? [rec.entity] : []), ...byMoment],
      yearEndX,
      fade: needsFade ? { x0: mx0, x1: mx1, stops } : null,
      hit: { x: px(mx0 + barW / 2 - hitW / 2), y: row.top + 2, w: hitW, h: row.barY + row.barH + 4 - (row.top + 2) },
      labels: [],
      aria: `${rec.name}, ${rec.sub}: ${t.label}. ${dates[0]!.toUpperCase()}${dates.slice(1)}.${t.confidence === 'reported' ? ' Reported.' : ''}`,
    };
  });

  if (!narrow) placeLabels(data, marks, rows, x0, x1);


  const moments = data.moments.map((m) => {
    const half = measure(m.name, STYLE.moment) / 2;
    return { id: m.id, x: X(m.date), labelX: px(Math.min(Math.max(X(m.date), x0 + half), x1 - half)), name: m.name };
  });

  // The annotation that keeps the stake measures apart, to the left of the equity bar.
  let note: TermsLayout['note'] = null;
  const eq = marks.find((m) => m.row === 'stake-equity');
  const eqRow = rowById.get('stake-equity');
  if (eq && eqRow) {
    const text = data.words.note.text;
    // On narrow screens the group heading says it; there is no room beside the bar.
    if (!narrow && measure(text, STYLE.note) < eq.x0 - x0 - 8) note = { text, x: px(eq.x0 - 6), y: eqRow.barY + eqRow.barH - 2, anchor: 'end' };
  }

  return { width: w, height, narrow, scale, x, nameX: 0, plotTop, axisY, rows, marks, years, moments, note };
}

/**
 * Labels above the bars, for each span of dates over which the row's term in force stays the same, greedily: the
 * term in force first (bold; it may step past its bar's end), then the longest intervals. A label that does not fit
 * is left to the details panel. A label drawn the same over neighbouring spans is one piece.
 */
function placeLabels(data: TermsTimelineData, marks: MarkLayout[], rows: RowLayout[], x0: number, x1: number) {
  // A reported term's tag before its label, and the gap after it.
  const TAG_BOX = tagWidth(data.words.tag, STYLE.tag);
  const TAG_W = TAG_BOX + 6;
  const recs = new Map(data.terms.map((t) => [t.id, t]));
  for (const row of rows) {
    const inRow = marks.filter((m) => m.row === row.id);
    const terms = inRow.map((m) => recs.get(m.id)!);
    const open = new Map<string, LabelPiece>();
    for (const seg of segments(terms)) {
      const cur = terms.find((t) => isInForce(t, seg.date))?.id;
      const order = [...inRow].sort((a, b) => Number(b.id === cur) - Number(a.id === cur) || b.x1 - b.x0 - (a.x1 - a.x0));
      const placed: [number, number][] = [];
      const free = (a: number, b: number) => a >= x0 && b <= x1 && placed.every(([p, q]) => b + 10 <= p || a >= q + 10);
      /** A label that is not the current one stays over its own bar, or over empty track: never over a neighbour. */
      const ownGround = (m: MarkLayout, a: number, b: number) => inRow.every((o) => o === m || b <= o.x0 + 1 || a >= o.x1 - 1);
      const here = new Map<string, Label>();
      for (const m of order) {
        const t = recs.get(m.id)!;
        const current = m.id === cur;
        const texts = [t.label, t.short].map((s) => (m.reported ? s.replace(/^reported\s+/i, '') : s));
        const yText = row.barY - 5;
        let done = false;
        for (const text of texts) {
          const w = measure(text, labelStyle(current)) + (m.reported ? TAG_W : 0);
          const tries: [number, 'start' | 'end'][] = current
            ? [[m.x0 + 1, 'start'], [m.x1 - 1, 'end'], [m.x1 + 6, 'start']]
            : [[m.x0 + 1, 'start'], [m.x1 - 1, 'end']];
          for (const [ax, anchor] of tries) {
            const a = anchor === 'start' ? ax : ax - w;
            const b = a + w;
            if (!free(a, b)) continue;
            if (!current && !ownGround(m, a, b)) continue;
            // …and hang over the bar's ends only a little, so they read as the bar's own.
            if (!current && Math.max(0, m.x0 - a) + Math.max(0, b - m.x1) > 48) continue;
            placed.push([a, b]);
            const tx = px(m.reported ? (anchor === 'start' ? a + TAG_W : b) : anchor === 'start' ? a : b);
            here.set(m.id, { text, x: tx, y: yText, anchor, bold: current, tag: m.reported ? { x: px(a), y: yText - 10, w: TAG_BOX } : null, extent: [a, b] });
            done = true;
            break;
          }
          if (done) break;
        }
      }
      for (const m of inRow) {
        const l = here.get(m.id);
        const prev = open.get(m.id);
        if (!l) {
          open.delete(m.id);
          continue;
        }
        const later = recs.get(m.id)!.start > seg.date;
        if (prev && prev.later === later && prev.text === l.text && prev.x === l.x && prev.anchor === l.anchor && prev.bold === l.bold) {
          prev.span = `${prev.span.split(' ')[0]} ${seg.until ?? ''}`;
        } else {
          const piece: LabelPiece = { ...l, span: span(seg.from, seg.until), later };
          m.labels.push(piece);
          open.set(m.id, piece);
        }
      }
    }
  }
}

// --- Words ---------------------------------------------------------------------------------------------------

/**
 * "Terms in force on December 31, 2023: Azure is OpenAI's exclusive cloud; …". The chart's summary; `dateWords` is
 * how the date is written in it (summaries() writes "{date}", filled in on whichever date the chart shows).
 */
export function statement(data: TermsTimelineData, asOf: string, dateWords = formatDate(asOf)): string {
  const w = data.words.statement;
  const now = inForce(data.terms, asOf);
  const first = data.terms.reduce((m, t) => (t.start < m ? t.start : m), data.terms[0]?.start ?? asOf);
  if (Object.keys(now).length === 0) {
    return asOf < first
      ? fill(w.noneBefore, { date: dateWords, first: { date: first } })
      : fill(w.none, { date: dateWords });
  }
  const clause = (t: TermRec) => t.clause + (t.confidence === 'reported' && !/reported/i.test(t.clause) ? w.reported : '');
  const parts: string[] = [];
  const toO = now['revshare-to-openai'];
  const toM = now['revshare-to-microsoft'];
  const bothWays = toO && toM && toO.state === 'paying' && toM.state === 'paying';
  for (const r of data.rows) {
    const t = now[r.id];
    if (!t) continue;
    if (bothWays && r.id === 'revshare-to-openai') {
      parts.push(fill(w.bothWays, { reported: toO.confidence === 'reported' || toM.confidence === 'reported' ? w.reported : '' }));
      continue;
    }
    if (bothWays && r.id === 'revshare-to-microsoft') continue;
    parts.push(clause(t));
  }
  const missing = data.rows.filter((r) => !now[r.id] && !(r.lane === 'stake' && data.rows.some((o) => o.lane === 'stake' && now[o.id])));
  const missingNames = [...new Set(missing.map((r) => (r.lane === 'stake' ? w.stake : r.name)))];
  const tail = missingNames.length ? fill(w.missing, { names: missingNames.join(', ') }) : '';
  return fill(w.text, { date: dateWords, clauses: parts.join('; '), missing: tail });
}

/** The summary over each span of dates between the terms' boundaries ({date} is the chart's date). */
export function summaries(data: TermsTimelineData): TimedText[] {
  return merged(segments(data.terms).map((s) => ({ from: s.from, until: s.until, value: statement(data, s.date, '{date}') })), (a, b) => a === b).map((s) => ({ span: s.span, text: s.value }));
}

/**
 * The data table over each span of dates between the terms' boundaries: only its last column changes, and that
 * column's head names `asOf`, the date the page starts on (the chart runtime rewrites it with the date).
 */
export function tables(data: TermsTimelineData, asOf: string): { span: string; table: DataTable }[] {
  const head = table(data, asOf).columns;
  const all = segments(data.terms).map((s) => ({ from: s.from, until: s.until, value: { ...table(data, s.date), columns: head } }));
  return merged(all, (a, b) => a.rows.every((r, i) => r.now === b.rows[i]!.now)).map((s) => ({ span: s.span, table: s.value }));
}

/** Neighbouring spans whose values are the same, as one span. */
function merged<T>(spans: { from: string | null; until: string | null; value: T }[], same: (a: T, b: T) => boolean): { span: string; value: T }[] {
  const out: { from: string | null; until: string | null; value: T }[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && same(last.value, s.value)) last.until = s.until;
    else out.push({ ...s });
  }
  return out.map((s) => ({ span: span(s.from, s.until), value: s.value }));
}

export interface Details {
  id: string;
  row: string;
  heading: string;
  label: string;
  dates: string;
  /** "In force on", "Not yet in force on" or "Ended before" the chart's date, each over the dates it holds. */
  status: { span: string; lead: string }[];
  certainty: string;
  reported: boolean;
  detail: string;
  measure: string | null;
  sources: SourceRef[];
}

export function details(data: TermsTimelineData, id: string): Details | null {
  const t = data.terms.find((x) => x.id === id);
  if (!t) return null;
  const row = data.rows.find((r) => r.id === t.row)!;
  const [, until] = termSpan(t).split(' ');
  const status = [
    { span: span(null, t.start), lead: data.words.status.notYet },
    { span: termSpan(t), lead: data.words.status.inForce },
    ...(until ? [{ span: span(until, null), lead: data.words.status.ended }] : []),
  ];
  const dates = datesWords(t, data.words.dates);
  return {
    id: t.id,
    row: t.row,
    heading: `${row.name}: ${row.sub}`,
    label: t.label,
    dates: dates[0]!.toUpperCase() + dates.slice(1),
    status,
    certainty: data.words.certainty[t.confidence],
    reported: t.confidence === 'reported',
    detail: t.detail,
    measure: t.measure ? data.words.measure[t.measure] : null,
    sources: t.sources.map((s) => data.sources[s]).filter((s): s is SourceRef => !!s),
  };
}

export function table(data: TermsTimelineData, asOf: string): DataTable {
  const rows = new Map(data.rows.map((r) => [r.id, r]));
  const w = data.words.table;
  return {
    columns: [
      { key: 'lane', label: w.term },
      { key: 'state', label: w.state },
      { key: 'from', label: w.from },
      { key: 'to', label: w.to },
      { key: 'certainty', label: w.certainty },
      asOfColumn('now', w.now, asOf),
    ],
    rows: data.rows.flatMap((r) =>
      data.terms
        .filter((t) => t.row === r.id)
        .map((t) => ({
          lane: `${rows.get(t.row)!.name} (${rows.get(t.row)!.sub})`,
          state: t.label,
          from: formatDateShort(t.start),
          to: t.end === null ? w.noEnd : t.endPrecision === 'year' ? fill(w.through, { year: t.end.slice(0, 4) }) : formatDateShort(t.end),
          certainty: t.confidence,
          now: isInForce(t, asOf) ? w.inForce : t.start > asOf ? w.notYet : w.ended,
        })),
    ),
  };
}
