/**
 * The one client runtime of every chart. Each chart drawn at build time carries a `<reset-chart>` element
 * (ChartRuntime.astro) with its config; the element is defined once, and wakes its chart when the figure comes near
 * the viewport. Waking starts live-dom.ts (state from scroll steps, embed hosts, marks and scrubbing) and wires the
 * controls the build wrote that every chart may have: sliders over a chart's own dates (STEP_SLIDER) and view toggles
 * (VIEW / VIEW_OF). What only some charts do (the "as of" control with key moments, the timeline's filters, a line
 * that follows the date to the day) is an extension their own script registers (extendChart). Attribute names:
 * src/lib/chart-protocol.ts.
 */
import { AWAKE, CHART_CONFIG, CHART_ELEMENT, FIGURE_SELECTOR, STEP_SLIDER, VIEW, VIEW_OF, sel } from '../../lib/chart-protocol';
import { formatDate } from '../../lib/format';
import type { WidgetState } from '../../lib/widget-state';
import type { WidgetId } from '../../lib/widgets';
import type { MomentDate } from './asof-live';
import { fillLater, fillWide, watchLaterArtboards } from './later-artboards';
import { startLive, type Live, type LiveConfig } from './live-dom';
import type { SummaryWords } from '../Timeline/summary';

/** What ChartRuntime.astro writes into a chart's `<reset-chart data-config>`. */
export interface ChartConfig extends LiveConfig {
  /** The chart waits for its extension (extendChart) before it wakes. */
  extended?: boolean;
  /** The key moments of the chart's "as of" control, if it has one. */
  moments?: MomentDate[];
  /** timeline: the words its filtered summary is made of. */
  words?: SummaryWords;
  /** terms-timeline: what a mark's name adds while its term is in force on the chart's date ({date}). */
  inForce?: string;
}

/**
 * What a chart alone does, registered by the chart's own script (its wrapper's `<script>`), so a page loads only the
 * code of the charts it shows: how it starts (default: live-dom's startLive), and what it does on every state.
 */
export interface ChartExtension {
  start?: (el: Element, config: ChartConfig, onchange: (s: WidgetState) => void) => Live;
  onchange?: (figure: Element, s: WidgetState, config: ChartConfig) => void;
}

const extensions = new Map<WidgetId, ChartExtension>();
/** Runtime elements whose chart came near the viewport before its extension was registered. */
const early = new Map<WidgetId, Element[]>();

export function extendChart(id: WidgetId, extension: ChartExtension): void {
  extensions.set(id, extension);
  for (const el of early.get(id) ?? []) wake(el);
  early.delete(id);
}

/** A slider over a chart's own dates (StepSlider.astro): it sets the date, and follows it. */
function wireStepSliders(figure: Element, live: () => Live | undefined) {
  const sliders = [...figure.querySelectorAll<HTMLInputElement>(`input${sel(STEP_SLIDER)}`)].map((input) => {
    const dates = (input.getAttribute(STEP_SLIDER) ?? '').split(' ');
    input.addEventListener('input', () => live()?.set({ asOf: dates[Number(input.value)] ?? dates[0]! }));
    return { input, dates };
  });
  return (asOf: string) => {
    for (const { input, dates } of sliders) {
      input.value = String(Math.max(0, dates.findLastIndex((d) => d <= asOf)));
      input.setAttribute('aria-valuetext', formatDate(asOf));
    }
  };
}

/** View toggles: a `[data-view]` button shows the parts `[data-view-of]` of its name and hides the others. */
function wireViews(figure: Element): void {
  const buttons = figure.querySelectorAll(`button${sel(VIEW)}`);
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const view = button.getAttribute(VIEW);
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      for (const part of figure.querySelectorAll<HTMLElement>(sel(VIEW_OF))) part.hidden = part.getAttribute(VIEW_OF) !== view;
    });
  }
}

export function startChart(el: Element, config: ChartConfig, extension: ChartExtension = {}): void {
  const figure = el.closest(FIGURE_SELECTOR);
  if (!figure) return;
  let live: Live | undefined;
  const showSliders = wireStepSliders(figure, () => live);
  const onchange = (s: WidgetState) => {
    showSliders(s.asOf);
    extension.onchange?.(figure, s, config);
  };
  live = (extension.start ?? startLive)(el, config, onchange);
  wireViews(figure);
  // Once in the state it starts in (a scroll step's or an embed's may differ from the build's).
  live.set({});
  fillLater(figure, () => live?.set({}));
  el.setAttribute(AWAKE, '');
}

function wake(el: Element): void {
  const config = JSON.parse(el.getAttribute(CHART_CONFIG) ?? '{}') as ChartConfig;
  const extension = extensions.get(config.meta.id);
  if (config.extended && !extension) early.set(config.meta.id, [...(early.get(config.meta.id) ?? []), el]);
  else startChart(el, config, extension);
}

/**
 * Wakes a chart once the wider artboards its figure shows are in (a chapter leaves them for later:
 * later-artboards.ts); whatever becomes of them, the chart wakes.
 */
function wakeFilled(el: Element): void {
  const figure = el.closest(FIGURE_SELECTOR);
  const start = () => wake(el);
  if (figure) void fillWide(figure).then(start, start);
  else start();
}

/** Figures waiting to wake, and their runtime element. */
const waiting = new Map<Element, Element>();
const observer =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const el = entry.isIntersecting ? waiting.get(entry.target) : undefined;
            if (!el) continue;
            observer?.unobserve(entry.target);
            waiting.delete(entry.target);
            wakeFilled(el);
          }
        },
        // Half a screen ahead, so a chart is awake before the reader reaches it.
        { rootMargin: '50% 0px' },
      )
    : null;

class ResetChart extends HTMLElement {
  connectedCallback() {
    // An embed shelves the view it does not show and brings it back (client/embed/child.ts): awake once is enough.
    if (this.hasAttribute(AWAKE)) return;
    const figure = this.closest(FIGURE_SELECTOR);
    if (!figure || !observer) return void wakeFilled(this);
    waiting.set(figure, this);
    observer.observe(figure);
  }
}

export function defineChartElement(): void {
  if (customElements.get(CHART_ELEMENT)) return;
  watchLaterArtboards();
  customElements.define(CHART_ELEMENT, ResetChart);
}
