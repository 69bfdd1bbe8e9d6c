/**
 * timeline: pure functions shared by the build and the browser. No fact-base imports. The list is written once at
 * build time with every event and an "As of" marker between each pair of neighbours; the browser only switches
 * what shows (../shared/live.ts, ./live.ts).
 */
import { fillText } from '../../lib/words-core';
import { formatDate, formatDateShort, listJoin } from '../../lib/format';
import { span, type TimedText } from '../shared/live';
import type { DataTable, SourceRef } from '../shared/types';
import type { TimelineData, TimelineEvent, TimelineWords } from './data';
import type { SummaryWords } from './summary';

export interface ViewState {
  asOf: string;
  highlight: string | null;
}

export interface Filters {
  companies: string[];
  kinds: string[];
}

export const NO_FILTERS: Filters = { companies: [], kinds: [] };

/** Whether an event passes the filters: any selected company (or none selected) and any selected kind (or none). */
export function passes(e: Pick<TimelineEvent, 'companies' | 'kind'>, f: Filters): boolean {
  return (f.companies.length === 0 || e.companies.some((c) => f.companies.includes(c))) && (f.kinds.length === 0 || f.kinds.includes(e.kind));
}

export function visible(data: TimelineData, f: Filters): TimelineEvent[] {
  return data.events.filter((e) => passes(e, f));
}

/**
 * The event's place in its year, as the days it covers (from, until: the day after): a point for a day, a span for a
 * month or quarter, the whole year, fuzzy, when only the year is known. DateMark.svelte draws it on a one-year axis.
 */
export function yearMark(e: Pick<TimelineEvent, 'date' | 'precision'>): { kind: 'point' | 'range' | 'fuzzy'; year: number; from: string; until: string } {
  const y = Number(e.date.slice(0, 4));
  const m = Number(e.date.slice(5, 7));
  const month = (k: number) => (k > 12 ? `${y + 1}-01-01` : `${y}-${String(k).padStart(2, '0')}-01`);
  if (e.precision === 'year') return { kind: 'fuzzy', year: y, from: `${y}-01-01`, until: `${y + 1}-01-01` };
  if (e.precision === 'quarter') {
    const q0 = Math.floor((m - 1) / 3) * 3 + 1;
    return { kind: 'range', year: y, from: month(q0), until: month(q0 + 3) };
  }
  if (e.precision === 'month') return { kind: 'range', year: y, from: month(m), until: month(m + 1) };
  return { kind: 'point', year: y, from: e.date, until: e.date };
}

/** How the date reads in the list: "Jul 22" under its year heading, "June 2024" or "2021" when that is all we know. */
export function whenText(e: Pick<TimelineEvent, 'date' | 'precision'>): string {
  return e.precision === 'day' ? formatDateShort(e.date).replace(/, \d{4}$/, '') : formatDate(e.date, e.precision);
}

/** The machine-readable date, only as precise as the record: 2024-06, 2021, 2019-07-22. */
export function datetimeAttr(e: Pick<TimelineEvent, 'date' | 'precision'>): string {
  return e.precision === 'year' ? e.date.slice(0, 4) : e.precision === 'day' ? e.date : e.date.slice(0, 7);
}

export const chapterHref = (slug: string) => `/chapters/${slug}/`;

/** What a highlight can name of an event: the event itself, every entity it names, and their companies. */
export function eventIds(e: Pick<TimelineEvent, 'id' | 'entities' | 'companies'>): string[] {
  return [...new Set([e.id, ...e.entities, ...e.companies])];
}

export function isHighlighted(e: TimelineEvent, hl: string | null): boolean {
  return !!hl && eventIds(e).includes(hl);
}

export interface ItemView {
  ev: TimelineEvent;
  when: string;
  full: string;
  datetime: string;
  mark: ReturnType<typeof yearMark>;
  /**
   * The dates on which the "As of" marker just before this event is the one shown: from the previous event's date
   * (open for the first) until this one's. Exactly one marker of the list holds on any date.
   */
  markerSpan: string;
  sources: SourceRef[];
}

export interface GroupView {
  year: string;
  items: ItemView[];
}

export interface ListView {
  groups: GroupView[];
  /** The dates on which the marker after the last event is shown: from its date on. */
  endSpan: string;
}

/** Every event, grouped by year, as the build writes it once for every date, highlight and filter. */
export function listView(data: TimelineData): ListView {
  const groups: GroupView[] = [];
  data.events.forEach((e, i) => {
    const year = e.date.slice(0, 4);
    let g = groups.at(-1);
    if (!g || g.year !== year) groups.push((g = { year, items: [] }));
    g.items.push({
      ev: e,
      when: whenText(e),
      full: formatDate(e.date, e.precision),
      datetime: datetimeAttr(e),
      mark: yearMark(e),
      markerSpan: span(data.events[i - 1]?.date, e.date),
      sources: e.sources.map((s) => data.sources[s]).filter((s): s is SourceRef => !!s),
    });
  });
  return { groups, endSpan: span(data.events.at(-1)?.date, null) };
}

/** "Microsoft or AWS; contract terms events": the filters in words, from the names of what is selected. */
export function filterPhrase(words: TimelineWords, companyNames: string[], kindLabels: string[]): string {
  const parts: string[] = [];
  if (companyNames.length) parts.push(listJoin(companyNames, 'or'));
  if (kindLabels.length) parts.push(fillText(words.kinds, { kinds: listJoin(kindLabels.map((k) => k.toLowerCase()), 'or') }, 'timeline summary.kinds'));
  return parts.join('; ');
}

export function filterWords(data: TimelineData, f: Filters): string {
  return filterPhrase(
    data.words.summary,
    f.companies.map((c) => data.companies.find((x) => x.id === c)?.name ?? c),
    f.kinds.map((k) => data.kinds.find((x) => x.id === k)?.label ?? k),
  );
}

/** What the summary needs of each event shown, in order: the build reads it from the data, the browser from the list. */
export interface ShownEvent {
  /** Its date, only as precise as the record. */
  full: string;
  /** After the chart's date. */
  later: boolean;
  /** Rests on press reports or the source article alone. */
  tagged: boolean;
  /** Named by the highlight. */
  lit: boolean;
}

/**
 * The spoken summary. `filtered` is the filters in words ('' for none); `date` the chart's date written out;
 * `highlighted` the highlighted event ("title (date)") or, for a company, its name.
 */
export function summaryText(words: TimelineWords, total: number, shown: ShownEvent[], filtered: string, date: string, highlighted: { event: string } | { name: string } | null): string {
  const n = shown.length;
  if (!n) return fillText(words.none, { filters: filtered, total }, 'timeline summary.none');
  const count = (k: 'later' | 'lit' | 'tagged') => shown.filter((e) => e[k]).length;
  const by = n - count('later');
  const lit = count('lit');
  const rep = count('tagged');
  return fillText(words.showing, {
    count: n,
    total,
    first: shown[0]!.full,
    last: shown[n - 1]!.full,
    filtered: filtered && fillText(words.filtered, { filters: filtered }),
    by: by === n ? words.all : by,
    date,
    highlighted: !highlighted ? '' : 'event' in highlighted ? fillText(words.highlightedEvent, highlighted) : fillText(words.highlightedCompany, { count: lit, name: highlighted.name }),
    tagged: rep ? fillText(words.tagged, { count: rep }) : '',
  }, 'timeline summary');
}

function highlightedOf(data: TimelineData, hl: string | null) {
  if (!hl) return null;
  const ev = data.events.find((e) => e.id === hl);
  return ev ? { event: `${ev.title} (${formatDate(ev.date, ev.precision)})` } : { name: data.names[hl] ?? hl };
}

/** The summary in a state, with `date` standing for the chart's date (a "{date}" template for summaries()). */
export function summary(data: TimelineData, f: Filters, state: ViewState, date = formatDate(state.asOf)): string {
  const shown = visible(data, f).map((e) => ({
    full: formatDate(e.date, e.precision),
    later: e.date > state.asOf,
    tagged: e.confidence !== 'confirmed',
    lit: isHighlighted(e, state.highlight),
  }));
  return summaryText(data.words.summary, data.events.length, shown, f.companies.length || f.kinds.length ? filterWords(data, f) : '', date, highlightedOf(data, state.highlight));
}

/**
 * The summary of the whole list on every date, one sentence per span between neighbouring events' dates, in the
 * given highlight. Filtered lists are described in the browser, from the list (./live.ts).
 */
export function summaries(data: TimelineData, highlight: string | null): TimedText[] {
  const dates = [...new Set(data.events.map((e) => e.date))];
  return [null, ...dates].map((from, i) => ({
    span: span(from, dates[i]),
    // Any day before the first event stands for the span before it.
    text: summary(data, NO_FILTERS, { asOf: from ?? '', highlight }, '{date}'),
  }));
}

export function table(data: TimelineData): DataTable {
  return {
    columns: (['date', 'title', 'kind', 'companies', 'certainty', 'sources'] as const).map((key) => ({ key, label: data.words.table[key] })),
    // One row per event, in the list's order: the browser hides the rows of events the filters leave out.
    rows: data.events.map((e) => ({
      date: formatDate(e.date, e.precision),
      title: e.title,
      kind: data.kinds.find((k) => k.id === e.kind)?.label ?? e.kind,
      companies: e.companies.map((c) => data.companies.find((x) => x.id === c)?.name ?? c).join(', '),
      certainty: e.confidence,
      sources: e.sources.map((s) => data.sources[s]?.publisher ?? s).join('; '),
    })),
  };
}

/** The data table: the same on every date. */
export function tables(data: TimelineData): { span: string; table: DataTable }[] {
  return [{ span: span(null, null), table: table(data) }];
}

/** The words the browser's summary is made of (live.ts describe): names, and every event's title and full date. */
export function summaryWords(data: TimelineData): SummaryWords {
  return {
    total: data.events.length,
    companies: Object.fromEntries(data.companies.map((c) => [c.id, c.name])),
    kinds: Object.fromEntries(data.kinds.map((k) => [k.id, k.label])),
    names: Object.fromEntries(data.companies.flatMap((c) => (data.names[c.id] ? [[c.id, data.names[c.id]]] : []))),
    events: Object.fromEntries(data.events.map((e) => [e.id, { title: e.title, full: formatDate(e.date, e.precision), tagged: e.confidence !== 'confirmed' }])),
    sentences: data.words.summary,
  };
}
