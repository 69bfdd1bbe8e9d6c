/**
 * The browser side of a static chart (see live.ts): everything a chart drawn at build time needs to follow its state,
 * shared by every chart through the runtime (runtime.ts), so no chart ships layout code. Attribute names: chart-protocol.ts.
 *
 * What it reads from the figure, all written at build time:
 *   - `[data-span]`, `[data-ids]`: what holds on which dates and for whom (live.ts);
 *   - `[data-mark="<key>"]`: selectable marks; `data-mark-highlight` is what selecting one highlights; marks with
 *     `data-row` move the focus with the arrow keys (left/right within the row, up/down to the nearest mark in the
 *     next row, Home/End to the row's ends);
 *   - `[data-detail-for="<key>"]`: the words shown for a mark (the one for "" is the hint shown for none);
 *   - `svg[data-time-scale="d0 d1 x0 x1"]` (days since 1970 → pixels): `[data-asof-x]` inside slides to the date,
 *     `[data-asof-label]` writes "<prefix><date>" there, and dragging on `[data-scrub]` sets the date.
 */
import { formatDateShort } from '../../lib/format';
import { clampDate, type WidgetState } from '../../lib/widget-state';
import { compactInStory } from './kit';
import { followHost, syncFrame } from './frame';
import { ASOF_LABEL, ASOF_X, DETAIL_FOR, FIGURE_AS_OF, FIGURE_HIGHLIGHT, FIGURE_SELECTOR, MARK, MARK_HIGHLIGHT, PHASE, ROW, SCRUB, SCRUBBING, TIME_SCALE, WHEN_CLASS, sel } from '../../lib/chart-protocol';
import { applyLiveState, timedText, type TimedText } from './live';
import { dayOf, isoOf } from '../../lib/iso-date';
import type { WidgetMeta } from './types';

export interface LiveConfig {
  meta: WidgetMeta;
  /** The id of the frame's spoken summary, rewritten on every change of state. */
  summaryId: string;
  summaries: TimedText[];
  /** The mark whose details a highlight set from outside (a scroll step, an embed) shows. */
  highlightMarks: Record<string, string>;
}

export interface Live {
  /** Sets the state (from the chart's own controls); what is left out stays. */
  set(next: Partial<WidgetState>): void;
  destroy(): void;
}


/** The time scale a drawing declares: days → pixels and back. */
export function timeScale(value: string | undefined) {
  const [d0, d1, x0, x1] = (value ?? '').split(' ').map(Number) as [number, number, number, number];
  if (![d0, d1, x0, x1].every(Number.isFinite) || d1 === d0) return null;
  return { x: (day: number) => x0 + ((day - d0) / (d1 - d0)) * (x1 - x0), day: (x: number) => d0 + ((x - x0) / (x1 - x0)) * (d1 - d0), x0, x1 };
}

/**
 * Starts following the state on the figure `inside` belongs to. `onchange` hears every change the chart makes or
 * takes (host, marks, scrubbing), so the runtime can keep the chart's controls in step.
 */
export function startLive(inside: Element, config: LiveConfig, onchange?: (s: WidgetState) => void): Live {
  const found = inside.closest<HTMLElement>(FIGURE_SELECTOR);
  if (!found) return { set() {}, destroy() {} };
  const figure: HTMLElement = found;
  const state: WidgetState = { asOf: figure.getAttribute(FIGURE_AS_OF) ?? config.meta.defaultAsOf, highlight: figure.getAttribute(FIGURE_HIGHLIGHT) || null };
  let hover: string | null = null;
  let focused: string | null = null;
  let pinned: string | null = null;
  let compact = false;

  const render = () => {
    applyLiveState(figure, state.asOf, state.highlight);
    syncFrame(figure, config.meta, state.asOf, state.highlight);
    const summary = document.getElementById(config.summaryId);
    const text = timedText(config.summaries, state.asOf);
    if (summary && text && summary.textContent !== text) summary.textContent = text;
    placeAsOf(figure, state.asOf);
    showDetails();
  };
  /** A mark is drawn on the chart's date unless it sits in a part written only for other dates. */
  const drawn = (key: string) =>
    [...figure.querySelectorAll(sel(MARK, key))].some((m) => {
      const phase = m.closest(`.${WHEN_CLASS}`)?.getAttribute(PHASE);
      return phase !== 'before' && phase !== 'after';
    });
  const showDetails = () => {
    const fromHighlight = compact || !state.highlight ? null : (config.highlightMarks[state.highlight] ?? null);
    const want = hover ?? focused ?? pinned ?? (fromHighlight && drawn(fromHighlight) ? fromHighlight : null) ?? '';
    const blocks = [...figure.querySelectorAll<HTMLElement>(sel(DETAIL_FOR))];
    const key = blocks.some((b) => b.getAttribute(DETAIL_FOR) === want) ? want : '';
    for (const b of blocks) b.hidden = b.getAttribute(DETAIL_FOR) !== key;
  };
  const change = (next: Partial<WidgetState>) => {
    Object.assign(state, next);
    render();
    onchange?.({ ...state });
  };

  const markOf = (e: Event) => (e.target as Element | null)?.closest?.<HTMLElement>(sel(MARK)) ?? null;
  const keyOf = (mark: Element | null | undefined) => mark?.getAttribute(MARK) ?? null;
  /** The key of the details block (of this chart) an element sits in, if any. */
  const detailsOf = (el: EventTarget | null) => {
    const block = (el as Element | null)?.closest?.(sel(DETAIL_FOR));
    return (block && figure.contains(block) && block.getAttribute(DETAIL_FOR)) || null;
  };
  const pin = (mark: HTMLElement) => {
    pinned = keyOf(mark);
    change({ highlight: mark.getAttribute(MARK_HIGHLIGHT) || null });
  };
  const on: [string, (e: Event) => void][] = [
    ['pointerover', (e) => ((hover = keyOf(markOf(e))), showDetails())],
    ['pointerleave', () => ((hover = null), showDetails())],
    ['focusin', (e) => ((focused = keyOf(markOf(e)) ?? detailsOf(e.target)), showDetails())],
    // Tab from a mark goes on to the links in its details: hiding them as focus arrives would drop it on <body>.
    ['focusout', (e) => detailsOf((e as FocusEvent).relatedTarget) === null && ((focused = null), showDetails())],
    ['click', (e) => { const m = markOf(e); if (m) pin(m); }],
    ['keydown', (e) => onKey(e as KeyboardEvent)],
    ['pointerdown', (e) => scrub(e as PointerEvent, true)],
    ['pointermove', (e) => scrub(e as PointerEvent, false)],
    ['pointerup', () => endScrub()],
    ['pointercancel', () => endScrub()],
  ];

  function onKey(e: KeyboardEvent) {
    const mark = markOf(e);
    if (!mark) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pin(mark);
    } else if (e.key === 'Escape') {
      pinned = null;
      change({ highlight: null });
    } else {
      const to = rovingTarget(mark, e.key);
      if (!to) return;
      e.preventDefault();
      for (const m of mark.closest('svg')?.querySelectorAll(`${sel(MARK)}${sel(ROW)}`) ?? []) m.setAttribute('tabindex', m === to ? '0' : '-1');
      to.focus();
    }
  }

  let scrubbing: SVGSVGElement | null = null;
  function scrub(e: PointerEvent, start: boolean) {
    if (start) {
      const handle = (e.target as Element | null)?.closest?.(sel(SCRUB));
      scrubbing = handle?.closest<SVGSVGElement>(`svg${sel(TIME_SCALE)}`) ?? null;
      if (!scrubbing) return;
      handle?.setPointerCapture?.(e.pointerId);
      figure.setAttribute(SCRUBBING, '');
    }
    if (!scrubbing) return;
    const scale = timeScale(scrubbing.getAttribute(TIME_SCALE) ?? undefined);
    if (!scale) return;
    const r = scrubbing.getBoundingClientRect();
    const x = ((e.clientX - r.left) * scrubbing.viewBox.baseVal.width) / r.width;
    const iso = isoOf(Math.round(scale.day(Math.min(Math.max(x, scale.x0), scale.x1))));
    change({ asOf: clampDate(iso, config.meta.range.min, config.meta.range.max) });
  }
  function endScrub() {
    scrubbing = null;
    figure.removeAttribute(SCRUBBING);
  }

  // On the figure, not the drawing: a mark's details (and their links) are written under it.
  for (const [type, f] of on) figure.addEventListener(type, f);
  const unfollow = followHost(figure, config.meta, (s) => {
    pinned = null;
    change(s);
  });
  const uncompact = compactInStory(figure, (v) => {
    compact = v;
    showDetails();
  });
  render();
  return {
    set: change,
    destroy() {
      for (const [type, f] of on) figure.removeEventListener(type, f);
      unfollow();
      uncompact();
    },
  };
}

/** Slides the as-of line of every drawing to the date and writes the date beside it. */
export function placeAsOf(figure: ParentNode, asOf: string): void {
  for (const svg of figure.querySelectorAll<SVGSVGElement>(`svg${sel(TIME_SCALE)}`)) {
    const scale = timeScale(svg.getAttribute(TIME_SCALE) ?? undefined);
    if (!scale) continue;
    const x = scale.x(dayOf(asOf));
    for (const el of svg.querySelectorAll<SVGElement>(sel(ASOF_X))) el.style.transform = `translateX(${x}px)`;
    const width = svg.viewBox.baseVal?.width || Number(svg.getAttribute('width')) || 0;
    for (const label of svg.querySelectorAll(sel(ASOF_LABEL))) {
      label.textContent = `${label.getAttribute(ASOF_LABEL) ?? ''}${formatDateShort(asOf)}`;
      label.setAttribute('x', String(x));
      label.setAttribute('text-anchor', x > width - 70 ? 'end' : x < 70 ? 'start' : 'middle');
    }
  }
}

/** Where an arrow key (or Home/End) moves the focus from a mark in a row of marks, if anywhere. */
export function rovingTarget(mark: HTMLElement, key: string): HTMLElement | null {
  const svg = mark.closest('svg');
  const row = mark.getAttribute(ROW);
  if (!svg || row === null) return null;
  const marks = [...svg.querySelectorAll<HTMLElement>(`${sel(MARK)}${sel(ROW)}`)];
  const rows = [...new Set(marks.map((m) => m.getAttribute(ROW)!))];
  const inRow = (r: string) => marks.filter((m) => m.getAttribute(ROW) === r);
  const same = inRow(row);
  const i = same.indexOf(mark);
  const centre = (m: Element) => {
    const b = m.getBoundingClientRect();
    return b.left + b.width / 2;
  };
  const toRow = (k: number) => {
    const r = rows[rows.indexOf(row) + k];
    if (r === undefined) return null;
    const cx = centre(mark);
    return inRow(r).reduce<HTMLElement | null>((best, m) => (!best || Math.abs(centre(m) - cx) < Math.abs(centre(best) - cx) ? m : best), null);
  };
  switch (key) {
    case 'ArrowRight': return same[i + 1] ?? null;
    case 'ArrowLeft': return same[i - 1] ?? null;
    case 'ArrowDown': return toRow(1);
    case 'ArrowUp': return toRow(-1);
    case 'Home': return same[0] ?? null;
    case 'End': return same.at(-1) ?? null;
    default: return null;
  }
}
