/**
 * money-flows, server side only: the words of the chart, built once at build time so the browser ships geometry code
 * and not sentence code. Chart labels, detail lines, the data table and one summary per state of the record.
 */
import type { FlowDeal, FlowPair, FlowPart } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatUSD } from '../../lib/format';
import { notesAsOf } from './view';

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const words = (n: number) => NUMBERS[n] ?? String(n);
const isReported = (d: FlowDeal) => d.parts.some((p) => p.qualifier === 'reported');
export const dealLabel = (d: Pick<FlowDeal, 'date' | 'precision'>) => formatDateShort(d.date, d.precision === 'day' ? 'month' : d.precision);

/** Amount words, as short as a chart label can be, with the certainty kept in the words. */
export function partText(p: FlowPart, i: number, dealHasLater: boolean): string {
  const usd = p.value === null ? '' : formatUSD(p.value, { short: true });
  const more = i > 0 ? '+ ' : '';
  switch (p.status) {
    case 'undisclosed':
      return `${more}amount undisclosed`;
    case 'conditional':
      return `${more}${usd} on conditions`;
    case 'up-to':
      return `${more}up to ${usd}`;
    default: {
      const pre = p.qualifier === 'about' ? 'about ' : p.qualifier === 'at-least' ? 'more than ' : '';
      return `${more}${pre}${usd}${dealHasLater ? ' now' : ''}`;
    }
  }
}

export function dealText(d: Pick<FlowDeal, 'parts'>): string {
  const later = d.parts.some((p) => p.status !== 'paid');
  return d.parts.map((p, i) => partText(p, i, later && p.status === 'paid')).join(' ');
}

/** What a deal is, in words: for the detail line under the chart. */
export function dealDetail(p: FlowPair, d: FlowDeal): string {
  const parts = d.parts.map((x) => {
    const amount = x.value === null ? 'amount undisclosed' : formatUSD(x.value);
    return `${amount} (${QUALIFIER_WORDS[x.qualifier]})${x.note ? `: ${x.note}` : '.'}`;
  });
  const sources = [...new Set(d.parts.flatMap((x) => x.sourceNames))];
  return `${p.from.name} into ${p.to.name}, ${formatDate(d.date, d.precision)}. ${d.title}: ${parts.join(' ')} Source: ${sources.join('; ')}.`;
}

/** The words after "As of March 1, 2026: ": "Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported); …" */
export function summarize(pairs: FlowPair[], asOf: string): string | null {
  const clauses: string[] = [];
  for (const p of pairs) {
    const deals = p.deals.filter((d) => d.date <= asOf);
    if (deals.length === 0) continue;
    const parts = deals.flatMap((d) => d.parts);
    const sum = (s: FlowPart['status']) => parts.filter((x) => x.status === s).reduce((a, x) => a + (x.value ?? 0), 0);
    const paidDeals = deals.filter((d) => d.parts.some((x) => x.status === 'paid'));
    const reported = paidDeals.filter(isReported).length;
    const { totals, paid } = notesAsOf(p, asOf);
    const lastPaidDeal = paidDeals.at(-1)?.date ?? '';
    // A company's own running total stands in for the sum of its parts when it covers every round so far.
    const total = totals.find((n) => !n.headline && (n.qualifier === 'exact' || n.qualifier === 'about') && n.date >= lastPaidDeal);
    const paidSum = total ? total.value : sum('paid');
    const approx = total ? total.qualifier === 'about' : reported > 0;
    let c: string;
    if (paidDeals.length > 0) {
      c = `${p.from.name} had committed ${approx ? 'about ' : ''}${formatUSD(paidSum)} to ${p.to.name}`;
      if (paidDeals.length > 1) c += ` in ${words(paidDeals.length)} rounds`;
      if (reported > 0) c += ` (${reported === paidDeals.length && reported === 1 ? 'amount' : `${words(reported)} ${reported === 1 ? 'amount' : 'amounts'}`} reported)`;
      if (paid) c += `, ${formatUSD(paid.value)} of it paid in as disclosed on ${formatDate(paid.date)}`;
      if (sum('conditional') > 0) c += `, with ${formatUSD(sum('conditional'))} more on conditions`;
      if (sum('up-to') > 0) c += `, with up to ${formatUSD(sum('up-to'))} more`;
    } else if (sum('up-to') > 0) {
      c = `${p.from.name} had promised up to ${formatUSD(sum('up-to'))} to ${p.to.name}`;
      if (sum('conditional') > 0) c += `, and ${formatUSD(sum('conditional'))} on conditions`;
    } else if (sum('conditional') > 0) {
      c = `${p.from.name} had promised ${formatUSD(sum('conditional'))} to ${p.to.name} on conditions`;
    } else {
      c = `${p.from.name} had invested an undisclosed amount in ${p.to.name}`;
    }
    const undisclosed = parts.filter((x) => x.status === 'undisclosed').length;
    if (undisclosed > 0 && paidDeals.length > 0) c += `, plus ${words(undisclosed)} undisclosed ${undisclosed === 1 ? 'amount' : 'amounts'}`;
    clauses.push(c);
  }
  return clauses.length ? `${clauses.join('; ')}.` : null;
}

/** What the summary says before the first deal. */
export function noneYet(pairs: FlowPair[]): string {
  const first = pairs.flatMap((p) => p.deals.map((d) => ({ p, d }))).sort((a, b) => a.d.date.localeCompare(b.d.date))[0]!;
  return `none of these investments had been made. The first, ${first.p.from.name}'s in ${first.p.to.name}, came on ${formatDate(first.d.date, first.d.precision)}.`;
}

/** One summary per state of the record: a new one starts at each deal or note date. */
export function summaries(pairs: FlowPair[]): { from: string; text: string }[] {
  const dates = [...new Set(pairs.flatMap((p) => [...p.deals.map((d) => d.date), ...p.notes.map((n) => n.date)]))].sort();
  return dates.flatMap((from) => {
    const text = summarize(pairs, from);
    return text ? [{ from, text }] : [];
  });
}

/** The data table without its last column, which says whether each row had happened by the chart's date. */
export function tableRows(pairs: FlowPair[]): { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] } {
  const rows: { date: string; known: string; cells: Record<string, string> }[] = [];
  for (const p of pairs) {
    for (const d of p.deals) {
      for (const x of d.parts) {
        rows.push({
          date: d.date,
          known: 'made',
          cells: {
            pair: `${p.from.name} → ${p.to.name}`,
            date: formatDate(d.date, d.precision),
            amount: x.value === null ? 'undisclosed' : formatUSD(x.value),
            sure: QUALIFIER_WORDS[x.qualifier],
            drawn: { paid: 'solid', conditional: 'hatched', 'up-to': 'outline', undisclosed: 'dashed, "?"' }[x.status],
          },
        });
      }
    }
    for (const n of p.notes) {
      rows.push({
        date: n.date,
        known: 'known',
        cells: {
          pair: `${p.from.name} → ${p.to.name}`,
          date: formatDate(n.date),
          amount: formatUSD(n.value),
          sure: QUALIFIER_WORDS[n.qualifier],
          drawn: n.kind === 'paid-to-date' ? 'label and tick: paid in by then' : 'label: running total, not added',
        },
      });
    }
  }
  return {
    columns: [
      { key: 'pair', label: 'Investor → recipient' },
      { key: 'date', label: 'Date' },
      { key: 'amount', label: 'Amount', numeric: true },
      { key: 'sure', label: 'How sure' },
      { key: 'drawn', label: 'Drawn as' },
    ],
    rows,
  };
}
