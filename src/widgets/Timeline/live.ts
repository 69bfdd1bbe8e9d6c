/**
 * timeline in the browser: what the chart runtime (../shared/runtime.ts) does to the list and filters the build wrote
 * (Timeline.svelte, Filters.svelte). The filters only hide what is there: events, the years they leave empty, their
 * rows in the data table, and the "As of" markers, whose spans are re-dated so that the one shown still sits before
 * the first later event shown. The state itself is live-dom.ts's.
 */
import { formatDate } from '../../lib/format';
import type { WidgetState } from '../../lib/widget-state';
import { EVENT, EVENT_MARK, EVENT_COMPANIES, EVENT_CONFIDENCE, EVENT_KIND, FIGURE_SELECTOR, FILTER_CLEAR, FILTER_COMPANY, FILTER_EMPTY, FILTER_KIND, LIT, MARKER, PHASE, SPAN, STATE_HOST, YEAR, sel } from '../../lib/chart-protocol';
import { startLive, type Live, type LiveConfig } from '../shared/live-dom';
import { filterPhrase, passes, summaryText, type Filters } from './view';

const EVENTS = `li${sel(EVENT)}`;

const dateOf = (el: Element) => (el.getAttribute(SPAN) ?? '').split(' ')[0] ?? '';

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

export interface SummaryWords {
  total: number;
  /** Short names of the companies and labels of the kinds, as on the chips. */
  companies: Record<string, string>;
  kinds: Record<string, string>;
  /** Full names of what a highlight can name besides an event. */
  names: Record<string, string>;
  /** Every event's title, full date and whether it is tagged (press reports only): the story view's axis draws no list to read them from. */
  events: Record<string, { title: string; full: string; tagged: boolean }>;
}

/** The summary of the list as it shows (after applyFilters and the live state), in view.ts's words. */
export function describe(root: ParentNode, words: SummaryWords, f: Filters, asOf: string, highlight: string | null): string {
  const items = [...root.querySelectorAll<HTMLElement>(EVENTS)];
  const full = (li: HTMLElement) => li.querySelector('time')?.title ?? '';
  const fromList = items.filter((li) => !li.hidden).map((li) => ({ full: full(li), later: li.getAttribute(PHASE) === 'before', tagged: li.getAttribute(EVENT_CONFIDENCE) !== 'confirmed', lit: li.getAttribute(LIT) === 'on' }));
  // The story view's axis: one mark per event and artboard (every artboard carries the same state).
  const axis = new Map<string, Element>();
  if (!items.length) for (const m of root.querySelectorAll(sel(EVENT_MARK))) if (!axis.has(m.getAttribute(EVENT_MARK)!)) axis.set(m.getAttribute(EVENT_MARK)!, m);
  const fromAxis = [...axis].flatMap(([id, m]) => {
    const ev = words.events[id];
    return ev ? [{ full: ev.full, later: m.getAttribute(PHASE) === 'before', tagged: ev.tagged, lit: m.getAttribute(LIT) === 'on' }] : [];
  });
  const ev = highlight ? words.events[highlight] : undefined;
  return summaryText(
    words.total,
    items.length ? fromList : fromAxis,
    filterPhrase(f.companies.map((c) => words.companies[c] ?? c), f.kinds.map((k) => words.kinds[k] ?? k)),
    formatDate(asOf),
    ev ? { event: `${ev.title} (${ev.full})` } : highlight ? { name: words.names[highlight] ?? highlight } : null,
  );
}

/** Writes the chart's date into the "As of" markers. */
export function dateMarkers(root: ParentNode, asOf: string): void {
  const text = `As of ${formatDate(asOf)}`;
  for (const s of root.querySelectorAll(`${sel(MARKER)} > span`)) s.textContent = text;
}

/**
 * In a scroll sequence the sticky graphic scrolls within itself when the chart is taller than the screen: brings the
 * highlighted event, or the "As of" marker, into view there. Never scrolls the page itself.
 */
export function bringIntoView(root: HTMLElement): void {
  const sc = root.closest<HTMLElement>(sel(STATE_HOST));
  if (!sc || sc.scrollHeight <= sc.clientHeight + 4) return;
  const target = root.querySelector(`${EVENTS}${sel(LIT, 'on')}:not([hidden])`) ?? root.querySelector(`${sel(MARKER)}${sel(PHASE, 'in')}:not([hidden])`);
  if (!target) return;
  const head = root.querySelector<HTMLElement>(`${sel(YEAR)} > p`)?.offsetHeight ?? 0;
  const top = sc.scrollTop + target.getBoundingClientRect().top - sc.getBoundingClientRect().top - head - 8;
  sc.scrollTo({ top, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

export interface TimelineLiveConfig extends LiveConfig {
  words: SummaryWords;
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Makes the filters filter and follows the state, on the figure `anchor` is in (the runtime's start for timeline). */
export function startTimeline(anchor: Element, config: TimelineLiveConfig): Live {
  const figure = anchor.closest<HTMLElement>(FIGURE_SELECTOR);
  const f: Filters = { companies: [], kinds: [] };
  const onchange = (s: WidgetState) => {
    if (!figure) return;
    dateMarkers(figure, s.asOf);
    // live-dom wrote the build's summary, which holds for the whole list with nothing highlighted.
    const summary = document.getElementById(config.summaryId);
    if (summary && (f.companies.length || f.kinds.length || s.highlight)) summary.textContent = describe(figure, config.words, f, s.asOf, s.highlight);
    bringIntoView(figure);
  };
  const live = startLive(anchor, config, onchange);
  figure?.addEventListener('click', (e) => {
    const b = (e.target as Element).closest(`button${sel(FILTER_COMPANY)}, button${sel(FILTER_KIND)}, button${sel(FILTER_CLEAR)}`);
    if (!b) return;
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
    live.set({});
  });
  return live;
}
