/**
 * timeline: every event in content/data/events.yaml, oldest first, with the companies involved, its certainty,
 * its sources and the chapter that tells it. Server side only.
 */
import { EVENT_KINDS, type FactBase, type FactEvent } from '../../lib/factbase/schema';
import { getEntity, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import { fill } from '../../lib/chart-words';
import type { ChartWords } from '../../lib/factbase/chart-words-schema';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import { sourceRefs } from '../shared/sources';
import type { DataRow, SourceRef, WidgetMeta } from '../shared/types';

export type EventKind = FactEvent['kind'];

export interface TimelineEvent {
  id: string;
  date: string;
  precision: FactEvent['precision'];
  title: string;
  summary: string;
  kind: EventKind;
  confidence: FactEvent['confidence'];
  /** Companies involved (people and products count for their company), in the record's order. */
  companies: string[];
  /** Every entity the event names, for highlighting. */
  entities: string[];
  sources: string[];
  chapter: string | null;
}

export interface TimelineData {
  meta: WidgetMeta;
  events: TimelineEvent[];
  companies: { id: string; name: string; color: string | null; count: number }[];
  kinds: { id: EventKind; label: string; count: number }[];
  sources: Record<string, SourceRef>;
  /** Names of every entity events mention, for the summary when one is highlighted. */
  names: Record<string, string>;
  /**
   * The chart's words (content/charts/timeline.yaml): the summary's sentences, for view.ts at build time and in the
   * browser; the key's, the list's and the table's words, and shared.yaml's tags, certainty key and sources' lead,
   * for the build only.
   */
  words: Pick<ChartWords<'timeline'>, 'summary' | 'key' | 'marker' | 'readIn' | 'table'> & Pick<ChartWords<'shared'>, 'tags' | 'certainty'> & { sources: string };
}
export type TimelineWords = ChartWords<'timeline'>['summary'];

export function buildTimeline(fb: FactBase): TimelineData {
  const companyOf = (id: string): string | null => {
    const e = getEntity(fb, id);
    if (e.type === 'company') return e.id;
    return e.org ?? null;
  };
  const events: TimelineEvent[] = [...fb.events]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((e) => ({
      id: e.id,
      date: e.date,
      precision: e.precision,
      title: e.title,
      summary: e.summary.replace(/\s+/g, ' ').trim(),
      kind: e.kind,
      confidence: e.confidence,
      companies: [...new Set(e.entities.map(companyOf).filter((x): x is string => !!x))],
      entities: [...e.entities],
      sources: [...e.sources],
      chapter: e.chapter ?? null,
    }));
  const companyIds = fb.entities.filter((e) => e.type === 'company' && events.some((ev) => ev.companies.includes(e.id))).map((e) => e.id);
  const companies = companyIds.map((id) => {
    const e = getEntity(fb, id);
    return { id, name: e.short ?? e.name, color: e.color ?? null, count: events.filter((ev) => ev.companies.includes(id)).length };
  });
  // Most involved first: a stable order whatever order the collections come in.
  companies.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const w = chartWords(fb, 'timeline');
  const shared = chartWords(fb, 'shared');
  const kinds = EVENT_KINDS.filter((k) => events.some((e) => e.kind === k)).map((k) => ({ id: k, label: w.kinds[k], count: events.filter((e) => e.kind === k).length }));
  const refs = sourceRefs(fb, events.flatMap((e) => e.sources));
  const entityIds = [...new Set(events.flatMap((e) => e.entities))];
  const first = events[0]!;
  const last = events.at(-1)!;
  const meta: WidgetMeta = {
    id: 'timeline',
    title: w.title.text,
    compactTitle: w.title.compact,
    takeaway: fill(w.takeaway.text, { count: events.length, first: { date: first.date, precision: first.precision }, last: { date: last.date, precision: last.precision } }, 'timeline takeaway'),
    sources: refs,
    highlights: [
      ...companies.map((c) => ({ id: c.id, label: getEntity(fb, c.id).name })),
      ...events.map((e) => ({ id: e.id, label: e.title })),
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };
  return {
    meta,
    events,
    companies,
    kinds,
    sources: Object.fromEntries(refs.map((r) => [r.id, r])),
    names: Object.fromEntries(entityIds.map((id) => [id, getEntity(fb, id).name])),
    words: { summary: w.summary, key: w.key, marker: w.marker, readIn: w.readIn, table: w.table, tags: shared.tags, certainty: shared.certainty, sources: shared.source.lead },
  };
}

function dataRows(fb: FactBase): DataRow[] {
  return buildTimeline(fb).events.map((e) => ({
    id: e.id,
    date: e.date,
    date_precision: e.precision,
    title: e.title,
    kind: e.kind,
    companies: e.companies.join(' '),
    entities: e.entities.join(' '),
    qualifier: e.confidence,
    chapter: e.chapter ?? '',
    source_ids: e.sources.join(' '),
    source_urls: e.sources.map((id) => getSource(fb, id).url ?? '').filter(Boolean).join(' '),
  }));
}

export const widget: WidgetDefinition<TimelineData> = {
  id: 'timeline',
  buildData: buildTimeline,
  dataRows,
};
