/**
 * timeline in the browser: what its live island (TimelineLive.svelte) does to the list and filters the build wrote
 * (Timeline.svelte, Filters.svelte). The filters only hide what is there: events, the years they leave empty, their
 * rows in the data table, and the "As of" markers, whose spans are re-dated so that the one shown still sits before
 * the first later event shown. The state itself is live-dom.ts's.
 */
import { formatDate } from '../../lib/format';
import type { WidgetState } from '../../lib/widget-state';
import { FIGURE_SELECTOR } from '../shared/frame';
import { startLive, type LiveConfig } from '../shared/live-dom';
import { filterPhrase, passes, summaryText, type Filters } from './view';

const EVENTS = 'li[data-event]';

const dateOf = (el: HTMLElement) => (el.dataset.span ?? '').split(' ')[0] ?? '';

/** Applies the filters to the list inside `root`; returns how many events show. */
export function applyFilters(root: ParentNode, f: Filters): number {
  const rows = root.querySelectorAll<HTMLElement>('.w-data tbody tr');
  let shown = 0;
  // The data table has one row per event, in the list's order (view.ts table()).
  root.querySelectorAll<HTMLElement>(EVENTS).forEach((li, i) => {
    li.hidden = !passes({ companies: (li.dataset.companies ?? '').split(' '), kind: li.dataset.kind as never }, f);
    if (rows[i]) rows[i].hidden = li.hidden;
    if (!li.hidden) shown++;
  });
  for (const year of root.querySelectorAll<HTMLElement>('[data-year]')) year.hidden = !year.querySelector(`${EVENTS}:not([hidden])`);
  // A marker precedes its event (the last one ends the list): it holds from the date of the last event shown before it.
  const seq = [...root.querySelectorAll<HTMLElement>(`${EVENTS}, [data-marker]`)];
  let last = '';
  seq.forEach((el, i) => {
    if (el.dataset.event !== undefined) {
      if (!el.hidden) last = dateOf(el);
      return;
    }
    const next = seq[i + 1];
    el.hidden = next ? next.hidden : shown === 0;
    el.dataset.span = `${last} ${next ? dateOf(next) : ''}`;
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
}

/** The summary of the list as it shows (after applyFilters and the live state), in view.ts's words. */
export function describe(root: ParentNode, words: SummaryWords, f: Filters, asOf: string, highlight: string | null): string {
  const items = [...root.querySelectorAll<HTMLElement>(EVENTS)];
  const full = (li: HTMLElement) => li.querySelector('time')?.title ?? '';
  const ev = items.find((li) => li.dataset.event === highlight);
  return summaryText(
    words.total,
    items.filter((li) => !li.hidden).map((li) => ({ full: full(li), later: li.dataset.phase === 'before', tagged: li.dataset.confidence !== 'confirmed', lit: li.dataset.hl === 'on' })),
    filterPhrase(f.companies.map((c) => words.companies[c] ?? c), f.kinds.map((k) => words.kinds[k] ?? k)),
    formatDate(asOf),
    ev ? { event: `${ev.querySelector('.title')?.textContent} (${full(ev)})` } : highlight ? { name: words.names[highlight] ?? highlight } : null,
  );
}

/** Writes the chart's date into the "As of" markers. */
export function dateMarkers(root: ParentNode, asOf: string): void {
  const text = `As of ${formatDate(asOf)}`;
  for (const s of root.querySelectorAll<HTMLElement>('[data-marker] > span')) s.textContent = text;
}

/**
 * In a scroll sequence the sticky graphic scrolls within itself when the chart is taller than the screen: brings the
 * highlighted event, or the "As of" marker, into view there. Never scrolls the page itself.
 */
export function bringIntoView(root: HTMLElement): void {
  const sc = root.closest<HTMLElement>('[data-state-host]');
  if (!sc || sc.scrollHeight <= sc.clientHeight + 4) return;
  const target = root.querySelector<HTMLElement>("li[data-event][data-hl='on']:not([hidden])") ?? root.querySelector<HTMLElement>("[data-marker][data-phase='in']:not([hidden])");
  if (!target) return;
  const head = root.querySelector<HTMLElement>('[data-year] > p')?.offsetHeight ?? 0;
  const top = sc.scrollTop + target.getBoundingClientRect().top - sc.getBoundingClientRect().top - head - 8;
  sc.scrollTo({ top, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

export interface TimelineLiveConfig extends LiveConfig {
  words: SummaryWords;
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Makes the filters filter and follows the state, on the figure `anchor` is in; returns the clean-up. */
export function startTimeline(anchor: Element, config: TimelineLiveConfig): () => void {
  const figure = anchor.closest<HTMLElement>(FIGURE_SELECTOR);
  if (!figure) return () => {};
  const f: Filters = { companies: [], kinds: [] };
  const onchange = (s: WidgetState) => {
    dateMarkers(figure, s.asOf);
    // live-dom wrote the build's summary, which holds for the whole list with nothing highlighted.
    const summary = document.getElementById(config.summaryId);
    if (summary && (f.companies.length || f.kinds.length || s.highlight)) summary.textContent = describe(figure, config.words, f, s.asOf, s.highlight);
    bringIntoView(figure);
  };
  const live = startLive(anchor, config, onchange);
  const onclick = (e: Event) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-company], button[data-kind], button[data-clear]');
    if (!b) return;
    const { company, kind } = b.dataset;
    if (company) f.companies = toggle(f.companies, company);
    else if (kind) f.kinds = toggle(f.kinds, kind);
    else f.companies = f.kinds = [];
    for (const c of figure.querySelectorAll<HTMLElement>('button[data-company], button[data-kind]')) {
      c.setAttribute('aria-pressed', String(f.companies.includes(c.dataset.company ?? '') || f.kinds.includes(c.dataset.kind ?? '')));
    }
    for (const c of figure.querySelectorAll<HTMLButtonElement>('button[data-clear]')) c.disabled = !f.companies.length && !f.kinds.length;
    const none = figure.querySelector<HTMLElement>('[data-empty]');
    if (none) none.hidden = applyFilters(figure, f) > 0;
    live.set({});
  };
  figure.addEventListener('click', onclick);
  // Once with the state it starts in: the summary of a highlight, the markers' date, the scroll.
  live.set({});
  return () => {
    figure.removeEventListener('click', onclick);
    live.destroy();
  };
}
