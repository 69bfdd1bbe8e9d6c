/**
 * timeline in the browser: what the chart runtime (../shared/runtime.ts) does to the list and filters the build wrote
 * (Timeline.svelte, Filters.svelte): the summary, the highlighted event in view; the filters
 * themselves are filters.ts's, loaded when first pressed. The state itself is live-dom.ts's, and so are the "As of"
 * markers (data-asof-text).
 */
import { formatDate } from '../../lib/format';
import type { WidgetState } from '../../lib/widget-state';
import { EVENT_CONFIDENCE, EVENT_ITEM as EVENTS, EVENT_MARK, FIGURE_SELECTOR, FILTER_CLEAR, FILTER_COMPANY, FILTER_KIND, LIT, MARKER, PHASE, STATE_HOST, YEAR, sel } from '../../lib/chart-protocol';
import { startLive, type Live, type LiveConfig } from '../shared/live-dom';
import { filterPhrase, summaryText, type Filters } from './view';
import type { TimelineWords } from './data';

export interface SummaryWords {
  total: number;
  /** Short names of the companies and labels of the kinds, as on the chips. */
  companies: Record<string, string>;
  kinds: Record<string, string>;
  /** Full names of what a highlight can name besides an event. */
  names: Record<string, string>;
  sentences: TimelineWords;
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
    words.sentences,
    words.total,
    items.length ? fromList : fromAxis,
    filterPhrase(words.sentences, f.companies.map((c) => words.companies[c] ?? c), f.kinds.map((k) => words.kinds[k] ?? k)),
    formatDate(asOf),
    ev ? { event: `${ev.title} (${ev.full})` } : highlight ? { name: words.names[highlight] ?? highlight } : null,
  );
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

/** Makes the filters filter and follows the state, on the figure `anchor` is in (the runtime's start for timeline). */
export function startTimeline(anchor: Element, config: TimelineLiveConfig): Live {
  const figure = anchor.closest<HTMLElement>(FIGURE_SELECTOR);
  const f: Filters = { companies: [], kinds: [] };
  const onchange = (s: WidgetState) => {
    if (!figure) return;
    // live-dom wrote the build's summary, which holds for the whole list with nothing highlighted.
    const summary = document.getElementById(config.summaryId);
    if (summary && (f.companies.length || f.kinds.length || s.highlight)) summary.textContent = describe(figure, config.words, f, s.asOf, s.highlight);
    bringIntoView(figure);
  };
  const live = startLive(anchor, config, onchange);
  figure?.addEventListener('click', (e) => {
    const b = (e.target as Element).closest(`button${sel(FILTER_COMPANY)}, button${sel(FILTER_KIND)}, button${sel(FILTER_CLEAR)}`);
    if (!b) return;
    // The filtering code loads the first time a reader uses a filter (a scroll sequence hides the filters).
    void import('./filters').then((m) => {
      m.pressFilter(figure, f, b);
      live.set({});
    });
  });
  return live;
}
