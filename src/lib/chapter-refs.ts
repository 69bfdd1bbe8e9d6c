/** What a chapter's MDX cites, read from its source text: the figures, quotes and glossary terms it names. */
export interface ChapterRefs {
  figures: string[];
  quotes: string[];
  terms: string[];
}

const unique = (xs: string[]) => [...new Set(xs)];

export function chapterRefs(body: string): ChapterRefs {
  const ids = (component: string) =>
    unique([...body.matchAll(new RegExp(`<${component}\\b[^>]*?\\bid=["']([^"']+)["']`, 'g'))].map((m) => m[1]!));
  return { figures: ids('Fact'), quotes: ids('Quote'), terms: ids('Term') };
}

/** Minutes to read at about 230 words a minute, counting prose only (not imports or component tags). */
export function readingMinutes(body: string): number {
  const prose = body
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_>`{}[\]()]/g, ' ');
  const words = prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return Math.max(1, Math.round(words / 230));
}
