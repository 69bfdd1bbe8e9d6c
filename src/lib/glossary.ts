/** Glossary lookups: by id, by any name a chapter may use, and which chapters use which terms. Pure. */
import { chapterRefs } from './chapter-refs';
import type { GlossaryEntry } from './factbase/schema';

/** The anchor of an entry on /glossary/, and the link to it. */
export const termAnchor = (id: string) => `term-${id}`;
export const termHref = (id: string) => `/glossary/#${termAnchor(id)}`;

/** Lower case, straight apostrophes, one kind of hyphen, no commas or stops, single spaces: how names are compared. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/[.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findTerm(glossary: readonly GlossaryEntry[], id: string): GlossaryEntry | undefined {
  return glossary.find((g) => g.id === id);
}

/** The entry a name refers to: its id, its term or one of its aliases, in any case. */
export function findByName(glossary: readonly GlossaryEntry[], name: string): GlossaryEntry | undefined {
  const n = normalizeName(name);
  if (!n) return undefined;
  return (
    glossary.find((g) => g.id === n) ??
    glossary.find((g) => normalizeName(g.term) === n) ??
    glossary.find((g) => g.aliases.some((a) => normalizeName(a) === n))
  );
}

/** Names (term or alias) that more than one entry answers to: each must lead to exactly one definition. */
export function ambiguousNames(glossary: readonly GlossaryEntry[]): { name: string; ids: string[] }[] {
  const owners = new Map<string, Set<string>>();
  for (const g of glossary) {
    for (const name of [g.term, ...g.aliases]) {
      const n = normalizeName(name);
      if (!owners.has(n)) owners.set(n, new Set());
      owners.get(n)!.add(g.id);
    }
  }
  return [...owners].filter(([, ids]) => ids.size > 1).map(([name, ids]) => ({ name, ids: [...ids].sort() }));
}

/** Alphabetical by term, ignoring case and punctuation. */
export function sortGlossary(glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...glossary].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', ignorePunctuation: true }));
}

/** The heading letter an entry is filed under. */
export function letterOf(entry: Pick<GlossaryEntry, 'term'>): string {
  const c = entry.term.trim()[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
}

export function seeAlsoEntries(glossary: readonly GlossaryEntry[], entry: GlossaryEntry): GlossaryEntry[] {
  return entry.seeAlso.map((id) => {
    const e = findTerm(glossary, id);
    if (!e) throw new Error(`glossary entry "${entry.id}": seeAlso "${id}" is not a glossary entry`);
    return e;
  });
}

/** The entries a chapter's MDX marks with <Term id>, in order of first use. Unknown ids are an error. */
export function termsUsedBy(glossary: readonly GlossaryEntry[], body: string, where = 'chapter'): GlossaryEntry[] {
  return chapterRefs(body).terms.map((id) => {
    const e = findTerm(glossary, id);
    if (!e) throw new Error(`${where}: <Term id="${id}">: unknown glossary id`);
    return e;
  });
}

export interface ChapterText {
  slug: string;
  title: string;
  order: number;
  body: string;
}

/** For each glossary id, the chapters that use it, in reading order. */
export function chaptersByTerm<C extends ChapterText>(chapters: readonly C[]): Map<string, C[]> {
  const map = new Map<string, C[]>();
  for (const c of [...chapters].sort((a, b) => a.order - b.order)) {
    for (const id of chapterRefs(c.body).terms) {
      if (!map.has(id)) map.set(id, []);
      map.get(id)!.push(c);
    }
  }
  return map;
}
