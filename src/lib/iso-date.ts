/**
 * A real calendar date written YYYY-MM-DD. Dependency-free on purpose: browser code (widget state, embeds) imports
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
