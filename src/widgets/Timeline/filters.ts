/**
 * timeline's filters in the browser, loaded the first time a reader presses one (live.ts): they only hide what the
 * build wrote (events, the years they leave empty, their rows in the data table) and re-date the "As of" markers so
 * that the one shown still sits before the first later event shown.
 */
import { EVENT, EVENT_ITEM as EVENTS, EVENT_COMPANIES, EVENT_KIND, FILTER_COMPANY, FILTER_CLEAR, FILTER_EMPTY, FILTER_KIND, MARKER, SPAN, YEAR, sel } from '../../lib/chart-protocol';
import { passes, type Filters } from './view';

const dateOf = (el: Element) => (el.getAttribute(SPAN) ?? '').split(' ')[0] ?? '';

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Applies the filters to the list inside `root`; returns how many events show. */
export function applyFilters(root: ParentNode, f: Filters): number {
  const rows = root.querySelectorAll<HTMLElement>('.w-data tbody tr');
  let shown = 0;
  // The data table has one row per event, in the list's order (view.ts table()).
  root.querySelectorAll<HTMLElement>(EVENTS).forEach((li, i) => {
    li.hidden = !passes({ companies: (li.getAttribute(EVENT_COMPANIES) ?? '').split(' '), kind: li.getAttribute(EVENT_KIND) as never }, f);
    if (rows[i]) rows[i].hidden = li.hidden;
    if (!li.hidden) shown++;
  });
  for (const year of root.querySelectorAll<HTMLElement>(sel(YEAR))) year.hidden = !year.querySelector(`${EVENTS}:not([hidden])`);
  // A marker precedes its event (the last one ends the list): it holds from the date of the last event shown before it.
  const seq = [...root.querySelectorAll<HTMLElement>(`${EVENTS}, ${sel(MARKER)}`)];
  let last = '';
  seq.forEach((el, i) => {
    if (el.hasAttribute(EVENT)) {
      if (!el.hidden) last = dateOf(el);
      return;
    }
    const next = seq[i + 1];
    el.hidden = next ? next.hidden : shown === 0;
    el.setAttribute(SPAN, `${last} ${next ? dateOf(next) : ''}`);
  });
  return shown;
}

/** A filter button was pressed: updates the filters `f`, the buttons' pressed states and the list. */
export function pressFilter(figure: HTMLElement, f: Filters, b: Element): void {
  const company = b.getAttribute(FILTER_COMPANY);
  const kind = b.getAttribute(FILTER_KIND);
  if (company) f.companies = toggle(f.companies, company);
  else if (kind) f.kinds = toggle(f.kinds, kind);
  else f.companies = f.kinds = [];
  for (const c of figure.querySelectorAll(`button${sel(FILTER_COMPANY)}, button${sel(FILTER_KIND)}`)) {
    c.setAttribute('aria-pressed', String(f.companies.includes(c.getAttribute(FILTER_COMPANY) ?? '') || f.kinds.includes(c.getAttribute(FILTER_KIND) ?? '')));
  }
  for (const c of figure.querySelectorAll<HTMLButtonElement>(`button${sel(FILTER_CLEAR)}`)) c.disabled = !f.companies.length && !f.kinds.length;
  const none = figure.querySelector<HTMLElement>(sel(FILTER_EMPTY));
  if (none) none.hidden = applyFilters(figure, f) > 0;
}
