/**
 * terms-timeline in the browser (called by ../shared/runtime.ts on every state): a mark's name for screen readers
 * says "In force on <date>" while its term is.
 */
import { MARK, PHASE, sel } from '../../lib/chart-protocol';
import { formatDate } from '../../lib/format';
import type { WidgetState } from '../../lib/widget-state';

export function nameInForce(figure: Element, s: WidgetState): void {
  for (const m of figure.querySelectorAll(sel(MARK))) {
    const name = (m.getAttribute('aria-label') ?? '').split(' In force on ')[0];
    m.setAttribute('aria-label', m.getAttribute(PHASE) === 'in' ? `${name} In force on ${formatDate(s.asOf)}.` : name);
  }
}
