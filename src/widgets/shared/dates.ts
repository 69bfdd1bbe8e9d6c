/** Day arithmetic on ISO dates (UTC), shared by the "as of" control, live-dom and the charts' islands. */
const DAY = 86_400_000;

/** Days since 1970-01-01. */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The same day n months later (or earlier), kept inside the target month: Jan 31 + 1 month = Feb 28/29. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}
