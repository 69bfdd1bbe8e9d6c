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

    it('copies no run of ten or more words from the article in its frontmatter (dek, summary, takeaways, goals, questions)', () => {
      const { dek, summary, takeaways, goals, questions } = frontmatter;
      for (const field of [dek, summary, ...takeaways, ...goals, ...questions]) expect(sharedRuns(field, ARTICLE, 10), `${file}: ${field}`).toEqual([]);
    });

    it('shows, with <RecordDiffers>, each note where our record differs from the article that names this chapter', () => {
      const shown = [...text.matchAll(/<RecordDiffers\s+id="([^"]+)"/g)].map((m) => m[1]!);
      for (const id of shown) expect(fb.differences.some((d) => d.id === id), `${file}: <RecordDiffers id="${id}">`).toBe(true);
      const due = fb.differences.filter((d) => d.chapters.includes(frontmatter.slug)).map((d) => d.id);
      expect(shown.sort()).toEqual(due.sort());
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

  it('are the only chapters the record-differs notes name', () => {
    const slugs = new Set(chapters.map((c) => c.frontmatter?.slug));
    for (const d of fb.differences) for (const slug of d.chapters) expect(slugs.has(slug), `differences.yaml: ${d.id}: ${slug}`).toBe(true);
  });

  it('together cover every event of the fact base', () => {
    const slugs = new Set(chapters.map((c) => c.frontmatter?.slug));
    const orphans = fb.events.filter((e) => !e.chapter || !slugs.has(e.chapter)).map((e) => e.id);
    expect(orphans).toEqual([]);
  });
});

/** Every sentence of site prose kept as data: the teaching material, the glossary, event summaries, contract-term details and the record-differs notes. */
function yamlProse(): { where: string; text: string }[] {
  const read = (file: string) => parse(readFileSync(`content/data/${file}`, 'utf8')) as Record<string, unknown>[];
  const out: { where: string; text: string }[] = [];
  const add = (where: string, ...texts: unknown[]) => {
    for (const t of texts.flat()) if (typeof t === 'string') out.push({ where, text: t });
  };
  for (const a of read('activities.yaml')) add(`activities.yaml: ${a.chapter}`, a.title, a.prompt, a.tasks, a.debrief);
  for (const g of read('glossary.yaml')) add(`glossary.yaml: ${g.id}`, g.definition);
  for (const e of read('events.yaml')) add(`events.yaml: ${e.id}`, e.title, e.summary);
  for (const t of read('terms.yaml')) add(`terms.yaml: ${t.id}`, t.label, t.detail);
  for (const d of read('differences.yaml')) add(`differences.yaml: ${d.id}`, d.article, d.record);
  for (const p of read('lesson-plans.yaml')) {
    add(`lesson-plans.yaml: ${p.id}`, p.title, p.summary);
    for (const l of p.lessons as Record<string, unknown>[]) {
      add(`lesson-plans.yaml: ${p.id}`, l.title, l.aim, l.homework);
      for (const st of l.steps as Record<string, unknown>[]) add(`lesson-plans.yaml: ${p.id}`, st.text);
    }
  }
  return out;
}

describe('prose kept as data', () => {
  const prose = yamlProse();
  it('covers the activities, glossary, events, terms, differences and lesson plans', () => {
    const files = new Set(prose.map((p) => p.where.split(':')[0]));
    expect([...files].sort()).toEqual(['activities.yaml', 'differences.yaml', 'events.yaml', 'glossary.yaml', 'lesson-plans.yaml', 'terms.yaml']);
  });
  it.each(prose.map((p, i) => ({ ...p, i })))('$where (#$i) copies no run of ten or more words from the article', ({ where, text }) => {
    expect(sharedRuns(text, ARTICLE, 10), where).toEqual([]);
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
