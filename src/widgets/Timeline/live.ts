/**
 * timeline in the browser: what the chart runtime (../shared/runtime.ts) does to the list and filters the build wrote
 * (Timeline.svelte, Filters.svelte): the summary, the highlighted event in view. What only a reader's use needs loads
 * when first needed: the filters (filters.ts) when one is pressed, the summary of a filtered or highlighted list
 * (summary.ts) when the list is first filtered or highlighted. The state itself is live-dom.ts's, and so are the
 * "As of" markers (data-asof-text).
 */
import type { WidgetState } from '../../lib/widget-state';
import { EVENT_ITEM as EVENTS, FIGURE_SELECTOR, FILTER_CLEAR, FILTER_COMPANY, FILTER_KIND, LIT, MARKER, PHASE, STATE_HOST, YEAR, sel } from '../../lib/chart-protocol';
import { startLive, type Live, type LiveConfig } from '../shared/live-dom';
import type { Filters } from './view';
import type { describe as Describe, SummaryWords } from './summary';

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
  let describe: typeof Describe | undefined;
  let loading: Promise<unknown> | undefined;
  const onchange = (s: WidgetState) => {
    if (!figure) return;
    // live-dom wrote the build's summary, which holds for the whole list with nothing highlighted.
    const summary = document.getElementById(config.summaryId);
    if (summary && (f.companies.length || f.kinds.length || s.highlight)) {
      if (describe) summary.textContent = describe(figure, config.words, f, s.asOf, s.highlight);
      // Once loaded, the summary is written for the state the chart is in by then.
      else loading ??= import('./summary').then((m) => ((describe = m.describe), live.set({})));
    }
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
