/**
 * money-flows in the browser (called by ../shared/runtime.ts on every state): the over-time drawing's today line
 * follows the date to the day, placed as the build placed it (asof.ts todayAt).
 */
import { TODAY_LABEL, TODAY_SCALE, sel } from '../../lib/chart-protocol';
import type { WidgetState } from '../../lib/widget-state';
import { todayAt } from './asof';

export function followToday(figure: Element, s: WidgetState): void {
  for (const svg of figure.querySelectorAll(`svg${sel(TODAY_SCALE)}`)) {
    const label = svg.querySelector(sel(TODAY_LABEL));
    const at = todayAt(svg.getAttribute(TODAY_SCALE) ?? '', s.asOf, label?.getAttribute(TODAY_LABEL) ?? '');
    for (const el of svg.querySelectorAll<SVGElement>('.today-x')) el.style.transform = `translateX(${at.x}px)`;
    if (!label) continue;
    label.setAttribute('x', at.anchor === 'start' ? '5' : '-5');
    label.setAttribute('text-anchor', at.anchor);
    label.textContent = at.label;
  }
}
