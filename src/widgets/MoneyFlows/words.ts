/**
 * money-flows, server side only: the words of the chart, filled at build time from content/charts/money-flows.yaml so
 * the browser ships geometry code and not sentence code. Chart labels, detail lines, the data table and one summary
 * per state of the record; which clauses a sentence has is decided here, every word of them is in the file.
 */
import type { FlowDeal, FlowNote, FlowPair, FlowPart } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatUSD } from '../../lib/format';
import { fill, type WordValues } from '../../lib/chart-words';
import type { ChartWords } from '../../lib/factbase/chart-words-schema';
import { notesAsOf } from './view';

export type MoneyFlowsWords = ChartWords<'money-flows'>;

export const say = (template: string, values: WordValues = {}) => fill(template, values, 'money-flows');
const usd = (n: number) => ({ usd: n });
const isReported = (d: FlowDeal) => d.parts.some((p) => p.qualifier === 'reported');
export const dealLabel = (d: Pick<FlowDeal, 'date' | 'precision'>) => formatDateShort(d.date, d.precision === 'day' ? 'month' : d.precision);

/** Amount words, as short as a chart label can be, with the certainty kept in the words. */
export function partText(w: MoneyFlowsWords, p: FlowPart, i: number, dealHasLater: boolean): string {
  const amount = usd(p.value ?? 0);
  let text: string;
  switch (p.status) {
    case 'undisclosed':
      text = say(w.part.undisclosed);
      break;
    case 'conditional':
      text = say(w.part.conditional, { amount });
      break;
    case 'up-to':
      text = say(w.part.upTo, { amount });
      break;
    default: {
      text = say(p.qualifier === 'about' ? w.part.about : p.qualifier === 'at-least' ? w.part.atLeast : w.part.paid, { amount });
      if (dealHasLater) text = say(w.part.now, { part: text });
    }
  }
  return i > 0 ? say(w.part.next, { part: text }) : text;
}

export function dealText(w: MoneyFlowsWords, d: Pick<FlowDeal, 'parts'>): string {
  const later = d.parts.some((p) => p.status !== 'paid');
  return d.parts.map((p, i) => partText(w, p, i, later && p.status === 'paid')).join(' ');
}

/** What a deal is, in words: for the detail line under the chart. */
export function dealDetail(w: MoneyFlowsWords, p: FlowPair, d: FlowDeal): string {
  const parts = d.parts.map((x) => {
    const amount = x.value === null ? say(w.detail.undisclosed) : formatUSD(x.value);
    const sure = QUALIFIER_WORDS[x.qualifier];
    return x.note ? say(w.detail.partWithNote, { amount, sure, note: x.note }) : say(w.detail.part, { amount, sure });
  });
  const sources = [...new Set(d.parts.flatMap((x) => x.sourceNames))];
  return say(w.detail.text, { from: p.from.name, to: p.to.name, date: { date: d.date, precision: d.precision }, title: d.title, parts: parts.join(' '), sources: sources.join('; ') });
}

/** A running total or an amount paid in, as a label beside the bar ("$13B in all", "$11.6B paid in by Jun 2025"). */
export function noteWords(w: MoneyFlowsWords, n: Pick<FlowNote, 'kind' | 'qualifier' | 'value' | 'date' | 'headline'>): string {
  const amount = usd(n.value);
  if (n.kind === 'paid-to-date') return say(w.note.paidIn, { amount, date: { date: n.date } });
  if (n.qualifier === 'up-to') return say(w.note.totalUpTo, { amount });
  if (n.headline) return say(w.note.headline, { amount });
  return say(n.qualifier === 'about' ? w.note.totalAbout : w.note.total, { amount });
}

/** The clauses after "As of March 1, 2026: ": "Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported); …" */
export function summarize(w: MoneyFlowsWords, pairs: FlowPair[], asOf: string): string | null {
  const s = w.summary;
  const clauses: string[] = [];
  for (const p of pairs) {
    const deals = p.deals.filter((d) => d.date <= asOf);
    if (deals.length === 0) continue;
    const parts = deals.flatMap((d) => d.parts);
    const sum = (st: FlowPart['status']) => parts.filter((x) => x.status === st).reduce((a, x) => a + (x.value ?? 0), 0);
    const paidDeals = deals.filter((d) => d.parts.some((x) => x.status === 'paid'));
    const reported = paidDeals.filter(isReported).length;
    const { totals, paid } = notesAsOf(p, asOf);
    const lastPaidDeal = paidDeals.at(-1)?.date ?? '';
    // A company's own running total stands in for the sum of its parts when it covers every round so far.
    const total = totals.find((n) => !n.headline && (n.qualifier === 'exact' || n.qualifier === 'about') && n.date >= lastPaidDeal);
    const paidSum = total ? total.value : sum('paid');
    const approx = total ? total.qualifier === 'about' : reported > 0;
    const names = { from: p.from.name, to: p.to.name };
    let c: string;
    if (paidDeals.length > 0) {
      c = say(s.committed, { ...names, amount: { value: paidSum, unit: 'USD', kind: 'investment', qualifier: approx ? 'about' : 'exact' } });
      if (paidDeals.length > 1) c += say(s.rounds, { count: paidDeals.length });
      if (reported > 0) c += reported === paidDeals.length && reported === 1 ? say(s.reportedOne) : say(s.reportedSome, { count: reported });
      if (paid) c += say(s.paidIn, { amount: usd(paid.value), date: { date: paid.date } });
      if (sum('conditional') > 0) c += say(s.conditional, { amount: usd(sum('conditional')) });
      if (sum('up-to') > 0) c += say(s.upTo, { amount: usd(sum('up-to')) });
    } else if (sum('up-to') > 0) {
      c = say(s.promisedUpTo, { ...names, amount: usd(sum('up-to')) });
      if (sum('conditional') > 0) c += say(s.andConditional, { amount: usd(sum('conditional')) });
    } else if (sum('conditional') > 0) {
      c = say(s.promisedConditional, { ...names, amount: usd(sum('conditional')) });
    } else {
      c = say(s.undisclosed, names);
    }
    const undisclosed = parts.filter((x) => x.status === 'undisclosed').length;
    if (undisclosed > 0 && paidDeals.length > 0) c += say(s.plusUndisclosed, { count: undisclosed });
    clauses.push(c);
  }
  return clauses.length ? clauses.join('; ') : null;
}

/** What the summary says before the first deal ({date} is the chart's date). */
export function noneYet(w: MoneyFlowsWords, pairs: FlowPair[]): string {
  const first = pairs.flatMap((p) => p.deals.map((d) => ({ p, d }))).sort((a, b) => a.d.date.localeCompare(b.d.date))[0]!;
  return say(w.summary.noneYet, { date: '{date}', from: first.p.from.name, to: first.p.to.name, first: { date: first.d.date, precision: first.d.precision } });
}

/** One summary per state of the record, {date} being the chart's date: a new one starts at each deal or note date. */
export function summaries(w: MoneyFlowsWords, pairs: FlowPair[]): { from: string; text: string }[] {
  const dates = [...new Set(pairs.flatMap((p) => [...p.deals.map((d) => d.date), ...p.notes.map((n) => n.date)]))].sort();
  return dates.flatMap((from) => {
    const clauses = summarize(w, pairs, from);
    return clauses ? [{ from, text: say(w.summary.asOf, { date: '{date}', clauses }) }] : [];
  });
}

/** The data table without its last column, which says whether each row had happened by the chart's date. */
export function tableRows(w: MoneyFlowsWords, pairs: FlowPair[]): { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] } {
  const t = w.table;
  const rows: { date: string; known: string; cells: Record<string, string> }[] = [];
  const drawn = { paid: t.paid, conditional: t.conditional, 'up-to': t.upTo, undisclosed: t.undisclosedDrawn };
  for (const p of pairs) {
    const pair = `${p.from.name} → ${p.to.name}`;
    for (const d of p.deals) {
      for (const x of d.parts) {
        rows.push({
          date: d.date,
          known: say(t.made),
          cells: {
            pair,
            date: formatDate(d.date, d.precision),
            amount: x.value === null ? say(t.undisclosed) : formatUSD(x.value),
            sure: QUALIFIER_WORDS[x.qualifier],
            drawn: say(drawn[x.status]),
          },
        });
      }
    }
    for (const n of p.notes) {
      rows.push({
        date: n.date,
        known: say(t.known),
        cells: {
          pair,
          date: formatDate(n.date),
          amount: formatUSD(n.value),
          sure: QUALIFIER_WORDS[n.qualifier],
          drawn: say(n.kind === 'paid-to-date' ? t.paidToDate : t.total),
        },
      });
    }
  }
  return {
    columns: [
      { key: 'pair', label: say(t.pair) },
      { key: 'date', label: say(t.date) },
      { key: 'amount', label: say(t.amount), numeric: true },
      { key: 'sure', label: say(t.sure) },
      { key: 'drawn', label: say(t.drawn) },
    ],
    rows,
  };
}
