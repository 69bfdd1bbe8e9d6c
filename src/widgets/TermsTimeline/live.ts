/**
 * terms-timeline in the browser (called by ../shared/runtime.ts on every state): a mark's name for screen readers
 * says "In force on <date>" while its term is, in the words of content/charts/terms-timeline.yaml (status.spoken),
 * whose only placeholder is the date: filled as every date-naming text on a chart is (live.ts dateText), so the
 * placeholder filler (words-core) stays off the page.
 */
import { MARK, PHASE, sel } from '../../lib/chart-protocol';
import { dateText } from '../shared/live';
import type { WidgetState } from '../../lib/widget-state';
import type { ChartConfig } from '../shared/runtime';

export function nameInForce(figure: Element, s: WidgetState, config: ChartConfig): void {
  const spoken = config.inForce!;
  const lead = spoken.slice(0, spoken.indexOf('{date}'));
  for (const m of figure.querySelectorAll(sel(MARK))) {
    const name = (m.getAttribute('aria-label') ?? '').split(lead)[0];
    m.setAttribute('aria-label', m.getAttribute(PHASE) === 'in' ? `${name}${dateText(spoken, s.asOf)}` : name);
  }
}
