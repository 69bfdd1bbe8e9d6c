/**
 * The state a chart shows, and how it is set: by scroll steps, by embed URLs, by the chart's own controls.
 * Anything from outside (a URL, a data attribute) goes through parseState, which only ever returns known values.
 */
// Not from ./factbase/schema: that would ship zod to the browser with every chart (see iso-date.ts).
import { isRealDate } from './iso-date';
import type { WidgetMeta } from './widget-types';

export interface WidgetState {
  /** ISO date: the chart shows the world as it stood on this day. */
  asOf: string;
  /** An entity or event id to bring forward, or null. */
  highlight: string | null;
}

export interface StateRules {
  min: string;
  max: string;
  defaultAsOf: string;
  /** Ids this widget knows how to highlight. */
  highlights: readonly string[];
}

/** The names a host (scroll sequence, embed page) and its chart share: see chart-protocol.ts. */
export { HOST_AS_OF, HOST_HIGHLIGHT, HOST_SELECTOR, STATE_EVENT } from './chart-protocol';

const MAX_PARAM = 64;

export function validDate(value: unknown, rules: Pick<StateRules, 'min' | 'max'>): string | null {
  if (typeof value !== 'string' || value.length > MAX_PARAM) return null;
  const v = value.trim();
  if (!isRealDate(v)) return null;
  return v < rules.min || v > rules.max ? null : v;
}

export function validHighlight(value: unknown, rules: Pick<StateRules, 'highlights'>): string | null {
  if (typeof value !== 'string' || value.length > MAX_PARAM) return null;
  return rules.highlights.includes(value) ? value : null;
}

/** A state from untrusted input: unknown or malformed values fall back to the defaults. */
export function parseState(input: { asOf?: unknown; highlight?: unknown }, rules: StateRules): WidgetState {
  return {
    asOf: validDate(input.asOf, rules) ?? rules.defaultAsOf,
    highlight: validHighlight(input.highlight, rules),
  };
}

export function clampDate(iso: string, min: string, max: string): string {
  return iso < min ? min : iso > max ? max : iso;
}

/** A state as URL query parameters (only non-default values), for embed links and "chart in this state" links. */
export function stateQuery(state: WidgetState, defaults: Pick<StateRules, 'defaultAsOf'>): string {
  const p = new URLSearchParams();
  if (state.asOf !== defaults.defaultAsOf) p.set('asOf', state.asOf);
  if (state.highlight) p.set('highlight', state.highlight);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The rules a widget's state follows, from its build-time meta. */
export function stateRules(meta: Pick<WidgetMeta, 'range' | 'defaultAsOf' | 'highlights'>): StateRules {
  return { min: meta.range.min, max: meta.range.max, defaultAsOf: meta.defaultAsOf, highlights: meta.highlights.map((h) => h.id) };
}
