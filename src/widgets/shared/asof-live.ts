/**
 * The browser side of a chart with an "as of" control (AsOfControl.svelte, written at build time with the chart):
 * wires the control up and starts live-dom.ts; the runtime (runtime.ts) calls it for a chart with key moments. Keys on the
 * slider: ←/→ (or ↓/↑) one month, PageUp/PageDown one year, Home/End the ends of the range.
 */
import { formatDate } from '../../lib/format';
import { clampDate, type WidgetState } from '../../lib/widget-state';
import { addMonths, dayOf, isRealDate, isoOf } from '../../lib/iso-date';
import { ASOF_CONTROL, ASOF_DATE, FIGURE_AS_OF, FIGURE_HIGHLIGHT, FIGURE_SELECTOR, MOMENT, SCRUBBING, sel } from '../../lib/chart-protocol';
import { startLive, type Live, type LiveConfig } from './live-dom';
import type { ChartExtension } from './runtime';

/** A key moment as the control's buttons name it (data-moment) and the date it jumps to. */
export interface MomentDate {
  id: string;
  date: string;
}

const MONTHS: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 12, PageDown: -12 };

/** Where a key on the slider moves the date from `value` (kept within min–max), or null for a key it leaves alone. */
export function keyMove(key: string, value: string, min: string, max: string): string | null {
  const to = key === 'Home' ? min : key === 'End' ? max : MONTHS[key] ? addMonths(value, MONTHS[key]) : null;
  return to === null ? null : clampDate(to, min, max);
}

/**
 * What the control sets: a moment highlights itself; any other date lets go of a moment's highlight and keeps any
 * other (a scroll step's, an embed's).
 */
export function nextState(iso: string, current: string | null, moments: MomentDate[], moment?: MomentDate): WidgetState {
  const highlight = moment ? moment.id : moments.some((m) => m.id === current) ? null : current;
  return { asOf: iso, highlight };
}

/** The control's date field, put in where the build left the date in words (chart-protocol.ts, ASOF_DATE). */
function dateField(control: Element, value: string): HTMLInputElement | undefined {
  const slot = control.querySelector(sel(ASOF_DATE));
  if (!slot) return undefined;
  const [min, max] = (slot.getAttribute(ASOF_DATE) ?? '').split(' ');
  const input = document.createElement('input');
  input.type = 'date';
  input.id = slot.id;
  input.className = slot.className;
  input.min = min ?? '';
  input.max = max ?? '';
  input.value = value;
  slot.replaceWith(input);
  const label = control.querySelector('label');
  if (label && input.id) label.htmlFor = input.id;
  return input;
}

/**
 * Starts live-dom on the figure `anchor` sits in and wires the figure's "as of" control to it. `onchange` hears every
 * state the chart takes, after the control shows it.
 */
export function startAsOfLive(anchor: Element, config: LiveConfig, moments: MomentDate[], onchange?: (s: WidgetState) => void): Live {
  const figure = anchor.closest<HTMLElement>(FIGURE_SELECTOR);
  const control = figure?.querySelector(sel(ASOF_CONTROL));
  const range = control?.querySelector<HTMLInputElement>('input[type=range]');
  const date = control ? dateField(control, figure?.getAttribute(FIGURE_AS_OF) ?? config.meta.defaultAsOf) : undefined;
  const buttons = [...(control?.querySelectorAll<HTMLButtonElement>(sel(MOMENT)) ?? [])];
  const { min, max } = config.meta.range;
  const isMoment = (id: string | null | undefined) => moments.some((m) => m.id === id);
  let live: Live | undefined;
  let own = false;
  let last = figure?.getAttribute(FIGURE_AS_OF);

  live = startLive(anchor, config, (s) => {
    if (range) {
      range.value = String(dayOf(s.asOf));
      range.ariaValueText = formatDate(s.asOf);
    }
    if (date) date.value = s.asOf;
    for (const b of buttons) b.ariaPressed = String(b.getAttribute(MOMENT) === s.highlight);
    const moved = s.asOf !== last;
    last = s.asOf;
    onchange?.(s);
    // Dragging along the chart's axis away from a key moment lets go of it, as the control's own changes do.
    if (moved && !own && figure?.hasAttribute(SCRUBBING) && isMoment(s.highlight)) live?.set({ highlight: null });
  });
  if (!figure || !control) return live;

  const set = (iso: string, moment?: MomentDate) => {
    if (iso === figure.getAttribute(FIGURE_AS_OF) && !moment) return;
    own = true;
    live?.set(nextState(iso, figure.getAttribute(FIGURE_HIGHLIGHT) || null, moments, moment));
    own = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners: [EventTarget | null | undefined, string, (e: Event) => void][] = [
    [
      range,
      'input',
      () => {
        // While the reader drags the slider the line follows at once, as when dragging on the chart.
        figure.setAttribute(SCRUBBING, '');
        clearTimeout(timer);
        timer = setTimeout(() => figure.removeAttribute(SCRUBBING), 200);
        set(isoOf(Number(range!.value)));
      },
    ],
    [
      range,
      'keydown',
      (e) => {
        const to = keyMove((e as KeyboardEvent).key, figure.getAttribute(FIGURE_AS_OF) ?? config.meta.defaultAsOf, min, max);
        if (to === null) return;
        e.preventDefault();
        set(to);
      },
    ],
    [date, 'change', () => date && isRealDate(date.value) && set(clampDate(date.value, min, max))],
    ...buttons.map((b): [EventTarget, string, () => void] => [
      b,
      'click',
      () => {
        const m = moments.find((x) => x.id === b.getAttribute(MOMENT));
        if (m) set(m.date, m);
      },
    ]),
  ];
  for (const [target, type, f] of listeners) target?.addEventListener(type, f);
  return {
    set: (next) => live?.set(next),
    destroy() {
      for (const [target, type, f] of listeners) target?.removeEventListener(type, f);
      clearTimeout(timer);
      live?.destroy();
    },
  };
}

/** The runtime's start for a chart with an "as of" control (extendChart): its key moments come with its config. */
export const startWithAsOf: NonNullable<ChartExtension['start']> = (el, config, onchange) => startAsOfLive(el, config, config.moments ?? [], onchange);
