/**
 * The month arithmetic of the "as of" slider's keys, as ../shared/AsOfControl.svelte does it. Copied rather than
 * imported: importing it from the component's module would bring the component into the live island's bundle.
 */

/** The same day n months later (or earlier), kept inside the target month: Jan 31 + 1 month = Feb 28/29. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}
