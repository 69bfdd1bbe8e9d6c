/** What the teaching pages, feeds and social cards need to know about a chapter, from its MDX and the fact base. Pure. */
import { chapterRefs } from './chapter-refs';
import type { FactBase, GlossaryEntry, Source } from './factbase/schema';
import { termsUsedBy } from './glossary';
import { chapterEntities, companiesOf } from './og-colors';

/** The sources a chapter cites, through its figures and quotes, in order of first citation (as its source list). */
export function chapterSources(fb: FactBase, body: string): Source[] {
  const refs = chapterRefs(body);
  const ids = [
    ...new Set([
      ...refs.figures.flatMap((id) => fb.figures.find((f) => f.id === id)?.sources ?? []),
      ...refs.quotes.flatMap((id) => fb.quotes.filter((q) => q.id === id).map((q) => q.source)),
    ]),
  ];
  return ids.map((id) => fb.sources.find((s) => s.id === id)).filter((s): s is Source => !!s);
}

/** The primary sources (announcements, filings, transcripts) a chapter cites, oldest first. */
export function primarySources(fb: FactBase, body: string): Source[] {
  return chapterSources(fb, body)
    .filter((s) => s.kind === 'primary')
    .sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
}

/** The glossary terms a chapter marks, alphabetically: the vocabulary list of its teaching guide. */
export function vocabulary(fb: FactBase, body: string, slug: string): GlossaryEntry[] {
  return termsUsedBy(fb.glossary, body, slug).sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/** The companies a chapter's money is about, for its social card. */
export function chapterCompanies(fb: FactBase, body: string) {
  return companiesOf(fb, chapterEntities(fb, chapterRefs(body).figures));
}

/** "Feb – Mar 2026", "November 2023", "Jul 2019 – Jan 2023". */
export function periodLabel(start: string, end: string): string {
  const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y1, m1] = start.split('-').map(Number) as [number, number];
  const [y2, m2] = end.split('-').map(Number) as [number, number];
  if (y1 === y2 && m1 === m2) return `${LONG[m1 - 1]} ${y1}`;
  if (y1 === y2) return `${M[m1 - 1]} – ${M[m2 - 1]} ${y1}`;
  return `${M[m1 - 1]} ${y1} – ${M[m2 - 1]} ${y2}`;
}

export function chapterKicker(c: { order: number; period: { start: string; end: string } }, total: number): string {
  return `Chapter ${c.order} of ${total} · ${periodLabel(c.period.start, c.period.end)}`;
}
