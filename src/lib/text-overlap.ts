/** Finds runs of words a chapter shares with the source article: we retell it, we never copy it. */

/** Lower-case words, apostrophes kept, punctuation and markup dropped. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9'\s]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** The prose of an MDX chapter: no frontmatter, imports, component tags or quotations. */
export function chapterProse(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/<Quote\b[^>]*\/>/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ');
}

/**
 * A short, stable fingerprint of one run of words (cyrb53, 53 bits as 14 hex digits). The tests keep the source
 * article's runs as fingerprints only, so the repository carries no sentence of it.
 */
export function shingleHash(run: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The fingerprints of every run of `n` consecutive words of a source text. */
export function shingles(source: string, n = 10): string[] {
  const b = words(source);
  const out = new Set<string>();
  for (let i = 0; i + n <= b.length; i++) out.add(shingleHash(b.slice(i, i + n).join(' ')));
  return [...out].sort();
}

/**
 * Every run of `n` or more consecutive words of `text` whose `n`-word windows all appear in the source, given as
 * its fingerprints (`shingles(source, n)`); each run reported once, at its longest.
 */
export function sharedRuns(text: string, sourceShingles: Iterable<string>, n = 10): string[] {
  const a = words(text);
  const grams = new Set(sourceShingles);
  const has = (i: number) => grams.has(shingleHash(a.slice(i, i + n).join(' ')));
  const runs: string[] = [];
  let i = 0;
  while (i + n <= a.length) {
    if (has(i)) {
      let end = i + n;
      while (end < a.length && has(end - n + 1)) end++;
      runs.push(a.slice(i, end).join(' '));
      i = end;
    } else i++;
  }
  return runs;
}

/** Money amounts and percentages typed by hand in prose, which must come from <Fact> instead. */
export function handTypedFigures(prose: string): string[] {
  const re = /\$\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|[BMT])\b)?|\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\b\d+(?:\.\d+)?\s(?:billion|million|trillion)\b/gi;
  return [...prose.matchAll(re)].map((m) => m[0]);
}
