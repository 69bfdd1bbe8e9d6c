/**
 * Static charts, live state. A chart converted to this model is drawn once at build time with everything it can
 * show, and each element that depends on the state says when and for whom it counts:
 *   - `data-span="FROM UNTIL"` (ISO dates, either may be empty): the element belongs to the dates FROM ≤ d < UNTIL;
 *     `data-phase` (before | in | after) says where the chart's date falls, and CSS shows, fades or hides it;
 *   - `data-ids="a b"`: the entities or events the element stands for; while something is highlighted, `data-hl` is
 *     `on` for the elements it names and `off` for the rest (CSS dims those), and absent when nothing is;
 *   - `data-asof-text="By {short}"`: words that name the chart's date, rewritten as it moves (dateText).
 * The build writes both attributes for the initial state (so the page is right without JavaScript); in the browser a
 * the chart runtime (runtime.ts) calls applyLiveState on each change instead of shipping and re-running the chart's layout code.
 */
import { formatDate, formatDateShort } from '../../lib/format';
import type { TableColumn } from './types';
import { ASOF_TEXT, IDS, LIT, PHASE, SPAN, sel } from '../../lib/chart-protocol';

export type Phase = 'before' | 'in' | 'after';
export type Lit = 'on' | 'off' | undefined;

/** The `data-span` value for an interval of dates (from inclusive, until exclusive; null = open). */
export function span(from: string | null | undefined, until: string | null | undefined): string {
  return `${from ?? ''} ${until ?? ''}`;
}

export function phaseOf(spanValue: string, asOf: string): Phase {
  const [from = '', until = ''] = spanValue.split(' ');
  if (from && asOf < from) return 'before';
  if (until && asOf >= until) return 'after';
  return 'in';
}

export function litOf(ids: string, highlight: string | null): Lit {
  if (!highlight) return undefined;
  return ids.split(' ').includes(highlight) ? 'on' : 'off';
}

/** Attributes for an element that belongs to the dates of a span (spread into the element at build time). */
export function dated(spanValue: string, asOf: string) {
  return { [SPAN]: spanValue, [PHASE]: phaseOf(spanValue, asOf) };
}

/** `dated` for the dates from FROM until UNTIL. */
export function when(from: string | null | undefined, until: string | null | undefined, asOf: string) {
  return dated(span(from, until), asOf);
}

/** Attributes for an element that stands for some ids (spread into the element at build time). */
export function lights(ids: readonly string[], highlight: string | null) {
  const value = ids.join(' ');
  return { [IDS]: value, [LIT]: litOf(value, highlight) };
}

/** Brings every state-bearing element under `root` to the given state. */
export function applyLiveState(root: ParentNode, asOf: string, highlight: string | null): void {
  for (const el of root.querySelectorAll(sel(SPAN))) el.setAttribute(PHASE, phaseOf(el.getAttribute(SPAN) ?? '', asOf));
  for (const el of root.querySelectorAll(sel(IDS))) {
    const lit = litOf(el.getAttribute(IDS) ?? '', highlight);
    if (lit) el.setAttribute(LIT, lit);
    else el.removeAttribute(LIT);
  }
  for (const el of root.querySelectorAll(sel(ASOF_TEXT))) {
    const text = dateText(el.getAttribute(ASOF_TEXT) ?? '', asOf);
    if (el.textContent !== text) el.textContent = text;
  }
}

/**
 * Words that name the chart's date, which no span can carry: `{date}` stands for it written out, `{short}` for it
 * short. An element written with `data-asof-text="<template>"` is rewritten whenever the date moves.
 */
export function dateText(template: string, asOf: string): string {
  return template.replace('{date}', formatDate(asOf)).replace('{short}', formatDateShort(asOf));
}

/** A data-table column headed with the chart's date ("By {short}"), rewritten as the date moves. */
export function asOfColumn(key: string, template: string, asOf: string): TableColumn {
  return { key, label: dateText(template, asOf), asOfText: template };
}

/** A sentence that holds for some dates; `{date}` in the text stands for the chart's date, written out. */
export interface TimedText {
  span: string;
  text: string;
}

export function timedText(texts: readonly TimedText[], asOf: string): string {
  const hit = texts.find((t) => phaseOf(t.span, asOf) === 'in');
  return hit ? dateText(hit.text, asOf) : '';
}
