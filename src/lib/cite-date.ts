/** Dates as the citation styles write them. Tiny on purpose: the browser loads it to set access dates. */

/** How a style writes the access date: "November 30, 2026", "30 Nov. 2026" or "2026-11-30". */
export type DateFormat = 'long' | 'mla' | 'iso';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA abbreviates months of more than four letters. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export function formatCiteDate(iso: string, format: DateFormat): string {
  if (format === 'iso') return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return format === 'mla' ? `${d} ${MLA_MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
