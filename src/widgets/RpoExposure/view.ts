/**
 * rpo-exposure, pure layout: one proportional bar for Microsoft's commercial RPO, split into the part tied to OpenAI
 * and everything else. Runs at SSR and in the browser; imports types only from the fact-base side.
 */
import type { RpoData, RpoFigure } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatFigure } from '../../lib/format';

export interface RpoState {
  asOf: string;
  highlight: string | null;
}

export type PartKey = 'openai' | 'rest' | 'total';

export interface RpoText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  /** big: the share; label: ordinary chart text; muted: secondary. */
  tone: 'big' | 'label' | 'muted' | 'title';
  /** A company color token for the text, or none for ink. */
  color?: string;
  part?: PartKey;
}

export interface RpoView {
  width: number;
  height: number;
  disclosed: boolean;
  bar: { x: number; y: number; w: number; h: number };
  /** Where OpenAI's share ends, and the soft band drawn around it because the share is "about". */
  split: { x: number; soft: number };
  half: { x: number; y1: number; y2: number; labelY: number };
  texts: RpoText[];
  /** Words for each part, for the detail panel and the marks' labels. */
  details: Record<PartKey, string>;
  aria: Record<PartKey, string>;
  dim: Record<PartKey, boolean>;
  emph: Record<PartKey, boolean>;
  note: string;
  empty: { title: string; lines: string[] } | null;
  summary: string;
  table: DataTable;
}

/** Layout constants (pixels). */
const BAR_Y = 30;
const BAR_H = 46;
const NARROW = 480;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sourcesLine = (f: RpoFigure) => `Source: ${f.sourceNames.join('; ')}.`;

/** The part of commercial RPO not tied to OpenAI: derived, and as approximate as the part it is derived from. */
export function restOf(data: RpoData): { value: number; share: number } {
  return { value: data.total.value - data.openai.value, share: 100 - data.share.value };
}

export function isDisclosed(data: RpoData, asOf: string): boolean {
  return asOf >= data.event.date;
}

export function layout(data: RpoData, state: RpoState, width: number): RpoView {
  const W = Math.max(280, Math.round(width));
  const narrow = W < NARROW;
  const disclosed = isDisclosed(data, state.asOf);
  const { total, share, openai, names } = data;
  const rest = restOf(data);
  const restFig = { value: rest.value, unit: 'USD' as const, kind: 'rpo' as const, qualifier: share.qualifier };
  const restShare = { value: rest.share, unit: 'percent' as const, kind: 'share' as const, qualifier: share.qualifier };
  const short = { short: true };

  const bar = { x: 0.5, y: BAR_Y, w: W - 1, h: BAR_H };
  const splitX = bar.x + (bar.w * share.value) / 100;
  const half = { x: bar.x + bar.w / 2, y1: bar.y - 5, y2: bar.y + bar.h + 5, labelY: bar.y + bar.h + 17 };

  const hl = state.highlight;
  const focusOpenai = hl === 'openai';
  const focusTotal = hl === 'microsoft' || hl === data.event.id;
  const dim: Record<PartKey, boolean> = { openai: false, rest: focusOpenai, total: false };
  const emph: Record<PartKey, boolean> = { openai: focusOpenai, rest: false, total: focusTotal };

  const disclosedOn = formatDate(data.event.date);
  const texts: RpoText[] = [];
  texts.push({
    x: 0,
    y: 17,
    text: `${narrow ? 'Commercial RPO' : `${names.microsoft}'s commercial RPO`}${disclosed ? `: ${formatFigure(total, narrow ? short : {})}` : ''}`,
    anchor: 'start',
    tone: 'title',
    part: 'total',
  });
  if (!narrow && disclosed) texts.push({ x: W, y: 17, text: `disclosed ${formatDateShort(data.event.date)}`, anchor: 'end', tone: 'muted', part: 'total' });

  const l1 = bar.y + bar.h + 26;
  const lh = 17;
  if (disclosed) {
    texts.push(
      { x: 0, y: l1, text: formatFigure(share), anchor: 'start', tone: 'big', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + lh + 2, text: formatFigure(openai, short), anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + 2 * lh + 2, text: `tied to ${names.openai}`, anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: W, y: l1, text: formatFigure(restShare), anchor: 'end', tone: 'big', part: 'rest' },
      { x: W, y: l1 + lh + 2, text: formatFigure(restFig, short), anchor: 'end', tone: 'label', part: 'rest' },
      { x: W, y: l1 + 2 * lh + 2, text: narrow ? 'everything else' : 'all other commercial contracts', anchor: 'end', tone: 'muted', part: 'rest' },
    );
  }
  const height = disclosed ? l1 + 2 * lh + 10 : bar.y + bar.h + (narrow ? 48 : 30);

  const details: Record<PartKey, string> = {
    openai:
      `${capital(formatFigure(share))} of ${names.microsoft}'s commercial RPO, ${formatFigure(openai)}, is tied to ${names.openai} ` +
      `(${QUALIFIER_WORDS[share.qualifier]}). It is a share of all commercial RPO, not of Azure revenue. Disclosed ${disclosedOn}. ${sourcesLine(share)}`,
    rest:
      `Everything else: ${formatFigure(restShare)}, or ${formatFigure(restFig)}, our subtraction of ${names.openai}'s part from the total, ` +
      `so just as approximate. Disclosed ${disclosedOn}. ${sourcesLine(total)}`,
    total:
      `${names.microsoft}'s commercial remaining performance obligation: ${formatFigure(total)} (${QUALIFIER_WORDS[total.qualifier]}). ` +
      `${total.note ?? ''} Disclosed ${disclosedOn}. ${sourcesLine(total)}`.replace(/\s+/g, ' '),
  };
  const aria: Record<PartKey, string> = {
    openai: `${names.openai}: ${formatFigure(share)}, ${formatFigure(openai)}`,
    rest: `Everything else: ${formatFigure(restShare)}, ${formatFigure(restFig)}`,
    total: `Commercial RPO: ${formatFigure(total)}`,
  };

  const asOfText = formatDate(state.asOf);
  const summary = disclosed
    ? `As of ${asOfText}: on ${disclosedOn}, ${names.microsoft} reported ${formatFigure(total)} of commercial remaining performance obligation, ` +
      `${formatFigure(share)} of it (${formatFigure(openai)}) tied to ${names.openai}. That is a share of all its commercial contracts, not of Azure revenue.`
    : `As of ${asOfText}, ${names.microsoft} had not yet said how much of its commercial remaining performance obligation was tied to ${names.openai}. ` +
      `It disclosed this on ${disclosedOn}.`;

  const note =
    `${data.definition.term} (RPO) is ${data.definition.text} ${data.definition.commercialTerm} is ${data.definition.commercial} ` +
    `So ${names.openai}'s share is of that whole backlog, not of Azure revenue.`;

  const shown = (s: string) => (disclosed ? s : 'not yet disclosed');
  const table: DataTable = {
    columns: [
      { key: 'what', label: 'What' },
      { key: 'amount', label: 'Amount', numeric: true },
      { key: 'sure', label: 'How sure' },
      { key: 'date', label: 'Disclosed' },
    ],
    rows: [
      { what: `${names.microsoft}'s commercial RPO`, amount: shown(formatFigure(total)), sure: QUALIFIER_WORDS[total.qualifier], date: disclosedOn },
      { what: `Share tied to ${names.openai}`, amount: shown(formatFigure(share)), sure: QUALIFIER_WORDS[share.qualifier], date: disclosedOn },
      { what: `Amount tied to ${names.openai}`, amount: shown(formatFigure(openai)), sure: QUALIFIER_WORDS[openai.qualifier], date: disclosedOn },
      {
        what: 'Everything else (our subtraction)',
        amount: shown(`${formatFigure(restShare)}, ${formatFigure(restFig)}`),
        sure: QUALIFIER_WORDS[share.qualifier],
        date: disclosedOn,
      },
    ],
  };

  return {
    width: W,
    height,
    disclosed,
    bar,
    split: { x: splitX, soft: Math.min(8, bar.w * 0.02) },
    half,
    texts,
    details,
    aria,
    dim,
    emph,
    note,
    empty: disclosed
      ? null
      : {
          title: 'Not yet disclosed',
          lines: narrow ? [`${names.microsoft} disclosed this`, `on ${disclosedOn}.`] : [`${names.microsoft} disclosed this on ${disclosedOn}.`],
        },
    summary,
    table,
  };
}
