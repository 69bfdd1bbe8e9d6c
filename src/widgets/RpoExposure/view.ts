/**
 * rpo-exposure, pure layout: one proportional bar for Microsoft's commercial RPO, split into the part tied to OpenAI
 * and everything else. Runs at SSR and in the browser; imports types only from the fact-base side.
 */
import type { RpoData } from './data';
import type { DataTable } from '../shared/types';
import { formatDate } from '../../lib/format';
import type { PartKey } from './words';

export interface RpoState {
  asOf: string;
  highlight: string | null;
}

export type { PartKey };

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
  const w = data.words;

  const bar = { x: 0.5, y: BAR_Y, w: W - 1, h: BAR_H };
  const splitX = bar.x + (bar.w * data.share.value) / 100;
  const half = { x: bar.x + bar.w / 2, y1: bar.y - 5, y2: bar.y + bar.h + 5, labelY: bar.y + bar.h + 17 };

  const hl = state.highlight;
  const focusOpenai = hl === 'openai';
  const focusTotal = hl === 'microsoft' || hl === data.event.id;
  const dim: Record<PartKey, boolean> = { openai: false, rest: focusOpenai, total: false };
  const emph: Record<PartKey, boolean> = { openai: focusOpenai, rest: false, total: focusTotal };

  const texts: RpoText[] = [];
  const title = disclosed ? (narrow ? w.title.narrowAmount : w.title.wideAmount) : narrow ? w.title.narrow : w.title.wide;
  texts.push({ x: 0, y: 17, text: title, anchor: 'start', tone: 'title', part: 'total' });
  if (!narrow && disclosed) texts.push({ x: W, y: 17, text: w.disclosedShort, anchor: 'end', tone: 'muted', part: 'total' });

  const l1 = bar.y + bar.h + 26;
  const lh = 17;
  if (disclosed) {
    texts.push(
      { x: 0, y: l1, text: w.share, anchor: 'start', tone: 'big', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + lh + 2, text: w.openaiShort, anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + 2 * lh + 2, text: w.tiedTo, anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: W, y: l1, text: w.restShare, anchor: 'end', tone: 'big', part: 'rest' },
      { x: W, y: l1 + lh + 2, text: w.restShort, anchor: 'end', tone: 'label', part: 'rest' },
      { x: W, y: l1 + 2 * lh + 2, text: narrow ? 'everything else' : 'all other commercial contracts', anchor: 'end', tone: 'muted', part: 'rest' },
    );
  }
  const height = disclosed ? l1 + 2 * lh + 10 : bar.y + bar.h + (narrow ? 48 : 30);
  const asOfText = formatDate(state.asOf);

  return {
    width: W,
    height,
    disclosed,
    bar,
    split: { x: splitX, soft: Math.min(8, bar.w * 0.02) },
    half,
    texts,
    details: w.details,
    aria: w.aria,
    dim,
    emph,
    note: w.note,
    empty: disclosed ? null : { title: 'Not yet disclosed', lines: narrow ? w.empty.narrow : w.empty.wide },
    summary: disclosed ? `As of ${asOfText}: ${w.summaryAfter}` : `As of ${asOfText}, ${w.summaryBefore}`,
    table: disclosed ? w.table : { ...w.table, rows: w.table.rows.map((r) => ({ ...r, amount: w.notYet })) },
  };
}
