/** Where our record departs from the source article: the words of each note, amounts filled from the fact base. */
import type { Difference, FactBase } from './factbase/schema';
import { formatFigure } from './format';
import { getFigure } from './queries';
import { fillFigures } from './teach-schema';

export const differenceAnchor = (id: string) => `record-differs-${id}`;
export const differenceHref = (id: string) => `/sources/#${differenceAnchor(id)}`;

export function differenceWords(fb: FactBase, d: Difference): { article: string; record: string } {
  const fill = (text: string) => fillFigures(text.replace(/\s+/g, ' ').trim(), (id) => formatFigure(getFigure(fb, id)));
  return { article: fill(d.article), record: fill(d.record) };
}

/** The note a chapter shows, by id; an unknown id is an error naming the file to fix. */
export function getDifference(fb: FactBase, id: string): Difference {
  const d = fb.differences.find((x) => x.id === id);
  if (!d) throw new Error(`unknown difference "${id}": add it to content/data/differences.yaml`);
  return d;
}
