/**
 * timeline: pure functions shared by the server render and the browser. No fact-base imports.
 */
import { formatDate, formatDateShort, listJoin } from '../../lib/format';
import type { DataTable, SourceRef } from '../shared/types';
import type { TimelineData, TimelineEvent } from './data';

export interface ViewState {
  asOf: string;
  highlight: string | null;
}

export interface Filters {
  companies: string[];
  kinds: string[];
}

export const NO_FILTERS: Filters = { companies: [], kinds: [] };

/** Events that pass the filters: any selected company (or none selected) and any selected kind (or none). */
export function visible(data: TimelineData, f: Filters): TimelineEvent[] {
  return data.events.filter(
    (e) => (f.companies.length === 0 || e.companies.some((c) => f.companies.includes(c))) && (f.kinds.length === 0 || f.kinds.includes(e.kind)),
  );
}

/** The event's place in its year, as a mark on a small 0–1 axis: a point for a day, a span for a month, quarter or year. */
export function yearMark(e: Pick<TimelineEvent, 'date' | 'precision'>): { kind: 'point' | 'range' | 'fuzzy'; a: number; b: number } {
  const y = Number(e.date.slice(0, 4));
  const t = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
  const m = Number(e.date.slice(5, 7));
  if (e.precision === 'year') return { kind: 'fuzzy', a: 0, b: 1 };
  if (e.precision === 'quarter') {
    const q0 = Math.floor((m - 1) / 3) * 3;
    return { kind: 'range', a: q0 / 12, b: (q0 + 3) / 12 };
  }
  if (e.precision === 'month') return { kind: 'range', a: (m - 1) / 12, b: m / 12 };
  const a = t(e.date);
  return { kind: 'point', a, b: a };
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

export interface ItemView {
  ev: TimelineEvent;
  when: string;
  full: string;
  datetime: string;
  mark: ReturnType<typeof yearMark>;
  later: boolean;
  emph: boolean;
  dim: boolean;
  markerBefore: boolean;
  sources: SourceRef[];
}

export interface GroupView {
  year: string;
  items: ItemView[];
}

export interface ListView {
  groups: GroupView[];
  /** All shown events happened by the as-of date: the marker sits after the last one. */
  markerAtEnd: boolean;
  shown: number;
}

export function isHighlighted(e: TimelineEvent, hl: string | null): boolean {
  return !!hl && (e.id === hl || e.entities.includes(hl) || e.companies.includes(hl));
}

export function listView(data: TimelineData, f: Filters, state: ViewState): ListView {
  const evs = visible(data, f);
  const firstLater = evs.findIndex((e) => e.date > state.asOf);
  const groups: GroupView[] = [];
  evs.forEach((e, i) => {
    const year = e.date.slice(0, 4);
    let g = groups.at(-1);
    if (!g || g.year !== year) groups.push((g = { year, items: [] }));
    const emph = isHighlighted(e, state.highlight);
    g.items.push({
      ev: e,
      when: whenText(e),
      full: formatDate(e.date, e.precision),
      datetime: datetimeAttr(e),
      mark: yearMark(e),
      later: e.date > state.asOf,
      emph,
      dim: !!state.highlight && !emph,
      markerBefore: i === firstLater,
      sources: e.sources.map((s) => data.sources[s]).filter((s): s is SourceRef => !!s),
    });
  });
  return { groups, markerAtEnd: firstLater === -1 && evs.length > 0, shown: evs.length };
}

export function filterWords(data: TimelineData, f: Filters): string {
  const parts: string[] = [];
  if (f.companies.length) parts.push(listJoin(f.companies.map((c) => data.companies.find((x) => x.id === c)?.name ?? c), 'or'));
  if (f.kinds.length) parts.push(`${listJoin(f.kinds.map((k) => (data.kinds.find((x) => x.id === k)?.label ?? k).toLowerCase()), 'or')} events`);
  return parts.join('; ');
}

export function summary(data: TimelineData, f: Filters, state: ViewState): string {
  const evs = visible(data, f);
  const m = data.events.length;
  const filtered = f.companies.length || f.kinds.length ? `, filtered to ${filterWords(data, f)}` : '';
  if (evs.length === 0) return `No events match the filters (${filterWords(data, f)}); ${m} events in all.`;
  const first = evs[0]!;
  const last = evs.at(-1)!;
  const by = evs.filter((e) => e.date <= state.asOf).length;
  let s = `Showing ${evs.length} of ${m} events from ${formatDate(first.date, first.precision)} to ${formatDate(last.date, last.precision)}${filtered}. ${
    by === evs.length ? `All had happened by ${formatDate(state.asOf)}.` : `${by} had happened by ${formatDate(state.asOf)}.`
  }`;
  const hl = state.highlight;
  if (hl) {
    const ev = data.events.find((e) => e.id === hl);
    const n = evs.filter((e) => isHighlighted(e, hl)).length;
    s += ev ? ` Highlighted: ${ev.title} (${formatDate(ev.date, ev.precision)}).` : ` Highlighted: ${n} event${n === 1 ? '' : 's'} involving ${data.names[hl] ?? hl}.`;
  }
  const rep = evs.filter((e) => e.confidence !== 'confirmed').length;
  if (rep) s += ` ${rep} ${rep === 1 ? 'rests' : 'rest'} on press reports or the source article alone, and ${rep === 1 ? 'is' : 'are'} tagged.`;
  return s;
}

export function table(data: TimelineData, f: Filters): DataTable {
  return {
    columns: [
      { key: 'date', label: 'Date' },
      { key: 'title', label: 'Event' },
      { key: 'kind', label: 'Kind' },
      { key: 'companies', label: 'Companies' },
      { key: 'certainty', label: 'Certainty' },
      { key: 'sources', label: 'Sources' },
    ],
    rows: visible(data, f).map((e) => ({
      date: formatDate(e.date, e.precision),
      title: e.title,
      kind: data.kinds.find((k) => k.id === e.kind)?.label ?? e.kind,
      companies: e.companies.map((c) => data.companies.find((x) => x.id === c)?.name ?? c).join(', '),
      certainty: e.confidence,
      sources: e.sources.map((s) => data.sources[s]?.publisher ?? s).join('; '),
    })),
  };
}
