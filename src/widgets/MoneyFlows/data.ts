/**
 * money-flows, server side: who put equity money into whom, and when. Only `investment` figures are drawn as money;
 * running totals (`total`) and money actually paid in by a date (`paid-to-date`) come along as annotations, never
 * added to the parts. Spending commitments are a different widget (compute-commitments).
 */
import type { FactBase, Figure, Precision } from '../../lib/factbase/schema';
import { formatDate } from '../../lib/format';
import { getEntity, getEvent, getSource, moneyStatus, type MoneyStatus } from '../../lib/queries';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import { sourceRefs } from '../shared/sources';
import type { DataRow, DataTable, WidgetMeta } from '../shared/types';
import { chartWords } from '../../lib/factbase/load';
import { dealDetail, dealLabel, dealText, noneYet, noteWords, summaries, tableRows, type MoneyFlowsWords } from './words';

export interface FlowParty {
  id: string;
  /** The name as a chart label: "Amazon / AWS" is shown as "Amazon", the investor. */
  name: string;
  color: string | null;
}

export interface FlowPart {
  id: string;
  label: string;
  value: number | null;
  qualifier: Figure['qualifier'];
  status: MoneyStatus;
  note: string | null;
  sourceNames: string[];
}

export interface FlowDeal {
  /** The event the money belongs to. */
  id: string;
  date: string;
  precision: Precision;
  title: string;
  /** Words built at build time (words.ts): "Feb 2026", "$15B now + $35B on conditions", the detail line. */
  label: string;
  text: string;
  detail: string;
  reported: boolean;
  /** Paid first, then on conditions, then "up to", then undisclosed. */
  parts: FlowPart[];
}

/** A running total or an amount paid in by a date: a label on the chart, never a part of the sum. */
export interface FlowNote {
  id: string;
  kind: 'total' | 'paid-to-date';
  label: string;
  value: number;
  qualifier: Figure['qualifier'];
  /** A headline whose parts differ in certainty (paid now, the rest on conditions): never "in all". */
  headline: boolean;
  date: string;
  event: string;
  note: string | null;
  sourceNames: string[];
  /** The label beside the bar, built at build time (words.ts): "$13B in all". */
  text: string;
}

export interface FlowPair {
  id: string;
  from: FlowParty;
  to: FlowParty;
  deals: FlowDeal[];
  notes: FlowNote[];
}

export interface MoneyFlowsData {
  meta: WidgetMeta;
  pairs: FlowPair[];
  /** The summary's words for each state of the record, from the date that state begins. */
  summaries: { from: string; text: string }[];
  noneYet: string;
  /** The data table's rows; the chart adds the column that depends on its date. */
  table: { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] };
  /** The time axis of the "over time" view. */
  axis: { start: string; end: string };
  /** The chart's words (content/charts/money-flows.yaml), for what view.ts writes per date. */
  words: MoneyFlowsWords & {
    /** shared.yaml's reported tag in capitals, as the drawing writes and measures it. */
    tag: string;
  };
}

/** Certainty order inside a deal and along a bar: paid money first, ceilings and unknowns last. */
export const STATUS_ORDER: MoneyStatus[] = ['paid', 'conditional', 'up-to', 'undisclosed'];

/** The "over time" view runs from the story's start to the year after the last deal (2019 to 2027). */
const nextYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}-01-01`;

function party(fb: FactBase, id: string): FlowParty {
  const e = getEntity(fb, id);
  return { id, name: e.name.split(' / ')[0]!.trim(), color: e.color ?? null };
}

const publishers = (fb: FactBase, f: Figure) => [...new Set(f.sources.map((s) => getSource(fb, s).publisher))];

/** Investment figures, oldest first. */
function investments(fb: FactBase): Figure[] {
  return fb.figures
    .filter((f) => f.kind === 'investment' && f.from && f.to)
    .sort((a, b) => getEvent(fb, a.event).date.localeCompare(getEvent(fb, b.event).date) || a.id.localeCompare(b.id));
}

function buildPairs(fb: FactBase): FlowPair[] {
  const w = chartWords(fb, 'money-flows');
  const pairs = new Map<string, FlowPair>();
  for (const f of investments(fb)) {
    const key = `${f.from}-${f.to}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { id: key, from: party(fb, f.from!), to: party(fb, f.to!), deals: [], notes: [] }));
    const ev = getEvent(fb, f.event);
    let d = p.deals.find((x) => x.id === ev.id);
    if (!d) p.deals.push((d = { id: ev.id, date: ev.date, precision: ev.precision, title: ev.title, label: '', text: '', detail: '', reported: false, parts: [] }));
    d.parts.push({
      id: f.id,
      label: f.label,
      value: f.value,
      qualifier: f.qualifier,
      status: moneyStatus(f),
      note: f.note ?? null,
      sourceNames: publishers(fb, f),
    });
  }
  for (const p of pairs.values()) {
    for (const d of p.deals) d.parts.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
    for (const d of p.deals) Object.assign(d, { label: dealLabel(d), text: dealText(w, d), detail: dealDetail(w, p, d), reported: d.parts.some((x) => x.qualifier === 'reported') });
    p.notes = fb.figures
      .filter((f) => (f.kind === 'total' || f.kind === 'paid-to-date') && `${f.from}-${f.to}` === p.id && f.value !== null)
      .map((f) => {
        const ev = getEvent(fb, f.event);
        // A total whose parts differ in certainty (paid now, the rest on conditions) is a headline, never a committed sum.
        const headline = new Set((f.parts ?? []).map((id) => moneyStatus(fb.figures.find((x) => x.id === id)!))).size > 1;
        const note = { kind: f.kind as FlowNote['kind'], value: f.value!, qualifier: f.qualifier, headline, date: ev.date };
        return {
          ...note,
          id: f.id,
          label: f.label,
          event: ev.id,
          note: f.note ?? null,
          sourceNames: publishers(fb, f),
          text: noteWords(w, note),
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }
  // Group by recipient (in order of their first backer), then by each pair's first deal.
  const list = [...pairs.values()];
  const recipients = [...new Set(list.map((p) => p.to.id))];
  return list.sort(
    (a, b) => recipients.indexOf(a.to.id) - recipients.indexOf(b.to.id) || a.deals[0]!.date.localeCompare(b.deals[0]!.date) || a.id.localeCompare(b.id),
  );
}

function buildData(fb: FactBase): MoneyFlowsData {
  const w = chartWords(fb, 'money-flows');
  const pairs = buildPairs(fb);
  const companies = [...new Set(pairs.flatMap((p) => [p.from.id, p.to.id]))];
  const eventIds = [...new Set(pairs.flatMap((p) => [...p.deals.map((d) => d.id), ...p.notes.map((n) => n.event)]))].sort(
    (a, b) => getEvent(fb, a).date.localeCompare(getEvent(fb, b).date) || a.localeCompare(b),
  );
  const drawn = fb.figures.filter((f) => pairs.some((p) => p.deals.some((d) => d.parts.some((x) => x.id === f.id)) || p.notes.some((n) => n.id === f.id)));
  const last = pairs.flatMap((p) => p.deals.map((d) => d.date)).sort().at(-1)!;

  const meta: WidgetMeta = {
    id: 'money-flows',
    title: w.title.text,
    takeaway: w.takeaway.text,
    sources: sourceRefs(
      fb,
      drawn.flatMap((f) => f.sources),
    ),
    highlights: [
      ...companies.map((id) => ({ id, label: getEntity(fb, id).name })),
      ...eventIds.map((id) => {
        const e = getEvent(fb, id);
        return { id, label: `${e.title} (${formatDate(e.date, e.precision)})` };
      }),
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };
  return {
    meta,
    pairs,
    summaries: summaries(w, pairs),
    noneYet: noneYet(w, pairs),
    table: tableRows(w, pairs),
    axis: { start: STORY_START, end: nextYear(last) },
    words: { ...w, tag: chartWords(fb, 'shared').tags.reported.toUpperCase() },
  };
}

function dataRows(fb: FactBase): DataRow[] {
  const w = chartWords(fb, 'money-flows');
  const pairs = buildPairs(fb);
  const ids = new Set(pairs.flatMap((p) => [...p.deals.flatMap((d) => d.parts.map((x) => x.id)), ...p.notes.map((n) => n.id)]));
  return fb.figures
    .filter((f) => ids.has(f.id))
    .map((f) => {
      const ev = getEvent(fb, f.event);
      return {
        id: f.id,
        label: f.label,
        from: f.from ?? '',
        to: f.to ?? '',
        date: ev.date,
        event: ev.id,
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        status: f.kind === 'investment' ? moneyStatus(f) : w.data.annotation,
        note: f.note ?? '',
        source_ids: f.sources.join(' '),
        source_urls: f.sources.map((s) => getSource(fb, s).url ?? '').filter(Boolean).join(' '),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export const widget: WidgetDefinition<MoneyFlowsData> = { id: 'money-flows', buildData, dataRows };
