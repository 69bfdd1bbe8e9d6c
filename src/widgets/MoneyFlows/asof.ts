/**
 * money-flows: what follows the chart's date to the day (not only from one deal to the next), shared by the drawing
 * at build time and the live island in the browser, so both place it alike: the today line of the "over time" view
 * (clamped to its axis, unlike ../shared/live-dom.ts's as-of line).
 */
import { formatDateShort } from '../../lib/format';

/** `data-mf-today` on the over-time drawing: the axis in days since 1970, the plot's width and the drawing's. */
export const todayScale = (d0: number, d1: number, plotW: number, width: number) => `${d0} ${d1} ${plotW} ${width}`;

export function todayAt(scale: string, asOf: string): { x: number; label: string; anchor: 'start' | 'end' } {
  const [d0 = 0, d1 = 1, plotW = 0, width = 0] = scale.split(' ').map(Number);
  const day = Date.parse(`${asOf}T00:00:00Z`) / 86_400_000;
  const x = (plotW * (Math.min(d1, Math.max(d0, day)) - d0)) / (d1 - d0);
  const label = `As of ${formatDateShort(asOf)}${day > d1 ? ' →' : ''}`;
  // 12.5px text at a generous 0.6em a glyph: past the right edge, the label goes to the line's left.
  return { x, label, anchor: x + label.length * 7.5 + 6 > width ? 'end' : 'start' };
}
