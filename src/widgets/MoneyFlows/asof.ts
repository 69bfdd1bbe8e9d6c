/**
 * money-flows: what follows the chart's date to the day (not only from one deal to the next), shared by the drawing
 * at build time and the chart runtime in the browser, so both place it alike: the today line of the "over time" view
 * (clamped to its axis, unlike ../shared/live-dom.ts's as-of line).
 *
 * `data-mf-today` on the over-time drawing: its time axis as `data-time-scale` writes it ("d0 d1 x0 x1", days since
 * 1970 → pixels, from ../kit/scale), then the x past which the label goes to the line's left, measured at build time
 * from the widest label the line can carry. The browser reads it with the runtime's one decoder; no widths guessed.
 */
import { dayOf } from '../../lib/iso-date';
import { timeScale } from '../shared/live-dom';
import { dateText } from '../shared/live';

/** Where the today line stands on `asOf`, its label (`words`: the chart's "As of {short}") and which side it takes. */
export function todayAt(attr: string, asOf: string, words: string): { x: number; label: string; anchor: 'start' | 'end' } {
  const scale = timeScale(attr);
  const flip = Number(attr.split(' ')[4]);
  if (!scale) return { x: 0, label: '', anchor: 'start' };
  const day = dayOf(asOf);
  const last = scale.day(scale.x1);
  const x = scale.x(Math.min(last, Math.max(scale.day(scale.x0), day)));
  return { x, label: `${dateText(words, asOf)}${day > last ? ' →' : ''}`, anchor: x > flip ? 'end' : 'start' };
}
