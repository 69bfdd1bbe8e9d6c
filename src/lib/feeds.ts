/** Shared by the feeds and the corrections page. Pure. */
import type { Correction } from './factbase/schema';

/** A calendar day as a Date at midnight UTC (feeds need a Date; the site only knows days). */
export const isoDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const correctionAnchor = (id: string) => `correction-${id}`;

export interface CorrectionItem {
  title: string;
  link: string;
  description: string;
  date: string;
  categories: string[];
}

/**
 * Corrections as feed items, newest first. A correction naming a chapter that does not exist is an error, so a
 * renamed chapter cannot leave its corrections pointing nowhere.
 */
export function correctionItems(corrections: readonly Correction[], chapters: readonly { slug: string; title: string }[]): CorrectionItem[] {
  return [...corrections]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((c) => {
      const chapter = c.chapter ? chapters.find((ch) => ch.slug === c.chapter) : undefined;
      if (c.chapter && !chapter) throw new Error(`content/data/corrections.yaml: entry "${c.id}", field "chapter": unknown chapter "${c.chapter}"`);
      return {
        title: `${chapter ? chapter.title : 'The whole site'}: ${c.what}`,
        link: `/corrections/#${correctionAnchor(c.id)}`,
        description: `${c.what} Why: ${c.why}`,
        date: c.date,
        categories: [chapter ? `Chapter: ${chapter.title}` : 'Site'],
      };
    });
}
