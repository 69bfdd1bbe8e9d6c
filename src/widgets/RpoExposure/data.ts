/**
 * rpo-exposure, server side: Microsoft's commercial remaining performance obligation (January 2026) and the share of
 * it tied to OpenAI. Every number, date and definition comes from the fact base.
 */
import type { FactBase, Figure } from '../../lib/factbase/schema';
import { formatDate } from '../../lib/format';
import { getEntity, getEvent, getFigure, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import { fill } from '../../lib/chart-words';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import { sourceRefs } from '../shared/sources';
import type { DataRow, WidgetMeta } from '../shared/types';
import { rpoWords, type RpoWords } from './words';

/** A figure as the chart needs it: plain JSON. */
export interface RpoFigure {
  id: string;
  label: string;
  value: number;
  unit: Figure['unit'];
  kind: Figure['kind'];
  qualifier: Figure['qualifier'];
  note: string | null;
  /** Publishers of its sources, for the detail line. */
  sourceNames: string[];
}

export interface RpoData {
  meta: WidgetMeta;
  /** The earnings call that disclosed the figures. */
  event: { id: string; date: string; title: string };
  total: RpoFigure;
  share: RpoFigure;
  openai: RpoFigure;
  /** The glossary's words: what RPO is, and what "commercial" covers. */
  definition: { term: string; text: string; commercialTerm: string; commercial: string };
  names: { microsoft: string; openai: string };
  /** Every word the chart shows, built at build time (words.ts). */
  words: RpoWords;
}

export const FIGURE_IDS = { total: 'msft-commercial-rpo-2026', share: 'openai-share-of-rpo-2026', openai: 'openai-rpo-2026' } as const;

function lite(fb: FactBase, f: Figure): RpoFigure {
  if (f.value === null) throw new Error(`rpo-exposure: figure ${f.id} has no value`);
  return {
    id: f.id,
    label: f.label,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
    qualifier: f.qualifier,
    note: f.note ?? null,
    sourceNames: [...new Set(f.sources.map((s) => getSource(fb, s).publisher))],
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const firstSentence = (s: string) => (s.match(/^[^.]*\./)?.[0] ?? s).trim();

function buildData(fb: FactBase): RpoData {
  const total = getFigure(fb, FIGURE_IDS.total);
  const share = getFigure(fb, FIGURE_IDS.share);
  const openai = getFigure(fb, FIGURE_IDS.openai);
  const ev = getEvent(fb, total.event);
  const rpo = fb.glossary.find((g) => g.id === 'rpo');
  const commercial = fb.glossary.find((g) => g.id === 'commercial-rpo');
  if (!rpo || !commercial) throw new Error('rpo-exposure: glossary entries rpo and commercial-rpo are required');
  const msft = getEntity(fb, 'microsoft');
  const oai = getEntity(fb, 'openai');

  const w = chartWords(fb, 'rpo-exposure');
  const frameWords = (template: string) => fill(template, { openai: oai.name }, 'rpo-exposure');

  const meta: WidgetMeta = {
    id: 'rpo-exposure',
    title: frameWords(w.title.text),
    takeaway: frameWords(w.takeaway.text),
    sources: sourceRefs(fb, [...total.sources, ...share.sources, ...openai.sources]),
    highlights: [
      { id: msft.id, label: msft.name },
      { id: oai.id, label: oai.name },
      { id: ev.id, label: `${ev.title} (${formatDate(ev.date, ev.precision)})` },
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };

  const base = {
    meta,
    event: { id: ev.id, date: ev.date, title: ev.title },
    total: lite(fb, total),
    share: lite(fb, share),
    openai: lite(fb, openai),
    definition: { term: rpo.term, text: lowerFirst(firstSentence(rpo.definition)), commercialTerm: commercial.term, commercial: commercial.definition.trim() },
    names: { microsoft: msft.name, openai: oai.name },
  };
  return { ...base, words: rpoWords(base, w) };
}

function dataRows(fb: FactBase): DataRow[] {
  return Object.values(FIGURE_IDS).map((id) => {
    const f = getFigure(fb, id);
    const ev = getEvent(fb, f.event);
    return {
      id: f.id,
      label: f.label,
      date: ev.date,
      event: ev.id,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      note: f.note ?? '',
      source_ids: f.sources.join(' '),
      source_urls: f.sources.map((s) => getSource(fb, s).url ?? '').filter(Boolean).join(' '),
    };
  });
}

export const widget: WidgetDefinition<RpoData> = { id: 'rpo-exposure', buildData, dataRows };
