/**
 * compute-commitments, server side: what the AI labs contracted to spend on clouds and chips (figures of kind
 * `commitment`), with the capacity that came with it (kind `capacity`, in gigawatts, never on the dollar axis).
 * Commitment events without any amount become "undisclosed" rows. Stargate is left out of the chart and named in a
 * note: it is a venture's planned investment, not a contract with a cloud.
 */
import type { FactBase, Figure, Precision } from '../../lib/factbase/schema';
import { formatDate } from '../../lib/format';
import { getEntity, getEvent, getFigure, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import { sourceRefs } from '../shared/sources';
import type { DataRow, DataTable, WidgetMeta } from '../shared/types';
import { rowWords, say, summaries, tableRows, type ComputeWords } from './words';
import { formatUSD } from '../../lib/format';

export type Chip = NonNullable<Figure['chip']>;

export interface Party {
  id: string;
  name: string;
  color: string | null;
}

export interface CommitRow {
  /** The commitment figure, or the event id for a commitment whose amount was never given. */
  id: string;
  event: string;
  date: string;
  precision: Precision;
  lab: Party;
  cloud: string;
  label: string;
  value: number | null;
  qualifier: Figure['qualifier'];
  years: number | null;
  /** The calendar year a contract starts, where recorded (Oracle: 2027, reported). */
  startYear: number | null;
  chip: Chip | null;
  chipLabel: string | null;
  capacity: { id: string; value: number; qualifier: Figure['qualifier']; note: string | null } | null;
  note: string | null;
  sourceNames: string[];
  /** Labels in words, built at build time (words.ts). */
  words: { who: string; date: string; value: string; gw: string; years: string; yearsShort: string; yearsFrom: string; detail: string };
}

export interface CloudGroup {
  id: string;
  name: string;
  color: string | null;
  rows: CommitRow[];
  /** A stated total of several contracts: a label, never added to them. */
  total: { id: string; value: number; qualifier: Figure['qualifier']; date: string; note: string | null; words: string } | null;
}

export interface EightDays {
  figure: string;
  days: number;
  event: string;
  note: string | null;
  source: string;
  start: { event: string; date: string; title: string };
  end: { event: string; date: string; title: string };
  /** The OpenAI commitment the caveat points to: it predates the window. */
  openaiTrainium: { event: string; date: string } | null;
  detail: string;
}

export interface ComputeData {
  meta: WidgetMeta;
  groups: CloudGroup[];
  eightDays: EightDays;
  summaries: { from: string; text: string }[];
  noneYet: string;
  table: { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] };
  /** Commitments deliberately not drawn, with why. */
  leftOut: { id: string; label: string; value: number | null; qualifier: Figure['qualifier']; years: number | null; reason: string }[];
  /** The chart's words (content/charts/compute-commitments.yaml), for what view.ts writes, and the REPORTED tag. */
  words: ComputeWords & {
    /** shared.yaml's reported tag in capitals, as the drawing writes and measures it. */
    tag: string;
  };
}

/** The New Stack's window: these ids name records in the fact base, the dates come from it. */
export const EIGHT_DAYS = { figure: 'eight-days-2026', start: 'anthropic-aws-commitment-2026', end: 'openai-on-bedrock-preview-2026' } as const;
/** Chip families named in a figure's note when its chips are mixed. */
const CHIP_NAMES = ['Graviton', 'Trainium', 'NVIDIA'];

const publishers = (fb: FactBase, ids: string[]) => [...new Set(ids.map((s) => getSource(fb, s).publisher))];

function party(fb: FactBase, id: string): Party {
  const e = getEntity(fb, id);
  return { id, name: e.short ?? e.name, color: e.color ?? null };
}

/**
 * A cloud's name as readers know it, short for the chart's rows: the company's cloud product (Azure; Google for
 * Google Cloud) if the base has one, else the company's short name (AWS).
 */
function cloudName(fb: FactBase, id: string): string {
  const product = fb.entities.find((e) => e.type === 'product' && e.org === id && /cloud/i.test(e.role ?? ''));
  const e = getEntity(fb, id);
  return product ? (product.short ?? product.name) : (e.short ?? e.name);
}

export function chipLabel(chip: Chip | undefined, note: string | undefined, w: ComputeWords['chips']): string | null {
  switch (chip) {
    case 'trainium':
    case 'nvidia-gpu':
      return w[chip];
    case 'mixed': {
      const named = CHIP_NAMES.filter((n) => note?.includes(n)).sort((a, b) => note!.indexOf(a) - note!.indexOf(b));
      return named.length ? named.join(' + ') : w.mixed;
    }
    default:
      return null;
  }
}

/** Contracts with a cloud company: commitments whose counterparty is a company (Stargate, a venture, is not). */
function isCloudContract(fb: FactBase, f: Figure): boolean {
  return f.kind === 'commitment' && !!f.from && !!f.to && getEntity(fb, f.to).type === 'company';
}

function buildGroups(fb: FactBase): CloudGroup[] {
  const w = chartWords(fb, 'compute-commitments');
  const commitments = fb.figures.filter((f) => isCloudContract(fb, f));
  const labs = new Set(commitments.map((f) => f.from!));
  const rows: Omit<CommitRow, 'words'>[] = commitments.map((f) => {
    const ev = getEvent(fb, f.event);
    const cap = fb.figures.find((c) => c.kind === 'capacity' && c.event === f.event && c.from === f.from && c.to === f.to);
    const start = fb.figures.find((y) => y.kind === 'year' && y.event === f.event && y.from === f.from && y.to === f.to);
    return {
      id: f.id,
      event: ev.id,
      date: ev.date,
      precision: ev.precision,
      lab: party(fb, f.from!),
      cloud: f.to!,
      label: f.label,
      value: f.value,
      qualifier: f.qualifier,
      years: f.years ?? null,
      startYear: start?.value ?? null,
      chip: f.chip ?? null,
      chipLabel: chipLabel(f.chip, f.note, w.chips),
      capacity: cap && cap.value !== null ? { id: cap.id, value: cap.value, qualifier: cap.qualifier, note: cap.note ?? null } : null,
      note: f.note ?? null,
      sourceNames: publishers(fb, f.sources),
    };
  });
  // Commitment events with no amount anywhere in the base: drawn as undisclosed.
  const withFigures = new Set(fb.figures.filter((f) => f.kind === 'commitment').map((f) => f.event));
  for (const ev of fb.events.filter((e) => e.kind === 'commitment' && !withFigures.has(e.id))) {
    const lab = ev.entities.find((id) => labs.has(id));
    const cloud = ev.entities.find((id) => !labs.has(id) && fb.entities.find((e) => e.id === id)?.type === 'company');
    if (!lab || !cloud) continue;
    rows.push({
      id: ev.id,
      event: ev.id,
      date: ev.date,
      precision: ev.precision,
      lab: party(fb, lab),
      cloud,
      label: ev.title,
      value: null,
      qualifier: 'undisclosed',
      years: null,
      startYear: null,
      chip: null,
      chipLabel: null,
      capacity: null,
      note: ev.summary,
      sourceNames: publishers(fb, ev.sources),
    });
  }

  const groups = new Map<string, CloudGroup>();
  for (const r of rows) {
    let g = groups.get(r.cloud);
    if (!g) {
      const e = getEntity(fb, r.cloud);
      const total = fb.figures.find((f) => f.kind === 'total' && f.to === r.cloud && f.value !== null && labs.has(f.from ?? ''));
      groups.set(
        r.cloud,
        (g = {
          id: r.cloud,
          name: cloudName(fb, r.cloud),
          color: e.color ?? null,
          rows: [],
          total: total
            ? { id: total.id, value: total.value!, qualifier: total.qualifier, date: getEvent(fb, total.event).date, note: total.note ?? null, words: say(w.amount.total, { amount: formatUSD(total.value!, { short: true }) }) }
            : null,
        }),
      );
    }
    g.rows.push({ ...r, words: rowWords(w, r, g.name) });
  }
  // Newest first, within each cloud and across clouds: the latest deals sit on top.
  const list = [...groups.values()];
  for (const g of list) g.rows.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return list.sort((a, b) => b.rows[0]!.date.localeCompare(a.rows[0]!.date) || a.id.localeCompare(b.id));
}

function eightDays(fb: FactBase): EightDays {
  const w = chartWords(fb, 'compute-commitments');
  const f = getFigure(fb, EIGHT_DAYS.figure);
  const start = getEvent(fb, EIGHT_DAYS.start);
  const end = getEvent(fb, EIGHT_DAYS.end);
  const trainium = fb.figures.find((x) => x.kind === 'commitment' && x.from === 'openai' && x.chip === 'trainium');
  const tEv = trainium ? getEvent(fb, trainium.event) : null;
  return {
    figure: f.id,
    days: f.value ?? 0,
    event: f.event,
    note: f.note ?? null,
    source: publishers(fb, f.sources).join('; '),
    start: { event: start.id, date: start.date, title: start.title },
    end: { event: end.id, date: end.date, title: end.title },
    openaiTrainium: tEv ? { event: tEv.id, date: tEv.date } : null,
    detail: say(w.detail.eightDays, { note: f.note ?? '', sources: publishers(fb, f.sources).join('; ') }),
  };
}

function buildData(fb: FactBase): ComputeData {
  const w = chartWords(fb, 'compute-commitments');
  const groups = buildGroups(fb);
  const eight = eightDays(fb);
  const rows = groups.flatMap((g) => g.rows);
  const leftOut = fb.figures
    .filter((f) => f.kind === 'commitment' && !isCloudContract(fb, f))
    .map((f) => ({ id: f.id, label: f.label, value: f.value, qualifier: f.qualifier, years: f.years ?? null, reason: f.note ?? '' }));

  const companies = [...new Set([...rows.map((r) => r.lab.id), ...groups.map((g) => g.id), ...(rows.some((r) => r.chip === 'nvidia-gpu') ? ['nvidia'] : [])])];
  const events = [...new Set([...rows.map((r) => r.event), eight.start.event, eight.end.event, eight.event])].sort(
    (a, b) => getEvent(fb, a).date.localeCompare(getEvent(fb, b).date) || a.localeCompare(b),
  );
  const drawnFigures = fb.figures.filter(
    (f) => rows.some((r) => r.id === f.id || r.capacity?.id === f.id) || groups.some((g) => g.total?.id === f.id) || f.id === eight.figure,
  );
  const undisclosedEvents = rows.filter((r) => r.value === null).map((r) => getEvent(fb, r.event));

  const meta: WidgetMeta = {
    id: 'compute-commitments',
    title: w.title.text,
    takeaway: w.takeaway.text,
    sources: sourceRefs(fb, [
      ...drawnFigures.flatMap((f) => f.sources),
      ...undisclosedEvents.flatMap((e) => e.sources),
      ...getEvent(fb, eight.end.event).sources,
    ]),
    highlights: [
      ...companies.map((id) => ({ id, label: getEntity(fb, id).name })),
      ...events.map((id) => {
        const e = getEvent(fb, id);
        return { id, label: `${e.title} (${formatDate(e.date, e.precision)})` };
      }),
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };
  return {
    meta,
    groups,
    eightDays: eight,
    summaries: summaries(w, groups),
    noneYet: say(w.summary.noneYet, { date: '{date}' }),
    table: tableRows(w, groups),
    leftOut,
    words: { ...w, tag: chartWords(fb, 'shared').tags.reported.toUpperCase() },
  };
}

function dataRows(fb: FactBase): DataRow[] {
  const groups = buildGroups(fb);
  const urls = (ids: string[]) => ids.map((s) => getSource(fb, s).url ?? '').filter(Boolean).join(' ');
  const out: DataRow[] = [];
  for (const g of groups) {
    for (const r of g.rows) {
      const src = r.value === null && r.id === r.event ? getEvent(fb, r.event).sources : getFigure(fb, r.id).sources;
      out.push({
        id: r.id,
        label: r.label,
        from: r.lab.id,
        to: r.cloud,
        date: r.date,
        event: r.event,
        kind: 'commitment',
        value: r.value,
        unit: 'USD',
        qualifier: r.qualifier,
        years: r.years,
        chip: r.chip ?? '',
        note: r.note ?? '',
        source_ids: src.join(' '),
        source_urls: urls(src),
      });
      if (r.capacity) {
        const c = getFigure(fb, r.capacity.id);
        out.push({
          id: c.id,
          label: c.label,
          from: r.lab.id,
          to: r.cloud,
          date: r.date,
          event: r.event,
          kind: 'capacity',
          value: c.value,
          unit: 'GW',
          qualifier: c.qualifier,
          years: null,
          chip: c.chip ?? '',
          note: c.note ?? '',
          source_ids: c.sources.join(' '),
          source_urls: urls(c.sources),
        });
      }
    }
    if (g.total) {
      const t = getFigure(fb, g.total.id);
      out.push({
        id: t.id,
        label: t.label,
        from: t.from ?? '',
        to: t.to ?? '',
        date: g.total.date,
        event: t.event,
        kind: 'total',
        value: t.value,
        unit: 'USD',
        qualifier: t.qualifier,
        years: null,
        chip: '',
        note: t.note ?? '',
        source_ids: t.sources.join(' '),
        source_urls: urls(t.sources),
      });
    }
  }
  const eight = getFigure(fb, EIGHT_DAYS.figure);
  out.push({
    id: eight.id,
    label: eight.label,
    from: '',
    to: '',
    date: getEvent(fb, eight.event).date,
    event: eight.event,
    kind: 'count',
    value: eight.value,
    unit: 'count',
    qualifier: eight.qualifier,
    years: null,
    chip: '',
    note: eight.note ?? '',
    source_ids: eight.sources.join(' '),
    source_urls: urls(eight.sources),
  });
  return out;
}

export const widget: WidgetDefinition<ComputeData> = { id: 'compute-commitments', buildData, dataRows };
