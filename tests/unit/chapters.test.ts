// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { chapterSchema } from '../../src/lib/chapter-schema';
import { chapterRefs } from '../../src/lib/chapter-refs';
import { loadFactBase } from '../../src/lib/factbase/load';
import { chapterProse, handTypedFigures, sharedRuns } from '../../src/lib/text-overlap';

const DIR = 'content/chapters';
// The article's 10-word runs as fingerprints (scripts/article-shingles.mjs writes them): no article text in the repo.
const ARTICLE: string[] = JSON.parse(readFileSync('tests/fixtures/article-shingles.json', 'utf8')).shingles;
const files = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();
const chapters = files.map((file) => {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return { file, text, frontmatter: fm ? parse(fm[1]!) : null };
});
const fb = loadFactBase();

/** Scroll sequences per chapter the story issue asks for: two in chapters 2, 4, 6 and 8, one elsewhere. */
const MIN_SCROLLIES: Record<number, number> = { 2: 2, 4: 2, 6: 2, 8: 2 };

describe('chapters', () => {
  it('are the eight chapters of the arc, in order', () => {
    const slugs = chapters.map((c) => c.frontmatter?.slug);
    expect(slugs).toEqual([
      'the-bet',
      'all-in',
      'five-days-in-november',
      'outgrowing-one-cloud',
      'microsoft-hedges',
      'amazon-moves-in',
      'the-reset',
      'who-comes-out-ahead',
    ]);
    expect(chapters.map((c) => c.frontmatter?.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  describe.each(chapters)('$file', ({ file, text, frontmatter }) => {
    it('meets the frontmatter schema', () => {
      const r = chapterSchema.safeParse(frontmatter);
      expect(r.success, r.success ? '' : `${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBe(true);
    });

    it('has the scroll sequences it needs, each driving a widget with steps', () => {
      const scrollies = [...text.matchAll(/<Scrolly\b[^>]*widget="([^"]+)"[^>]*>([\s\S]*?)<\/Scrolly>/g)];
      expect(scrollies.length).toBeGreaterThanOrEqual(MIN_SCROLLIES[frontmatter.order] ?? 1);
      for (const s of scrollies) expect((s[2]!.match(/<Step\b/g) ?? []).length, `${file}: a <Scrolly widget="${s[1]}"> has too few steps`).toBeGreaterThanOrEqual(2);
    });

    it('copies no run of ten or more words from the article', () => {
      expect(sharedRuns(chapterProse(text), ARTICLE, 10)).toEqual([]);
    });

    it('types no money amount or percentage by hand', () => {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
      expect(handTypedFigures(chapterProse(text)), `${file} prose`).toEqual([]);
      expect(handTypedFigures(fm), `${file} frontmatter`).toEqual([]);
    });

    it('names only figures, quotes and terms that exist', () => {
      const refs = chapterRefs(text);
      expect(refs.figures.length).toBeGreaterThan(0);
      for (const id of refs.figures) expect(fb.figures.some((f) => f.id === id), `${file}: <Fact id="${id}">`).toBe(true);
      for (const id of refs.quotes) expect(fb.quotes.some((q) => q.id === id), `${file}: <Quote id="${id}">`).toBe(true);
      for (const id of refs.terms) expect(fb.glossary.some((g) => g.id === id), `${file}: <Term id="${id}">`).toBe(true);
    });
  });

  it('together cover every event of the fact base', () => {
    const slugs = new Set(chapters.map((c) => c.frontmatter?.slug));
    const orphans = fb.events.filter((e) => !e.chapter || !slugs.has(e.chapter)).map((e) => e.id);
    expect(orphans).toEqual([]);
  });
});

describe('the copy and figure checks themselves', () => {
  it('catch a copied run and a hand-typed figure', () => {
    const copied = 'As it happens, the relationship has also faced more than a few moments of instability, we think.';
    expect(sharedRuns(copied, ARTICLE, 10)).toEqual(['the relationship has also faced more than a few moments of instability']);
    expect(handTypedFigures('Microsoft put in $1 billion, about 27% of it, or 13 billion dollars.')).toEqual(['$1 billion', '27%', '13 billion']);
    expect(chapterProse('---\nx: 1\n---\nimport A from "a";\nSaid <Quote id="q" /> and “quoted words here”.')).not.toMatch(/quoted|import/);
  });
});
