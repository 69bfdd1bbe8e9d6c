/**
 * ISO dates (YYYY-MM-DD, UTC): which strings are real calendar dates, and day arithmetic for the charts' time scales
 * and "as of" controls. Dependency-free on purpose: browser code (widget state, embeds) imports
 * it, and importing it from factbase/schema instead would pull zod (~24 KB gzip) into every chart's client bundle.
 * factbase/schema.ts has the same rule for the fact base; tests/unit/embed-params.test.ts holds the two together.
 */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const DAY = 86_400_000;

/** Midnight UTC of an ISO day, as a Date (what d3's UTC time scales take). */
export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Days since 1970-01-01, and back. */
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
