/** Questions asked of the fact base. Pure functions: the same base and date give the same answer. */
import type { Entity, FactBase, FactEvent, Figure, Source, Term, TermLane } from './factbase/schema';

export class UnknownIdError extends Error {
  constructor(kind: string, id: string) {
    super(`unknown ${kind} id "${id}"`);
    this.name = 'UnknownIdError';
  }
}

function byId<T extends { id: string }>(list: T[], id: string, kind: string): T {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new UnknownIdError(kind, id);
  return hit;
}

export const getFigure = (fb: FactBase, id: string): Figure => byId(fb.figures, id, 'figure');
export const getEvent = (fb: FactBase, id: string): FactEvent => byId(fb.events, id, 'event');
export const getEntity = (fb: FactBase, id: string): Entity => byId(fb.entities, id, 'entity');
export const getSource = (fb: FactBase, id: string): Source => byId(fb.sources, id, 'source');

/** A figure's date is the date of the event it belongs to. */
export function figureDate(fb: FactBase, f: Figure): { date: string; precision: FactEvent['precision'] } {
  const e = getEvent(fb, f.event);
  return { date: e.date, precision: e.precision };
}

export interface FigureFilter {
  entity?: string;
  kind?: Figure['kind'] | Figure['kind'][];
  /** Only figures whose event happened on or before this ISO date. */
  asOf?: string;
}

export function figuresWhere(fb: FactBase, filter: FigureFilter = {}): Figure[] {
  const kinds = filter.kind === undefined ? null : new Set(Array.isArray(filter.kind) ? filter.kind : [filter.kind]);
  return fb.figures
    .filter((f) => !kinds || kinds.has(f.kind))
    .filter((f) => !filter.entity || f.from === filter.entity || f.to === filter.entity || getEvent(fb, f.event).entities.includes(filter.entity))
    .filter((f) => !filter.asOf || figureDate(fb, f).date <= filter.asOf)
    .sort((a, b) => figureDate(fb, a).date.localeCompare(figureDate(fb, b).date) || a.id.localeCompare(b.id));
}

export type MoneyStatus = 'paid' | 'conditional' | 'up-to' | 'undisclosed';

/** How sure money is: paid (or committed outright), on conditions, a ceiling, or not disclosed. */
export function moneyStatus(f: Figure): MoneyStatus {
  if (f.qualifier === 'undisclosed' || f.value === null) return 'undisclosed';
  if (f.qualifier === 'conditional') return 'conditional';
  if (f.qualifier === 'up-to') return 'up-to';
  return 'paid';
}

export interface InvestedSummary {
  from: string;
  to: string;
  asOf: string;
  paid: number;
  conditional: number;
  upTo: number;
  /** Investments whose amount was never disclosed: counted, never summed as zero. */
  undisclosed: number;
  figures: Figure[];
}

/**
 * Equity money A put into B by a date, by certainty. Only `investment` figures count: running totals restate
 * their parts, and spending commitments flow the other way.
 */
export function investedAsOf(fb: FactBase, from: string, to: string, asOf: string): InvestedSummary {
  const figures = figuresWhere(fb, { kind: 'investment', asOf }).filter((f) => f.from === from && f.to === to);
  const sum = (s: MoneyStatus) => figures.filter((f) => moneyStatus(f) === s).reduce((acc, f) => acc + (f.value ?? 0), 0);
  return {
    from,
    to,
    asOf,
    paid: sum('paid'),
    conditional: sum('conditional'),
    upTo: sum('up-to'),
    undisclosed: figures.filter((f) => moneyStatus(f) === 'undisclosed').length,
    figures,
  };
}

/** Whether a term interval is in force on a date (end is the last day in force). */
export function termInForce(t: Term, date: string): boolean {
  return t.start <= date && (t.end === undefined || date <= t.end);
}

/** The Microsoft–OpenAI terms in force on a date: at most one per lane. */
export function termsInForce(fb: FactBase, date: string): Partial<Record<TermLane, Term>> {
  const out: Partial<Record<TermLane, Term>> = {};
  for (const t of fb.terms) if (termInForce(t, date)) out[t.lane] = t;
  return out;
}

/** Every event, oldest first; ties keep a stable order by id. */
export function timeline(fb: FactBase, filter: { entities?: string[]; kinds?: FactEvent['kind'][]; asOf?: string } = {}): FactEvent[] {
  return fb.events
    .filter((e) => !filter.entities?.length || e.entities.some((id) => filter.entities!.includes(id)))
    .filter((e) => !filter.kinds?.length || filter.kinds.includes(e.kind))
    .filter((e) => !filter.asOf || e.date <= filter.asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The sources behind a set of figures, events or terms, de-duplicated, in first-cited order. */
export function sourcesFor(fb: FactBase, items: { sources: string[] }[]): Source[] {
  const ids = [...new Set(items.flatMap((i) => i.sources))];
  return ids.map((id) => getSource(fb, id));
}

/** Everything in the base that cites a source: for the sources page. */
export function citing(fb: FactBase, sourceId: string): { events: FactEvent[]; figures: Figure[]; terms: Term[] } {
  return {
    events: fb.events.filter((e) => e.sources.includes(sourceId)),
    figures: fb.figures.filter((f) => f.sources.includes(sourceId)),
    terms: fb.terms.filter((t) => t.sources.includes(sourceId)),
  };
}

/** The anchor of a source on /sources/. */
export const sourceAnchor = (id: string) => `source-${id}`;
export const sourceHref = (id: string) => `/sources/#${sourceAnchor(id)}`;
