/**
 * Words for numbers and dates, as the site prints them: the one place for both (pages, chart labels and axis ticks
 * alike; src/widgets/kit uses these). Dates are calendar days in UTC; certainty is part of the wording, never dropped.
 */
import type { Figure, Precision, Qualifier, Source } from './factbase/schema';

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
// English month names as a table, not Intl: the chart runtime formats dates in the reader's browser, where making an
// Intl.DateTimeFormat loads ICU's date patterns for words that never change (without it, 6–13 ms less main thread at
// page load in Lighthouse traces).
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (m: number, short = false): string => (short ? MONTHS[m - 1]!.slice(0, 3) : MONTHS[m - 1]!);

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

/** "April 27, 2026", "June 2024", "Q1 2025", "2021" — only as precise as the record. */
export function formatDate(iso: string, precision: Precision = 'day'): string {
  const [y, m, d] = parts(iso);
  switch (precision) {
    case 'year':
      return String(y);
    case 'quarter':
      return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    case 'month':
      return `${monthName(m)} ${y}`;
    default:
      return `${monthName(m)} ${d}, ${y}`;
  }
}

/** Compact form for chart labels: "Apr 27, 2026", "Jun 2024". */
export function formatDateShort(iso: string, precision: Precision = 'day'): string {
  const [y, m, d] = parts(iso);
  if (precision === 'year') return String(y);
  if (precision === 'quarter') return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  if (precision === 'month') return `${monthName(m, true)} ${y}`;
  return `${monthName(m, true)} ${d}, ${y}`;
}

/** A month's short name, for a tick between years: "Jul". */
export const formatMonthShort = (iso: string): string => monthName(parts(iso)[1], true);

function trimNumber(n: number, maxDecimals: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: maxDecimals, minimumFractionDigits: 0 });
}

/** "$13 billion", "$1.25 billion", "$500 million". */
export function formatUSD(value: number, { short = false }: { short?: boolean } = {}): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return short ? `$${trimNumber(value / 1e12, 2)}T` : `$${trimNumber(value / 1e12, 2)} trillion`;
  if (abs >= 1e9) return short ? `$${trimNumber(value / 1e9, 2)}B` : `$${trimNumber(value / 1e9, 2)} billion`;
  if (abs >= 1e6) return short ? `$${trimNumber(value / 1e6, 1)}M` : `$${trimNumber(value / 1e6, 1)} million`;
  return `$${trimNumber(value, 0)}`;
}

/** An axis tick on a dollar axis: "$0", "$50B". */
export const formatTickUSD = (value: number): string => (value === 0 ? '$0' : formatUSD(value, { short: true }));

/** A year where years are narrow on an axis: "’24". */
export const formatYearShort = (year: number): string => `’${String(year).slice(2)}`;

/** The bare amount in its unit, without any qualifier. */
export function formatValue(f: Pick<Figure, 'value' | 'unit' | 'kind'>, opts: { short?: boolean } = {}): string {
  if (f.value === null) return 'undisclosed';
  const v = f.value;
  switch (f.unit) {
    case 'USD':
      return formatUSD(v, opts);
    case 'percent':
      return `${trimNumber(v, 1)}%`;
    case 'GW':
      return opts.short ? `${trimNumber(v, 1)} GW` : `${trimNumber(v, 1)} ${v === 1 ? 'gigawatt' : 'gigawatts'}`;
    case 'years':
      return `${trimNumber(v, 1)} ${v === 1 ? 'year' : 'years'}`;
    case 'chips':
      return `${trimNumber(v, 0)} chips`;
    case 'count':
      // Calendar years are counts too, and must not get a thousands separator.
      if (f.kind === 'year') return String(v);
      // House style: whole numbers below ten are spelled out ("eight days", "two models").
      return Number.isInteger(v) && v >= 0 && v < 10 ? SMALL[v]! : trimNumber(v, 0);
  }
}

const PREFIX: Partial<Record<Qualifier, string>> = {
  about: 'about ',
  'up-to': 'up to ',
  'at-least': 'more than ',
};

/**
 * "$13 billion", "up to $20 billion", "about 27%", "more than $100 billion", "undisclosed".
 * Reported and conditional amounts carry their caveat in words after the amount.
 */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier'>, opts: { short?: boolean } = {}): string {
  if (f.qualifier === 'undisclosed' || f.value === null) return 'undisclosed';
  const base = formatValue(f, opts);
  const prefix = PREFIX[f.qualifier] ?? '';
  if (f.qualifier === 'reported') return opts.short ? `${base} (reported)` : `a reported ${base}`;
  if (f.qualifier === 'conditional') return `${base} on conditions`;
  return `${prefix}${base}`;
}

/** "$15 billion now, $35 billion on conditions": one deal in two parts, never summed into one number. */
export function formatSplit(now: Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier'>, later: Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier'>): string {
  const first = `${formatValue(now)} now`;
  const second =
    later.qualifier === 'up-to' ? `up to ${formatValue(later)} more on milestones` : later.qualifier === 'conditional' ? `${formatValue(later)} on conditions` : formatFigure(later);
  return `${first}, ${second}`;
}

/** Words a reader needs to weigh a figure: shown in tooltips, tables and downloads. */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'as announced',
  about: 'approximate',
  reported: 'reported by the press, not confirmed by the companies',
  'up-to': 'a ceiling ("up to"), not money paid',
  'at-least': 'a floor ("more than")',
  conditional: 'due only if conditions are met',
  undisclosed: 'not disclosed',
};

/** Ordinal and list helpers used in generated sentences. */
export function listJoin(items: string[], conj = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${conj} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${conj} ${items.at(-1)}`;
}

/** A source's publication date, "about …" where the date itself is an estimate. */
export function formatSourceDate(s: Pick<Source, 'published' | 'precision' | 'approximate'>): string {
  return `${s.approximate ? 'about ' : ''}${formatDate(s.published, s.precision)}`;
}
