/**
 * terms-timeline: the Microsoft–OpenAI contract as lanes of intervals on the story's one time axis.
 * Server side only: reads the fact base and hands the view plain JSON. Every date, state, label and amount comes
 * from content/data (terms.yaml, figures.yaml, events.yaml); this file adds only lane names and short wording.
 */
import type { FactBase, Term, TermLane } from '../../lib/factbase/schema';
import { formatDate, formatFigure } from '../../lib/format';
import { getEntity, getEvent, getFigure, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import type { ChartWords } from '../../lib/factbase/chart-words-schema';
import { fill } from '../../lib/chart-words';
import { listJoin } from '../../lib/format';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import type { Moment } from '../shared/AsOfControl.svelte';
import { sourceRefs } from '../shared/sources';
import type { DataRow, SourceRef, WidgetMeta } from '../shared/types';

export type Measure = 'profit-share' | 'equity';
export type Confidence = Term['confidence'];

/** One term interval, copied from terms.yaml with what the chart needs to draw and word it. */
export interface TermRec {
  id: string;
  /** The row it sits in: the lane, except the stake lane, which has one row per measure. */
  row: string;
  lane: TermLane;
  state: string;
  start: string;
  /** Last day in force, inclusive; null = no end set. */
  end: string | null;
  endPrecision: 'day' | 'month' | 'quarter' | 'year';
  /** The fact base's words for the state. */
  label: string;
  /** A few words for tight spaces. */
  short: string;
  /** The same without the end year (" through 2032"), for the tightest: a phone's story view, where the bar shows it. */
  brief: string;
  /** The state as a clause of the "terms in force" sentence. */
  clause: string;
  detail: string;
  measure: Measure | null;
  confidence: Confidence;
  /** The start is the earliest pinned date, not when the state began (the record says "in force by"). */
  startInferred: boolean;
  /** How tight the tie is, 0 (none) to 3 (exclusive): drawn as the depth of the fill. */
  strength: 0 | 1 | 2 | 3;
  figure: { id: string; text: string; qualifier: string } | null;
  sources: string[];
}

export interface RowRec {
  id: string;
  lane: TermLane;
  name: string;
  sub: string;
  /** The name on narrow screens, where there is no room for `sub`. */
  tight: string;
  /** The company whose color the row takes (whose right it is), or null for neutral. */
  color: string | null;
  entity: string | null;
  measure: Measure | null;
  /** Draw as an entitlement bracket (profit share) rather than a bar. */
  mark: 'bar' | 'bracket';
  /** First row of a group with its own heading. */
  group?: string;
}

export interface TermsTimelineData {
  meta: WidgetMeta;
  axis: { start: string; end: string };
  rows: RowRec[];
  terms: TermRec[];
  moments: Moment[];
  sources: Record<string, SourceRef>;
  /** Entity names for the legend and highlight wording. */
  entities: Record<string, { name: string; color: string | null }>;
  /** The words view.ts writes (content/charts/terms-timeline.yaml), and the REPORTED tag the drawing writes. */
  words: TermsWords;
}
export type TermsWords = Pick<ChartWords<'terms-timeline'>, 'statement' | 'dates' | 'certainty' | 'status' | 'measure' | 'note' | 'controls' | 'asOfLine' | 'now' | 'table'> & {
  /** shared.yaml's reported tag in capitals, as the drawing writes and measures it. */
  tag: string;
};

// --- Chart wording (layout-level text only: no dates, amounts or names of record) -----------------------------

/** The rows, in order; their words are in content/charts/terms-timeline.yaml (rows). */
const ROWS: Omit<RowRec, 'color' | 'name' | 'sub' | 'tight' | 'group'>[] = [
  { id: 'cloud', lane: 'cloud', entity: 'microsoft', measure: null, mark: 'bar' },
  { id: 'api', lane: 'api', entity: 'microsoft', measure: null, mark: 'bar' },
  { id: 'licence', lane: 'licence', entity: 'microsoft', measure: null, mark: 'bar' },
  { id: 'revshare-to-openai', lane: 'revshare-to-openai', entity: 'openai', measure: null, mark: 'bar' },
  { id: 'revshare-to-microsoft', lane: 'revshare-to-microsoft', entity: 'microsoft', measure: null, mark: 'bar' },
  { id: 'agi', lane: 'agi', entity: null, measure: null, mark: 'bar' },
  { id: 'stake-profit-share', lane: 'stake', entity: 'microsoft', measure: 'profit-share', mark: 'bracket' },
  { id: 'stake-equity', lane: 'stake', entity: 'microsoft', measure: 'equity', mark: 'bar' },
];

const STRENGTH: Record<string, 0 | 1 | 2 | 3> = {
  exclusive: 3,
  'exclusive-to-2032': 3,
  rofr: 2,
  'stateless-exclusive': 2,
  'no-rofr': 1,
  'primary-not-exclusive': 1,
  'non-exclusive': 1,
  paying: 2,
  'paying-capped': 2,
  'expert-panel': 2,
  'preferred-partner': 2,
  'profit-share': 2,
  equity: 3,
  none: 0,
  stopped: 0,
  dropped: 0,
};

/** The three steps by which exclusivity ended (pitfall 4), named by their events. */
const STEPS = ['azure-exclusivity-to-rofr-2025', 'recapitalisation-2025', 'reset-2026'];

function takeaway(fb: FactBase, terms: TermRec[]): string {
  const w = chartWords(fb, 'terms-timeline').takeaway;
  const say = (template: string, values = {}) => fill(template, values, 'terms-timeline takeaway');
  const [first, second, third] = STEPS.map((id) => ({ date: getEvent(fb, id).date, precision: 'month' as const }));
  const asOfNow = (t: Term) => t.start <= STORY_NOW && (t.end === undefined || STORY_NOW <= t.end);
  const licence = fb.terms.find((t) => t.lane === 'licence' && asOfNow(t));
  const equity = terms.find((t) => t.measure === 'equity' && t.start <= STORY_NOW && (t.end === null || STORY_NOW <= t.end));
  const kept = [licence && say(w.licence, { through: throughWords(fb, licence) }), equity && say(w.stake, { share: equity.short })].filter((x): x is string => !!x);
  return say(w.text, { first: first!, second: second!, third: third!, kept: kept.length ? say(w.kept, { what: listJoin(kept) }) : '' });
}

// --- Building -------------------------------------------------------------------------------------------------

const rowOf = (t: Term) => (t.lane === 'stake' ? (t.measure === 'profit-share' ? 'stake-profit-share' : 'stake-equity') : t.lane);

/** The "about 27%" or "reported just under 50%" of a stake, from its figure or its own label. */
function shareWords(fb: FactBase, t: Term): string {
  const fromLabel = /(?:reported\s+)?(?:just under|just shy of|about|around|nearly)\s+\d+(?:\.\d+)?%/i.exec(t.label)?.[0];
  if (fromLabel) return fromLabel.replace(/^About/, 'about');
  if (t.figure) return formatFigure(getFigure(fb, t.figure));
  return t.label;
}

function throughWords(fb: FactBase, t: Term): string {
  if (t.figure) {
    const f = getFigure(fb, t.figure);
    if (f.kind === 'year' && f.value !== null) return fill(chartWords(fb, 'terms-timeline').through.text, { year: String(f.value) });
  }
  if (t.end && t.endPrecision === 'year') return fill(chartWords(fb, 'terms-timeline').through.text, { year: t.end.slice(0, 4) });
  return '';
}

function termRec(fb: FactBase, t: Term): TermRec {
  const key = `${t.lane}:${t.state}`;
  const w = chartWords(fb, 'terms-timeline');
  const through = throughWords(fb, t);
  const share = t.lane === 'stake' ? shareWords(fb, t) : '';
  const brief = t.lane === 'stake' ? share : (w.short[key] ?? t.label);
  const short = t.lane === 'stake' ? share : `${brief}${through && !/through/.test(brief) ? `,${through}` : ''}`;
  const startInferred = /\bin force by\b/i.test(t.detail);
  // A holding the record gives only at the end of its interval is not claimed for the years before.
  const asOfEnd = t.lane === 'stake' && startInferred && t.end ? fill(w.asOfEnd.text, { date: { date: t.end } }, 'terms-timeline asOfEnd') : '';
  const clause = (w.clause[key] ? fill(w.clause[key], { through, share }, `terms-timeline clause.${key}`) : t.label) + asOfEnd;
  const figure = t.figure ? getFigure(fb, t.figure) : null;
  return {
    id: t.id,
    row: rowOf(t),
    lane: t.lane,
    state: t.state,
    start: t.start,
    end: t.end ?? null,
    endPrecision: t.endPrecision,
    label: t.label,
    short,
    brief,
    clause,
    detail: t.detail.replace(/\s+/g, ' ').trim(),
    measure: t.measure ?? null,
    confidence: t.confidence,
    startInferred,
    strength: STRENGTH[t.state] ?? 2,
    figure: figure ? { id: figure.id, text: figure.kind === 'year' ? String(figure.value) : formatFigure(figure), qualifier: figure.qualifier } : null,
    sources: [...t.sources],
  };
}

/** The Microsoft–OpenAI events that start a term interval: the chart's key moments. */
function momentsOf(fb: FactBase): Moment[] {
  const starts = new Set(fb.terms.map((t) => t.start));
  const byDate = new Map<string, (typeof fb.events)[number]>();
  for (const e of [...fb.events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))) {
    if (!starts.has(e.date) || !e.entities.includes('microsoft') || !e.entities.includes('openai')) continue;
    const had = byDate.get(e.date);
    if (!had || (had.kind !== 'terms' && e.kind === 'terms')) byDate.set(e.date, e);
  }
  return [...byDate.values()].map((e) => ({
    id: e.id,
    date: e.date,
    name: chartWords(fb, 'terms-timeline').moments[e.id] ?? e.title,
    when: formatDate(e.date, 'month').replace(/^(\w{3})\w*/, '$1'),
    title: e.title,
  }));
}

function missingRow(id: string): never {
  throw new Error(`content/charts/terms-timeline.yaml: entry "rows", field "${id}": is missing (every row the chart draws needs its words)`);
}

export function buildTermsTimeline(fb: FactBase): TermsTimelineData {
  const terms = [...fb.terms].sort((a, b) => a.start.localeCompare(b.start)).map((t) => termRec(fb, t));
  const rowWords = chartWords(fb, 'terms-timeline').rows;
  const rows: RowRec[] = ROWS.filter((r) => terms.some((t) => t.row === r.id)).map((r) => ({
    ...r,
    ...(rowWords[r.id] ?? missingRow(r.id)),
    color: r.entity ? (getEntity(fb, r.entity).color ?? null) : null,
  }));
  const moments = momentsOf(fb);
  const sourceIds = [...new Set(terms.flatMap((t) => t.sources))];
  const refs = sourceRefs(fb, sourceIds);
  const entityIds = ['microsoft', 'openai'];
  const meta: WidgetMeta = {
    id: 'terms-timeline',
    title: chartWords(fb, 'terms-timeline').title.text,
    takeaway: takeaway(fb, terms),
    sources: refs,
    highlights: [
      ...entityIds.map((id) => ({ id, label: getEntity(fb, id).name })),
      ...moments.map((m) => ({ id: m.id, label: getEvent(fb, m.id).title })),
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };
  return {
    meta,
    axis: { start: STORY_START, end: STORY_END },
    rows,
    terms,
    moments,
    sources: Object.fromEntries(refs.map((r) => [r.id, r])),
    entities: Object.fromEntries(entityIds.map((id) => { const e = getEntity(fb, id); return [id, { name: e.name, color: e.color ?? null }]; })),
    words: {
      ...(({ statement, dates, certainty, status, measure, note, controls, asOfLine, now, table }) => ({ statement, dates, certainty, status, measure, note, controls, asOfLine, now, table }))(chartWords(fb, 'terms-timeline')),
      tag: chartWords(fb, 'shared').tags.reported.toUpperCase(),
    },
  };
}

function dataRows(fb: FactBase): DataRow[] {
  return buildTermsTimeline(fb).terms.map((t) => ({
    id: t.id,
    lane: t.lane,
    measure: t.measure ?? '',
    state: t.state,
    label: t.label,
    date: t.start,
    start: t.start,
    end: t.end ?? '',
    end_precision: t.end ? t.endPrecision : '',
    confidence: t.confidence,
    qualifier: t.confidence,
    source_ids: t.sources.join(' '),
    source_urls: t.sources.map((id) => getSource(fb, id).url ?? '').filter(Boolean).join(' '),
  }));
}

export const widget: WidgetDefinition<TermsTimelineData> = {
  id: 'terms-timeline',
  buildData: buildTermsTimeline,
  dataRows,
};
