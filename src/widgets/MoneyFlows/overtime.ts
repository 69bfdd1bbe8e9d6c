/**
 * money-flows, the "over time" view: one small panel per pair on the story's time axis (2019 to 2027). The money
 * committed is a solid step line; money on conditions and "up to" money are separate bands above it, never part of
 * the line. A today line marks the as-of date and what comes after it is faded: both follow the date in the
 * browser (asof.ts), the rest is drawn once, with the words that change with the date spanned as in view.ts.
 */
import type { FlowPart, MoneyFlowsData } from './data';
import { at, linear, px, timeScale, timeScaleAttr, valueTicks, yearTicks } from '../kit/scale';
import { stepBand, stepLine } from '../kit/path';
import { anchorWithin, widestDated } from '../kit/text';
import { formatUSD } from '../../lib/format';
import { dateText } from '../shared/live';
import { say } from './words';
import { NARROW, STYLE, dealIds, dealKey, headerRuns, maxExtent, notesAsOf, pairIds, r2, type Spanned, type Txt } from './view';

export interface Marker {
  key: string;
  /** The deal's event and date: before it the marker's name says "not yet". */
  id: string;
  date: string;
  x: number;
  y: number;
  hollow: boolean;
  undisclosed: boolean;
  aria: { before: string; after: string };
  ids: string[];
  emphIds: string[];
}

export interface Panel {
  id: string;
  ids: string[];
  y: number;
  h: number;
  color: string | null;
  /** The pair's name. */
  texts: Txt[];
  /** What the pair stands at, each for the dates it holds. */
  notes: (Txt & Spanned)[];
  paidArea: string;
  paidLine: string;
  condArea: string | null;
  upToArea: string | null;
  grid: { y: number; label: string }[];
  markers: Marker[];
  /** Money actually paid in by a date: a short dash on the panel at that level. */
  paidMarks: { x: number; y: number }[];
}

export interface OverTimeLayout {
  width: number;
  height: number;
  plotW: number;
  panels: Panel[];
  years: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  axisY: number;
  /** The today line's extent and its `data-mf-today` (asof.ts): the time axis, and where its label turns left. */
  today: { y1: number; y2: number; scale: string };
  plotTop: number;
  plotBottom: number;
}

interface Step {
  /** The date the level holds from. */
  t: string;
  paid: number;
  cond: number;
  upTo: number;
}

function overTime(data: MoneyFlowsData, W: number, narrow: boolean): OverTimeLayout {
  const plotW = W - 2;
  const t0 = data.axis.start;
  const t1 = data.axis.end;
  const time = timeScale([t0, t1], [0, plotW], { clamp: true });
  const x = (iso: string) => at(time, iso);
  const h = narrow ? 54 : 68;
  const yv = linear([0, maxExtent(data)], [h, 0]);
  const panels: Panel[] = [];
  let y = 26; // room for the today label

  for (const p of data.pairs) {
    // Levels after each deal: paid money, then conditional and "up to" money kept apart from it.
    const steps: Step[] = [{ t: t0, paid: 0, cond: 0, upTo: 0 }];
    const markers: Marker[] = [];
    for (const d of p.deals) {
      const prev = steps.at(-1)!;
      const sum = (s: FlowPart['status']) => d.parts.filter((x) => x.status === s).reduce((a, x) => a + (x.value ?? 0), 0);
      const next = { t: d.date, paid: prev.paid + sum('paid'), cond: prev.cond + sum('conditional'), upTo: prev.upTo + sum('up-to') };
      steps.push(next);
      const top = d.parts.some((x) => x.status === 'paid') ? next.paid : next.paid + next.cond + next.upTo;
      const name = (what: string) =>
        say(d.reported ? data.words.overTime.markerReported : data.words.overTime.marker, { from: p.from.name, to: p.to.name, date: { date: d.date, precision: d.precision }, what });
      markers.push({
        key: dealKey(p, d),
        id: d.id,
        date: d.date,
        x: r2(x(next.t)),
        y: r2(yv(top)),
        hollow: d.reported,
        undisclosed: d.parts.some((x) => x.status === 'undisclosed'),
        aria: { before: name(data.words.part.notYet), after: name(d.text) },
        ...dealIds(p, d),
      });
    }
    steps.push({ ...steps.at(-1)!, t: t1 });

    const note = (at: string) => {
      if (!p.deals.some((d) => d.date <= at)) return data.words.note.notYet;
      const known = [...steps].reverse().find((s) => s.t <= at) ?? steps[0]!;
      const bits: string[] = [];
      const w = data.words.overTime;
      if (known.paid > 0) bits.push(say(w.committed, { amount: { usd: known.paid } }));
      if (known.cond > 0) bits.push(say(w.conditional, { amount: { usd: known.cond } }));
      if (known.upTo > 0) bits.push(say(w.upTo, { amount: { usd: known.upTo } }));
      const paidNote = notesAsOf(p, at).paid;
      return [bits.join(' '), ...(paidNote ? [paidNote.text] : [])].join(' · ');
    };
    const heads = headerRuns(data, p, note, y, W, narrow, null);
    const top = y + heads.h + 4;

    // Step-after paths: each level holds until the next deal.
    const band = (lo: (s: Step) => number, hi: (s: Step) => number) => stepBand(steps.map((s) => ({ x: x(s.t), lo: yv(lo(s)), hi: yv(hi(s)) })));
    const gridTicks = valueTicks(maxExtent(data), 2).filter((t) => t > 0);
    panels.push({
      id: p.id,
      ids: pairIds(p),
      y: top,
      h,
      color: p.from.color,
      texts: heads.name,
      notes: heads.placed.flatMap(({ from, until, head }) => head.texts.slice(1).map((t) => ({ ...t, from, until }))),
      paidArea: band(() => 0, (s) => s.paid),
      paidLine: stepLine(steps.map((s) => ({ x: x(s.t), y: yv(s.paid) }))),
      condArea: steps.some((s) => s.cond > 0) ? band((s) => s.paid, (s) => s.paid + s.cond) : null,
      upToArea: steps.some((s) => s.upTo > 0) ? band((s) => s.paid + s.cond, (s) => s.paid + s.cond + s.upTo) : null,
      grid: gridTicks.map((t) => ({ y: r2(yv(t)), label: formatUSD(t, { short: true }) })),
      markers,
      paidMarks: p.notes.filter((n) => n.kind === 'paid-to-date').map((n) => ({ x: r2(x(n.date)), y: r2(yv(n.value)) })),
    });
    y = top + h + (narrow ? 14 : 18);
  }

  const plotTop = panels[0]?.y ?? 0;
  const plotBottom = y - (narrow ? 14 : 18);
  // A label at each 1 January, every other year on narrow charts, the axis's end year included.
  const years = [...yearTicks(time), { x: plotW, year: Number(t1.slice(0, 4)) }]
    .filter((t) => !narrow || (t.year - Number(t0.slice(0, 4))) % 2 === 0)
    .map((t) => ({ x: r2(t.x), label: String(t.year), anchor: anchorWithin(String(t.year), t.x, STYLE.axis, 0, W) }));
  // The widest label the today line can carry: past the x where it would run off, it goes to the line's left.
  const widest = widestDated(yearTicks(time).map((t) => t.year), (iso) => `${dateText(data.words.overTime.today, iso)} →`, STYLE.today);
  return {
    width: W,
    height: plotBottom + 26,
    plotW,
    panels,
    years,
    axisY: plotBottom + 18,
    today: { y1: 18, y2: plotBottom + 4, scale: `${timeScaleAttr(time)} ${px(W - widest - 6)}` },
    plotTop,
    plotBottom,
  };
}

/** The "over time" view at a width. */
export function overTimeLayout(data: MoneyFlowsData, width: number): OverTimeLayout {
  const W = Math.max(280, Math.round(width));
  return overTime(data, W, W < NARROW);
}
