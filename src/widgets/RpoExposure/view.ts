/**
 * rpo-exposure, pure layout: one proportional bar for Microsoft's commercial RPO, split into the part tied to OpenAI
 * and everything else. Runs at build time only: the chart is drawn for each artboard and for both sides of the
 * disclosure date, and the browser only switches between them (../shared/live.ts).
 */
import type { RpoData } from './data';
import type { DataTable } from '../shared/types';
import { span, type TimedText } from '../shared/live';
import type { PartKey } from './words';
import { linear } from '../kit/scale';
import { measure, type TextStyle } from '../kit/text';

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
  aria: Record<PartKey, string>;
  empty: { title: string; lines: string[] } | null;
}

/** Layout constants (pixels). */
const BAR_Y = 30;
const BAR_H = 46;
/** The least room between words that share a line. */
const GAP = 16;

/** The text styles of the drawing, as RpoExposure.svelte's CSS sets them. */
export const STYLE = {
  title: { size: 14, weight: 700 },
  big: { size: 18, weight: 750 },
  label: { size: 13 },
  muted: { size: 12.5 },
} satisfies Record<RpoText['tone'], TextStyle>;

const fits = (texts: { text: string; tone: RpoText['tone'] }[], width: number) =>
  texts.reduce((w, t) => w + measure(t.text, STYLE[t.tone]), 0) + GAP * (texts.length - 1) <= width;


/** The part of commercial RPO not tied to OpenAI: derived, and as approximate as the part it is derived from. */
export function restOf(data: RpoData): { value: number; share: number } {
  return { value: data.total.value - data.openai.value, share: 100 - data.share.value };
}

/** The two states the chart can be in: before the disclosure date, and from it on. */
export function phases(data: RpoData): { disclosed: boolean; span: string }[] {
  return [
    { disclosed: false, span: span(null, data.event.date) },
    { disclosed: true, span: span(data.event.date, null) },
  ];
}

/**
 * What each part stands for, for highlighting: OpenAI's part for OpenAI; the whole bar (and the rest of it) for
 * Microsoft and its earnings call. Highlighting OpenAI dims the rest; highlighting Microsoft dims nothing.
 */
export function partIds(data: RpoData): Record<PartKey, string[]> {
  const whole = ['microsoft', data.event.id];
  return { openai: ['openai', ...whole], rest: whole, total: whole };
}

/** The sentence under the chart on either side of the disclosure ({date} is the chart's date). */
export function summaries(data: RpoData): TimedText[] {
  const [before, after] = phases(data);
  return [
    { span: before!.span, text: data.words.summaryBefore },
    { span: after!.span, text: data.words.summaryAfter },
  ];
}

/** The data table on either side of the disclosure: before it, no amounts. */
export function tables(data: RpoData): { span: string; table: DataTable }[] {
  const w = data.words;
  return phases(data).map((p) => ({
    span: p.span,
    table: p.disclosed ? w.table : { ...w.table, rows: w.table.rows.map((r) => ({ ...r, amount: w.notYet })) },
  }));
}

export function layout(data: RpoData, disclosed: boolean, width: number): RpoView {
  const W = Math.max(280, Math.round(width));
  const w = data.words;

  const bar = { x: 0.5, y: BAR_Y, w: W - 1, h: BAR_H };
  const share = linear([0, 100], [bar.x, bar.x + bar.w]);
  const splitX = share(data.share.value);
  const half = { x: bar.x + bar.w / 2, y1: bar.y - 5, y2: bar.y + bar.h + 5, labelY: bar.y + bar.h + 17 };

  const texts: RpoText[] = [];
  // The longer wording wherever it fits: the title with the disclosure date beside it, the wide empty-state lines.
  const wideHead = fits([{ text: disclosed ? w.title.wideAmount : w.title.wide, tone: 'title' }, ...(disclosed ? [{ text: w.disclosedShort, tone: 'muted' as const }] : [])], W);
  const title = disclosed ? (wideHead ? w.title.wideAmount : w.title.narrowAmount) : wideHead ? w.title.wide : w.title.narrow;
  texts.push({ x: 0, y: 17, text: title, anchor: 'start', tone: 'title', part: 'total' });
  if (wideHead && disclosed) texts.push({ x: W, y: 17, text: w.disclosedShort, anchor: 'end', tone: 'muted', part: 'total' });

  const l1 = bar.y + bar.h + 26;
  const lh = 17;
  if (disclosed) {
    texts.push(
      { x: 0, y: l1, text: w.share, anchor: 'start', tone: 'big', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + lh + 2, text: w.openaiShort, anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: 0, y: l1 + 2 * lh + 2, text: w.tiedTo, anchor: 'start', tone: 'label', color: 'openai', part: 'openai' },
      { x: W, y: l1, text: w.restShare, anchor: 'end', tone: 'big', part: 'rest' },
      { x: W, y: l1 + lh + 2, text: w.restShort, anchor: 'end', tone: 'label', part: 'rest' },
      { x: W, y: l1 + 2 * lh + 2, text: fits([{ text: w.tiedTo, tone: 'label' }, { text: w.restLabel.wide, tone: 'muted' }], W) ? w.restLabel.wide : w.restLabel.narrow, anchor: 'end', tone: 'muted', part: 'rest' },
    );
  }
  const emptyWide = w.empty.wide.every((line) => fits([{ text: line, tone: 'label' }], W));
  const height = disclosed ? l1 + 2 * lh + 10 : bar.y + bar.h + (emptyWide ? 30 : 48);

  return {
    width: W,
    height,
    disclosed,
    bar,
    split: { x: splitX, soft: Math.min(8, bar.w * 0.02) },
    half,
    texts,
    aria: w.aria,
    empty: disclosed ? null : { title: w.empty.title, lines: emptyWide ? w.empty.wide : w.empty.narrow },
  };
}
