/**
 * compute-commitments, server side only: the chart's words, built at build time so the browser ships geometry code,
 * not sentence code. Labels for each contract, detail lines, the data table and one summary per state of the record.
 */
import type { CloudGroup, CommitRow } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatUSD, listJoin } from '../../lib/format';

const short = { short: true };

/** The dollar amount as a label: "more than $100B", "$300B", "amount not disclosed". */
export function moneyText(r: Pick<CommitRow, 'value' | 'qualifier'>, long = false): string {
  if (r.value === null) return long ? 'amount not disclosed' : 'not disclosed';
  const usd = formatUSD(r.value, long ? {} : short);
  switch (r.qualifier) {
    case 'at-least':
      return `more than ${usd}`;
    case 'about':
      return `about ${usd}`;
    case 'up-to':
      return `up to ${usd}`;
    default:
      return usd;
  }
}

export function gwText(c: NonNullable<CommitRow['capacity']>): string {
  const v = `${c.value} GW`;
  return c.qualifier === 'up-to' ? `up to ${v}` : c.qualifier === 'about' ? `about ${v}` : v;
}

export function yearsText(r: Pick<CommitRow, 'years' | 'qualifier' | 'startYear'>): string {
  if (r.years === null) return 'length not stated';
  const about = r.qualifier === 'reported' ? 'about ' : '';
  return `${about}${r.years} years${r.startYear ? ` from ${r.startYear}` : ''}`;
}

/** Every label a row needs, in words. */
export function rowWords(r: Omit<CommitRow, 'words'>, cloud: string): CommitRow['words'] {
  const who = `${r.lab.name} to ${cloud}, ${formatDate(r.date, r.precision)}`;
  const bits = [`${who}: ${moneyText(r, true)} (${QUALIFIER_WORDS[r.qualifier]})`];
  if (r.years !== null) bits.push(`over ${yearsText(r)}`);
  if (r.capacity) bits.push(`${gwText(r.capacity)} of capacity (${QUALIFIER_WORDS[r.capacity.qualifier]}), a measure of power, not money`);
  if (r.chipLabel) bits.push(`chips: ${r.chipLabel}`);
  return {
    who,
    date: formatDateShort(r.date, r.precision === 'day' ? 'month' : r.precision),
    value: moneyText(r),
    gw: r.capacity ? gwText(r.capacity) : '',
    years: r.years === null ? '' : yearsText(r),
    yearsShort: r.years === null ? '' : `${r.qualifier === 'reported' ? '~' : ''}${r.years}`,
    yearsFrom: r.years !== null && r.startYear ? `from ${r.startYear}` : '',
    detail: `${bits.join('; ')}. ${r.note ?? ''} Source: ${r.sourceNames.join('; ')}.`.replace(/\s+/g, ' '),
  };
}

/** The words after "As of June 1, 2026: ": one clause per lab, each contract named with its own amount. */
export function summarize(groups: CloudGroup[], asOf: string): string | null {
  const labs = new Map<string, { name: string; bits: string[] }>();
  for (const g of groups) {
    const rows = g.rows.filter((r) => r.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
    const byLab = new Map<string, CommitRow[]>();
    for (const r of rows) byLab.set(r.lab.id, [...(byLab.get(r.lab.id) ?? []), r]);
    for (const [lab, list] of byLab) {
      const words = list.map((r) => {
        const parts = [r.value === null ? 'amount not disclosed' : `${r.qualifier === 'reported' ? 'a reported ' : ''}${moneyText(r, true)}`];
        if (r.years !== null) parts[0] += ` over ${yearsText(r)}`;
        // Where the record names the chips through the capacity ("about 2 GW of Trainium"), the chips go with it, not with the whole sum.
        const chipsOnCapacity = r.capacity !== null && r.chip === 'trainium';
        if ((r.chip === 'nvidia-gpu' || r.chip === 'trainium') && !chipsOnCapacity) parts[0] += ` on ${r.chipLabel}`;
        if (r.capacity) parts.push(`${gwText(r.capacity).replace('GW', r.capacity.value === 1 ? 'gigawatt' : 'gigawatts')}${chipsOnCapacity ? ` of ${r.chipLabel} capacity` : ''}`);
        return parts.join(', ');
      });
      let text = `${g.name} (${words.join('; ')}`;
      if (g.total && g.total.date <= asOf && list.length > 1) text += `: ${formatUSD(g.total.value)} in all`;
      text += ')';
      const entry = labs.get(lab) ?? { name: list[0]!.lab.name, bits: [] };
      entry.bits.push(text);
      labs.set(lab, entry);
    }
  }
  if (labs.size === 0) return null;
  const clauses = [...labs.values()].map((l) => `${l.name} had spending commitments with ${listJoin(l.bits)}`);
  return `${clauses.join('; ')}. Each is a separate contract; none is added to another.`;
}

export const NONE_YET = 'none of these compute commitments had been made.';

/** One summary per state of the record: a new one starts at each contract or stated total. */
export function summaries(groups: CloudGroup[]): { from: string; text: string }[] {
  const dates = [...new Set(groups.flatMap((g) => [...g.rows.map((r) => r.date), ...(g.total ? [g.total.date] : [])]))].sort();
  return dates.flatMap((from) => {
    const text = summarize(groups, from);
    return text ? [{ from, text }] : [];
  });
}

/** The data table without its last column, which says whether each row had happened by the chart's date. */
export function tableRows(groups: CloudGroup[]): { columns: DataTable['columns']; rows: { date: string; known: string; cells: Record<string, string> }[] } {
  const rows: { date: string; known: string; cells: Record<string, string> }[] = [];
  for (const g of groups) {
    for (const r of g.rows) {
      rows.push({
        date: r.date,
        known: 'signed',
        cells: {
          lab: r.lab.name,
          cloud: g.name,
          date: formatDate(r.date, r.precision),
          amount: moneyText(r, true),
          sure: QUALIFIER_WORDS[r.qualifier],
          years: r.years === null ? 'not stated' : yearsText(r),
          gw: r.capacity ? gwText(r.capacity) : '',
          chips: r.chipLabel ?? 'not stated',
        },
      });
    }
    if (g.total) {
      rows.push({
        date: g.total.date,
        known: 'known',
        cells: {
          lab: g.rows[0]!.lab.name,
          cloud: g.name,
          date: formatDate(g.total.date),
          amount: `${formatUSD(g.total.value)} in all`,
          sure: 'a stated total: not added to the contracts',
          years: '',
          gw: '',
          chips: '',
        },
      });
    }
  }
  return {
    columns: [
      { key: 'lab', label: 'Lab' },
      { key: 'cloud', label: 'Cloud' },
      { key: 'date', label: 'Date' },
      { key: 'amount', label: 'Committed', numeric: true },
      { key: 'sure', label: 'How sure' },
      { key: 'years', label: 'Length' },
      { key: 'gw', label: 'Capacity' },
      { key: 'chips', label: 'Chips' },
    ],
    rows,
  };
}
