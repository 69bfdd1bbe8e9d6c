/**
 * compute-commitments, server side only: the chart's words, filled at build time from
 * content/charts/compute-commitments.yaml so the browser ships geometry code, not sentence code. Labels for each
 * contract, detail lines, the data table and one summary per state of the record.
 */
import type { CloudGroup, CommitRow } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatUSD, listJoin } from '../../lib/format';
import { fill, type WordValues } from '../../lib/chart-words';
import type { ChartWords } from '../../lib/factbase/chart-words-schema';

export type ComputeWords = ChartWords<'compute-commitments'>;

export const say = (template: string, values: WordValues = {}) => fill(template, values, 'compute-commitments');
const short = { short: true };

/** The dollar amount as a label: "more than $100B", "$300B", "amount not disclosed". */
export function moneyText(w: ComputeWords, r: Pick<CommitRow, 'value' | 'qualifier'>, long = false): string {
  if (r.value === null) return say(long ? w.amount.undisclosedLong : w.amount.undisclosed);
  const amount = formatUSD(r.value, long ? {} : short);
  const template = { 'at-least': w.amount.atLeast, about: w.amount.about, 'up-to': w.amount.upTo }[r.qualifier as string] ?? w.amount.exact;
  return say(template, { amount });
}

/** Gigawatts as a label ("up to 5 GW"), or written out for the summary ("up to 5 gigawatts"). */
export function gwText(w: ComputeWords, c: NonNullable<CommitRow['capacity']>, long = false): string {
  const unit = long ? say(w.capacity.unitLong, { count: c.value }) : say(w.capacity.unit);
  const template = c.qualifier === 'up-to' ? w.capacity.upTo : c.qualifier === 'about' ? w.capacity.about : w.capacity.exact;
  return say(template, { gw: String(c.value), unit });
}

export function yearsText(w: ComputeWords, r: Pick<CommitRow, 'years' | 'qualifier' | 'startYear'>): string {
  if (r.years === null) return say(w.length.notStated);
  const years = say(r.qualifier === 'reported' ? w.length.about : w.length.years, { years: String(r.years) });
  return r.startYear ? `${years} ${say(w.length.from, { year: String(r.startYear) })}` : years;
}

/** Every label a row needs, in words. */
export function rowWords(w: ComputeWords, r: Omit<CommitRow, 'words'>, cloud: string): CommitRow['words'] {
  const who = say(w.detail.who, { lab: r.lab.name, cloud, date: { date: r.date, precision: r.precision } });
  const bits = [say(w.detail.amount, { who, amount: moneyText(w, r, true), sure: QUALIFIER_WORDS[r.qualifier] })];
  if (r.years !== null) bits.push(say(w.detail.over, { years: yearsText(w, r) }));
  if (r.capacity) bits.push(say(w.detail.capacity, { gw: gwText(w, r.capacity), sure: QUALIFIER_WORDS[r.capacity.qualifier] }));
  if (r.chipLabel) bits.push(say(w.detail.chips, { chips: r.chipLabel }));
  return {
    who,
    date: formatDateShort(r.date, r.precision === 'day' ? 'month' : r.precision),
    value: moneyText(w, r),
    gw: r.capacity ? gwText(w, r.capacity) : '',
    years: r.years === null ? '' : yearsText(w, r),
    yearsShort: r.years === null ? '' : `${r.qualifier === 'reported' ? '~' : ''}${r.years}`,
    yearsFrom: r.years !== null && r.startYear ? say(w.length.from, { year: String(r.startYear) }) : '',
    detail: say(w.detail.text, { bits: bits.join('; '), note: r.note ?? '', sources: r.sourceNames.join('; ') }).replace(/\s+/g, ' '),
  };
}

/** The clauses after "As of June 1, 2026: ": one per lab, each contract named with its own amount. */
export function summarize(w: ComputeWords, groups: CloudGroup[], asOf: string): string | null {
  const s = w.summary;
  const labs = new Map<string, { name: string; bits: string[] }>();
  for (const g of groups) {
    const rows = g.rows.filter((r) => r.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
    const byLab = new Map<string, CommitRow[]>();
    for (const r of rows) byLab.set(r.lab.id, [...(byLab.get(r.lab.id) ?? []), r]);
    for (const [lab, list] of byLab) {
      const contracts = list.map((r) => {
        let first = r.value === null ? say(w.amount.undisclosedLong) : r.qualifier === 'reported' ? say(w.amount.reported, { amount: moneyText(w, r, true) }) : moneyText(w, r, true);
        if (r.years !== null) first = say(s.over, { amount: first, years: yearsText(w, r) });
        const chipsOnCapacity = r.capacity !== null && r.chip === 'trainium';
        if ((r.chip === 'nvidia-gpu' || r.chip === 'trainium') && r.chipLabel && !chipsOnCapacity) first = say(s.on, { amount: first, chips: r.chipLabel });
        if (!r.capacity) return first;
        const capacity = gwText(w, r.capacity, true);
        return [first, chipsOnCapacity && r.chipLabel ? say(s.capacityOf, { capacity, chips: r.chipLabel }) : capacity].join(', ');
      });
      const values = { cloud: g.name, contracts: contracts.join('; ') };
      const text = g.total && g.total.date <= asOf && list.length > 1 ? say(s.cloudTotal, { ...values, total: formatUSD(g.total.value) }) : say(s.cloud, values);
      const entry = labs.get(lab) ?? { name: list[0]!.lab.name, bits: [] };
      entry.bits.push(text);
      labs.set(lab, entry);
    }
  }
  if (labs.size === 0) return null;
  return [...labs.values()].map((l) => say(s.lab, { lab: l.name, clouds: listJoin(l.bits) })).join('; ');
}

/** One summary per state of the record, {date} being the chart's date: a new one starts at each contract or stated total. */
export function summaries(w: ComputeWords, groups: CloudGroup[]): { from: string; text: string }[] {
  const dates = [...new Set(groups.flatMap((g) => [...g.rows.map((r) => r.date), ...(g.total ? [g.total.date] : [])]))].sort();
  return dates.flatMap((from) => {
    const clauses = summarize(w, groups, from);
    return clauses ? [{ from, text: say(w.summary.asOf, { date: '{date}', clauses }) }] : [];
  });
}

/** The data table without its last column, which says whether each row had happened by the chart's date. */
export function tableRows(w: ComputeWords, groups: CloudGroup[]): { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] } {
  const t = w.table;
  const rows: { date: string; known: string; cells: Record<string, string> }[] = [];
  for (const g of groups) {
    for (const r of g.rows) {
      rows.push({
        date: r.date,
        known: say(t.signed),
        cells: {
          lab: r.lab.name,
          cloud: g.name,
          date: formatDate(r.date, r.precision),
          amount: moneyText(w, r, true),
          sure: QUALIFIER_WORDS[r.qualifier],
          years: r.years === null ? say(t.notStated) : yearsText(w, r),
          gw: r.capacity ? gwText(w, r.capacity) : '',
          chips: r.chipLabel ?? say(t.notStated),
        },
      });
    }
    if (g.total) {
      rows.push({
        date: g.total.date,
        known: say(t.known),
        cells: {
          lab: g.rows[0]!.lab.name,
          cloud: g.name,
          date: formatDate(g.total.date),
          amount: say(w.amount.total, { amount: formatUSD(g.total.value) }),
          sure: say(t.total),
          years: '',
          gw: '',
          chips: '',
        },
      });
    }
  }
  return {
    columns: [
      { key: 'lab', label: say(t.lab) },
      { key: 'cloud', label: say(t.cloud) },
      { key: 'date', label: say(t.date) },
      { key: 'amount', label: say(t.amount), numeric: true },
      { key: 'sure', label: say(t.sure) },
      { key: 'years', label: say(t.years) },
      { key: 'gw', label: say(t.gw) },
      { key: 'chips', label: say(t.chips) },
    ],
    rows,
  };
}
