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

/** Every run of `n` or more consecutive words found in both texts (each reported once, at its longest). */
export function sharedRuns(text: string, source: string, n = 10): string[] {
  const a = words(text);
  const b = words(source);
  const grams = new Set<string>();
  for (let i = 0; i + n <= b.length; i++) grams.add(b.slice(i, i + n).join(' '));
  const runs: string[] = [];
  let i = 0;
  while (i + n <= a.length) {
    if (grams.has(a.slice(i, i + n).join(' '))) {
      let end = i + n;
      while (end < a.length && grams.has(a.slice(end - n + 1, end + 1).join(' '))) end++;
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
