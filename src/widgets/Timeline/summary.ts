/**
 * timeline's summary of the list as it shows, in view.ts's words: written in the browser only once the list is
 * filtered or something on it is highlighted (for the whole list the build's summaries hold). Loaded then, with the
 * placeholder filler it needs (live.ts), so a page whose timeline is only scrolled through never ships it.
 */
import { formatDate } from '../../lib/format';
import { EVENT_CONFIDENCE, EVENT_ITEM as EVENTS, EVENT_MARK, LIT, PHASE, sel } from '../../lib/chart-protocol';
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
