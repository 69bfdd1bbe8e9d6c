/**
 * money-flows, the "over time" view: one small panel per pair on the story's time axis (2019 to 2027). The money
 * committed is a solid step line; money on conditions and "up to" money are separate bands above it, never part of
 * the line. A today line marks the as-of date; what comes after it is faded. Loaded only when a reader picks this
 * view, so the first paint ships the "by deal" view alone.
 */
import type { FlowPart, MoneyFlowsData } from './data';
import { linear, ticks as niceTicks } from '../shared/kit';
import { formatDate, formatDateShort, formatUSD } from '../../lib/format';
import { NARROW, dayNum, dealKey, emphasis, est, header, maxExtent, noteText, notesAsOf, r2, type FlowState, type Txt } from './view';

export interface Panel {
  id: string;
  y: number;
  h: number;
  color: string | null;
  dim: boolean;
  emph: boolean;
  texts: Txt[];
  paidArea: string;
  paidLine: string;
  condArea: string | null;
  upToArea: string | null;
  grid: { y: number; label: string }[];
  markers: { key: string; x: number; y: number; hollow: boolean; undisclosed: boolean; aria: string; dim: boolean; emph: boolean }[];
  /** Money actually paid in by a date: a short dash on the panel at that level. */
  paidMarks: { x: number; y: number }[];
}

export interface OverTimeLayout {
  height: number;
  plotW: number;
  panels: Panel[];
  years: { x: number; label: string }[];
  axisY: number;
  today: { x: number; y1: number; y2: number; label: string; anchor: 'start' | 'end'; labelX: number; clamped: boolean };
  plotTop: number;
  plotBottom: number;
}

const SMALL = 12.5;

interface Step {
  t: number;
  paid: number;
  cond: number;
  upTo: number;
}

function overTime(data: MoneyFlowsData, state: FlowState, W: number, narrow: boolean): OverTimeLayout {
  const plotW = W - 2;
  const t0 = dayNum(data.axis.start);
  const t1 = dayNum(data.axis.end);
  const x = linear(t0, t1, 0, plotW, true);
  const h = narrow ? 54 : 68;
  const yv = linear(0, maxExtent(data), h, 0);
  const panels: Panel[] = [];
  let y = 26; // room for the today label

  for (const p of data.pairs) {
    const { dim, emph, eventHit } = emphasis(p, state.highlight);
    // Levels after each deal: paid money, then conditional and "up to" money kept apart from it.
    const steps: Step[] = [{ t: t0, paid: 0, cond: 0, upTo: 0 }];
    const markers: Panel['markers'] = [];
    for (const d of p.deals) {
      const prev = steps.at(-1)!;
      const sum = (s: FlowPart['status']) => d.parts.filter((x) => x.status === s).reduce((a, x) => a + (x.value ?? 0), 0);
      const next = { t: dayNum(d.date), paid: prev.paid + sum('paid'), cond: prev.cond + sum('conditional'), upTo: prev.upTo + sum('up-to') };
      steps.push(next);
      const top = d.parts.some((x) => x.status === 'paid') ? next.paid : next.paid + next.cond + next.upTo;
      const key = dealKey(p, d);
      const dimDeal = dim || (eventHit && d.id !== state.highlight && p.deals.some((x) => x.id === state.highlight));
      markers.push({
        key,
        x: x(next.t),
        y: yv(top),
        hollow: d.reported,
        undisclosed: d.parts.some((x) => x.status === 'undisclosed'),
        aria: `${p.from.name} to ${p.to.name}, ${formatDate(d.date, d.precision)}: ${d.date > state.asOf ? 'not yet' : d.text}${d.reported ? ' (reported)' : ''}`,
        dim: dimDeal,
        emph: !dimDeal && (d.id === state.highlight || (emph && !eventHit)),
      });
    }
    steps.push({ ...steps.at(-1)!, t: t1 });

    const started = p.deals.some((d) => d.date <= state.asOf);
    const known = [...steps].reverse().find((s) => s.t <= dayNum(state.asOf)) ?? steps[0]!;
    const bits: string[] = [];
    if (known.paid > 0) bits.push(`${formatUSD(known.paid, { short: true })} committed`);
    if (known.cond > 0) bits.push(`+ ${formatUSD(known.cond, { short: true })} on conditions`);
    if (known.upTo > 0) bits.push(`+ up to ${formatUSD(known.upTo, { short: true })}`);
    const paidNote = notesAsOf(p, state.asOf).paid;
    const head = header(p, y, W, started ? [bits.join(' '), ...(paidNote ? [noteText(paidNote)] : [])].join(' · ') : 'not yet', narrow, null);
    const top = y + head.h + 4;

    // Step-after paths: each level holds until the next deal.
    const pts = (f: (s: Step) => number) => steps.map((s, i) => `${i ? `H${r2(x(s.t))}` : `M${r2(x(s.t))},${r2(yv(f(s)))}`}V${r2(yv(f(s)))}`).join('');
    const back = (f: (s: Step) => number) =>
      [...steps].reverse().map((s, i, a) => `${i ? `H${r2(x(s.t))}` : `L${r2(x(s.t))},${r2(yv(f(s)))}`}${i < a.length - 1 ? `V${r2(yv(f(a[i + 1]!)))}` : ''}`).join('');
    const band = (lo: (s: Step) => number, hi: (s: Step) => number) => `${pts(hi)}${back(lo)}Z`;
    const paidArea = band(() => 0, (s) => s.paid);
    const paidLine = pts((s) => s.paid);
    const condArea = steps.some((s) => s.cond > 0) ? band((s) => s.paid, (s) => s.paid + s.cond) : null;
    const upToArea = steps.some((s) => s.upTo > 0) ? band((s) => s.paid + s.cond, (s) => s.paid + s.cond + s.upTo) : null;
    const gridTicks = niceTicks(maxExtent(data), 2).filter((t) => t > 0);
    panels.push({
      id: p.id,
      y: top,
      h,
      color: p.from.color,
      dim,
      emph,
      texts: head.texts,
      paidArea,
      paidLine,
      condArea,
      upToArea,
      grid: gridTicks.map((t) => ({ y: yv(t), label: formatUSD(t, { short: true }) })),
      markers,
      paidMarks: p.notes.filter((n) => n.kind === 'paid-to-date').map((n) => ({ x: x(dayNum(n.date)), y: yv(n.value) })),
    });
    y = top + h + (narrow ? 14 : 18);
  }

  const plotTop = panels[0]?.y ?? 0;
  const plotBottom = y - (narrow ? 14 : 18);
  const asOfDay = dayNum(state.asOf);
  const clamped = asOfDay > t1 || asOfDay < t0;
  const tx = x(asOfDay);
  const label = `As of ${formatDateShort(state.asOf)}${clamped && asOfDay > t1 ? ' →' : ''}`;
  const anchor: 'start' | 'end' = tx + est(label, SMALL) + 6 > W ? 'end' : 'start';
  const years: { x: number; label: string }[] = [];
  const y0 = Number(data.axis.start.slice(0, 4));
  const y1 = Number(data.axis.end.slice(0, 4));
  for (let yr = y0; yr <= y1; yr += narrow ? 2 : 1) years.push({ x: x(dayNum(`${yr}-01-01`)), label: String(yr) });
  return {
    height: plotBottom + 26,
    plotW,
    panels,
    years,
    axisY: plotBottom + 18,
    today: { x: tx, y1: 18, y2: plotBottom + 4, label, anchor, labelX: anchor === 'start' ? tx + 5 : tx - 5, clamped },
    plotTop,
    plotBottom,
  };
}

/** The "over time" view at a width. */
export function overTimeLayout(data: MoneyFlowsData, state: FlowState, width: number): OverTimeLayout {
  const W = Math.max(280, Math.round(width));
  return overTime(data, state, W, W < NARROW);
}
