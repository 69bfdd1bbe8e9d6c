/**
 * What a scroll sequence shows. A `<Scrolly show="…">` names the parts of its widget that its steps talk about:
 * rows, lanes, companies or a named view, each of which the widget's story view can draw on its own. The build
 * checks the names against the widget, and every step's highlight against what the named parts draw, so a step can
 * never point at a mark the sticky graphic left out.
 */

/** A widget's showable names, each with the highlight ids whose marks it draws. */
export type StoryShows = Readonly<Record<string, readonly string[]>>;

/** `show="cloud api"` or `show="cloud, api"`: the names, in order, once each. */
export function parseShow(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))];
}

/** Names the widget does not know, or a sentence if none was given; null when all are known. */
export function showProblem(names: readonly string[], shows: StoryShows): string | null {
  if (names.length === 0) return `names nothing: give one or more of ${Object.keys(shows).join(', ')}`;
  const unknown = names.filter((n) => !Object.hasOwn(shows, n));
  if (unknown.length === 0) return null;
  return `${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not one of ${Object.keys(shows).join(', ')}`;
}

/** Every highlight the named parts draw a mark for. */
export function coveredHighlights(names: readonly string[], shows: StoryShows): Set<string> {
  return new Set(names.flatMap((n) => shows[n] ?? []));
}

/** Why a step's highlight points outside what the sequence shows, or null (no highlight is always fine). */
export function highlightProblem(highlight: string | null | undefined, names: readonly string[], shows: StoryShows): string | null {
  if (!highlight) return null;
  if (coveredHighlights(names, shows).has(highlight)) return null;
  const where = Object.keys(shows).filter((n) => shows[n]!.includes(highlight));
  return `highlight "${highlight}" has no mark in show="${names.join(' ')}"${where.length ? ` (it is drawn by ${where.join(', ')})` : ''}`;
}

/** A sequence's show names joined into one map (e.g. a company standing for all the rows it appears in). */
export function showsFrom(groups: Iterable<[string, Iterable<string>]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, ids] of groups) out[name] = [...new Set([...(out[name] ?? []), ...ids])];
  return out;
}
