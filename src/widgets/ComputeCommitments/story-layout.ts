/**
 * compute-commitments in a scroll sequence: one line per contract the sequence shows, made for a phone's screen at
 * the chart's own text size. A line reads cloud (on its first contract only), then the lab when the sequence shows
 * more than one lab or else the contract's date, then the dollar bar with its amount written at its end (on a phone
 * a REPORTED tag goes under the amount rather than after it, so the tag does not shrink every bar). Where the words
 * would still leave the longest bar short (two labs and long amounts at a phone's width), each contract takes two
 * lines: its words, then its bar under them. Capacity,
 * length, chips and the eight days stay in the full chart (/charts/, embeds, print); the steps tell the rest.
 * The drawing is the full chart's (ComputeCommitments.svelte): this returns the same layout type.
 */
import { measure } from '../kit/text';
import { certaintyOf } from '../shared/certainty';
import type { ComputeData } from './data';
import { STYLE, tagBox, rowIds, type Bar, type CLayout, type CText, type RowMark } from './view';

const LINE = 24;
const BAR_H = 13;
const GROUP_GAP = 6;
/** On a phone, where every line counts toward the screen's height. */
const GROUP_GAP_PHONE = 4;
const COL_GAP = 10;
const OPEN_TAIL = 26;
const UNDISCLOSED_W = 26;
/** From this width a line names both the lab and the date when labs differ, and a REPORTED tag follows its amount. */
const BOTH_FROM = 440;
/** A line's extra height for a REPORTED tag under its amount. */
const TAG_LINE = 12;
/** Below this share of the room left for bars, the longest bar is too short to read: contracts take two lines. */
const SHORTEST_TRACK = 0.4;
/** Two lines: the words, then the bar (its top and height), then room before the next contract. */
const STACKED = { barTop: 21, barH: 9, line: 34 };

export function storyLayout(data: ComputeData, width: number): CLayout {
  const W = Math.max(280, Math.round(width));
  const rows = data.groups.flatMap((g) => g.rows.map((r) => ({ g, r })));
  const manyLabs = new Set(rows.map(({ r }) => r.lab.id)).size > 1;
  const withDate = !manyLabs || W >= BOTH_FROM;
  const tagBelow = W < BOTH_FROM;
  const groupGap = W < BOTH_FROM ? GROUP_GAP_PHONE : GROUP_GAP;
  const cloudW = Math.max(...data.groups.map((g) => measure(g.name, STYLE.cloud)));
  const labW = manyLabs ? Math.max(...rows.map(({ r }) => measure(r.lab.name, STYLE.lab))) : 0;
  const dateW = withDate ? Math.max(...rows.map(({ r }) => measure(r.words.date, STYLE.muted))) : 0;
  const labX = cloudW + COL_GAP;
  const dateX = labX + (manyLabs ? labW + COL_GAP : 0);
  const x0 = dateX + (withDate ? dateW + COL_GAP : 0);
  const TAG_W = tagBox(data);
  const notYet = data.words.panels.notYet;

  // What a bar needs past its end: the open tail of "more than", the amount (or "not yet"), the REPORTED tag.
  const tail = (q: string | null) => (q === 'at-least' ? OPEN_TAIL + 12 : 0) + 6;
  const room = (r: (typeof rows)[number]['r']) =>
    tail(r.qualifier) + Math.max(measure(r.words.value, STYLE.value), measure(notYet, STYLE.future)) + (r.qualifier === 'reported' && !tagBelow ? TAG_W + 6 : 0) + 2;
  // One dollar scale for every bar: the largest that leaves each bar room for its own words.
  const valued = rows.filter(({ r }) => r.value !== null);
  const inline = Math.min(...valued.map(({ r }) => (W - x0 - room(r)) / r.value!));
  const largest = Math.max(...valued.map(({ r }) => r.value!));
  const stacked = inline * largest < SHORTEST_TRACK * (W - x0);
  // Stacked, the bars run under the words from the lab (or date) column to the edge, less the widest open tail.
  const barX = stacked ? labX : x0;
  const perDollar = stacked ? (W - barX - Math.max(...rows.map(({ r }) => tail(r.qualifier)))) / largest : inline;

  const groups: CLayout['groups'] = [];
  const marks: RowMark[] = [];
  let y = 2;
  for (const g of data.groups) {
    groups.push({ id: g.id, texts: [{ x: 0, y: y + 16, text: g.name, cls: 'cloud', color: g.color }], ids: [...new Set(g.rows.flatMap((r) => rowIds(data, r)))], total: null });
    for (const r of g.rows) {
      const top = y;
      const base = y + 16;
      const barY = stacked ? y + STACKED.barTop : y + (LINE - BAR_H) / 2;
      const texts: CText[] = [];
      if (manyLabs) texts.push({ x: labX, y: base, text: r.lab.name, cls: 'lab', color: r.lab.color });
      if (withDate) texts.push({ x: dateX, y: base, text: r.words.date, cls: 'muted' });
      const w = r.value === null ? UNDISCLOSED_W : Math.max(1, r.value * perDollar);
      const money: Bar = { x: barX, y: barY, w, h: stacked ? STACKED.barH : BAR_H, certainty: r.value === null ? 'undisclosed' : certaintyOf(r.qualifier), color: r.lab.color, open: r.qualifier === 'at-least' };
      // The amount: after the bar, or stacked where the bar would start, on the line of words.
      const end = stacked ? x0 : x0 + w + tail(r.qualifier);
      texts.push({ x: end, y: base, text: notYet, cls: 'future', side: 'future' }, { x: end, y: base, text: r.words.value, cls: 'value', side: 'present' });
      const reported = r.qualifier === 'reported';
      const below = tagBelow && !stacked;
      const tag = reported ? (below ? { x: Math.min(end, W - TAG_W), y: base + 5, w: TAG_W } : { x: end + measure(r.words.value, STYLE.value) + 6, y: base - 10, w: TAG_W }) : null;
      const h = stacked ? STACKED.line : LINE + (reported && below ? TAG_LINE : 0);
      marks.push({ key: r.id, group: g.id, date: r.date, ids: rowIds(data, r), event: r.event, y: top, h, money, gw: null, years: null, texts, tag, glyph: null, ring: { x: -4, y: top, w: W + 8, h } });
      y += h;
    }
    y += groupGap;
  }
  const height = Math.ceil(y - groupGap + 4);
  return { width: W, height, narrow: true, panels: [], gridTop: 0, gridBottom: height, axisY: height, groups, rows: marks, strip: null, stripAfter: null };
}
