// @vitest-environment node
// Every kind of content file, broken: the check that runs before each build (checkContent) stops with one message
// naming the file, the entry and the field. Each case works on a fresh copy of content/.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_FILES, loadContent, MAX_FILE_BYTES, parseCount } from '../../src/lib/factbase/content-files';
import { checkContent, loadFactBase } from '../../src/lib/factbase/load';
import { MAX_ALIASES } from '../../src/lib/factbase/validate';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A copy of content/ to break. */
function copy(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'reset-content-')), 'content');
  cpSync('content', root, { recursive: true });
  roots.push(root);
  return root;
}

function failure(edit: (root: string) => void): string {
  const root = copy();
  edit(root);
  try {
    checkContent(root);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the content to be rejected');
}

const append = (file: string, text: string) => (root: string) => appendFileSync(join(root, 'data', file), `\n${text}\n`);

/** file, entry, field: the start of the message every case must give. */
const names = (file: string, entry: string, field: string) =>
  new RegExp(`(^|/)content/data/${file.replace('.', '\\.')}: entry "${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}", field "${field}": `);

describe('each content file kind, broken, names file, entry and field', () => {
  const cases: [kind: keyof typeof CONTENT_FILES, file: string, edit: (root: string) => void, entry: string, field: string, problem: RegExp][] = [
    ['sources', 'sources.yaml', append('sources.yaml', '- id: bad-source\n  publisher: P\n  title: T\n  published: 2024-02-30\n  kind: primary'), 'bad-source', 'published', /not a real calendar date/],
    ['entities', 'entities.yaml', append('entities.yaml', '- id: bad-person\n  name: N\n  type: person\n  org: nobody\n  description: d'), 'bad-person', 'org', /unknown entity "nobody"/],
    ['events', 'events.yaml', append('events.yaml', '- id: bad-event\n  date: 2024-01-01\n  precision: day\n  title: T\n  summary: S\n  entities: [microsoft]\n  kind: product\n  confidence: confirmed\n  sources: [no-such-source]'), 'bad-event', 'sources.0', /unknown source "no-such-source"/],
    ['figures', 'figures.yaml', append('figures.yaml', '- id: secret-amount\n  label: x\n  value: 5\n  unit: USD\n  qualifier: undisclosed\n  kind: investment\n  event: reset-2026\n  sources: [the-new-stack-reset-decoded]'), 'secret-amount', 'value', /undisclosed figure must have value: null/],
    ['terms', 'terms.yaml', append('terms.yaml', '- id: bad-term\n  lane: cloud\n  start: 2030-01-01\n  end: 2029-01-01\n  state: none\n  label: L\n  detail: D\n  sources: [the-new-stack-reset-decoded]'), 'bad-term', 'end', /ends \(2029-01-01\) before it starts/],
    ['quotes', 'quotes.yaml', append('quotes.yaml', '- id: bad-quote\n  speaker: nobody\n  words: Hello.\n  occasion: O\n  date: 2024-01-01\n  source: the-new-stack-reset-decoded'), 'bad-quote', 'speaker', /unknown entity "nobody"/],
    ['glossary', 'glossary.yaml', append('glossary.yaml', '- id: bad-term-entry\n  term: T\n  definition: D\n  seeAlso: [no-such-term]'), 'bad-term-entry', 'seeAlso.0', /unknown glossary entry "no-such-term"/],
    ['corrections', 'corrections.yaml', append('corrections.yaml', '- id: bad-correction\n  date: 26 November\n  what: W\n  why: Y'), 'bad-correction', 'date', /YYYY-MM-DD/],
    ['differences', 'differences.yaml', append('differences.yaml', '- id: bad-difference\n  topic: T\n  article: A\n  record: R\n  sources: [no-such-source]'), 'bad-difference', 'sources.0', /unknown source "no-such-source"/],
    ['activities', 'activities.yaml', append('activities.yaml', '- chapter: the-bet\n  widget: terms-timeline\n  asOf: 2022-12-31\n  title: T\n  prompt: P\n  tasks: [a, b]\n  debrief: D\n  minutes: 99'), 'the-bet', 'minutes', /40/],
    ['lessonPlans', 'lesson-plans.yaml', append('lesson-plans.yaml', '- id: bad-plan\n  title: T\n  length: L\n  summary: S\n  lessons: []'), 'bad-plan', 'lessons', /.+/],
    ['redirects', 'redirects.yaml', (root) => writeFileSync(join(root, 'data/redirects.yaml'), '/chapters/old-slug/: chapters/new-slug\n'), '/chapters/old-slug/', 'new path', /site path/],
    ['publishedSlugs', 'published-slugs.yaml', append('published-slugs.yaml', '- Not A Slug'), '#9', 'slug', /chapter slug/],
  ];

  it('covers every registered kind', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(Object.keys(CONTENT_FILES).sort());
  });

  for (const [kind, file, edit, entry, field, problem] of cases) {
    it(`${kind} (${file})`, () => {
      const message = failure(edit);
      expect(message).toMatch(names(file, entry, field));
      expect(message).toMatch(problem);
    });
  }
});

describe('what no schema can see', () => {
  it('malformed YAML names the entry and field around the line', () => {
    const message = failure(append('events.yaml', '- id: broken-event\n  title: "unclosed\n  date: 2024-01-01'));
    expect(message).toMatch(/content\/data\/events\.yaml: entry "broken-event", field "(title|date)": malformed YAML at line \d+/);
  });

  it('an alias bomb stops at the limit, naming entry and field, without expanding it', () => {
    const lol = ['  a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [n, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) lol.push(`  ${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const started = Date.now();
    const message = failure(append('glossary.yaml', `- id: bomb\n  term: T\n  definition: D\n  note:\n${lol.map((l) => `  ${l}`).join('\n')}`));
    expect(message).toMatch(new RegExp(`content/data/glossary\\.yaml: entry "bomb", field "note": uses YAML aliases \\(\\*name\\) more than ${MAX_ALIASES} times`));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const message = failure((root) => appendFileSync(join(root, 'data/figures.yaml'), `\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`));
    expect(message).toMatch(/content\/data\/figures\.yaml: is 1\.0 MB, over the limit of 1 MB for a content file/);
  });

  it('a YAML file of no known kind is an error, not ignored', () => {
    const message = failure((root) => writeFileSync(join(root, 'data/chart-words.yaml'), '- id: x\n'));
    expect(message).toMatch(/content\/data\/chart-words\.yaml: is not a known content file: give it a kind in CONTENT_FILES/);
  });

  it('a chapter renamed without a redirect fails; with published-slugs.yaml and redirects.yaml it passes', () => {
    const rename = (root: string) => {
      const file = join(root, 'chapters/01-the-bet.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^slug: the-bet$/m, 'slug: the-wager'));
      appendFileSync(join(root, 'data/published-slugs.yaml'), '\n- the-wager\n');
    };
    expect(failure(rename)).toContain('published chapter "the-bet" no longer exists and /chapters/the-bet/ does not redirect to a chapter (content/data/redirects.yaml)');
    const root = copy();
    rename(root);
    writeFileSync(join(root, 'data/redirects.yaml'), '/chapters/the-bet/: /chapters/the-wager/\n');
    expect(() => checkContent(root)).not.toThrow();
    expect(loadContent('redirects', root)).toEqual({ '/chapters/the-bet/': '/chapters/the-wager/' });
  });
});

describe('read once per build', () => {
  it('parses each file once, again only when it changes', () => {
    const root = copy();
    const before = parseCount.value;
    checkContent(root);
    const files = Object.keys(CONTENT_FILES).length;
    expect(parseCount.value - before).toBe(files);
    checkContent(root);
    loadFactBase(join(root, 'data'));
    expect(parseCount.value - before).toBe(files);
    const figures = join(root, 'data/figures.yaml');
    const later = new Date(Date.now() + 5_000);
    utimesSync(figures, later, later);
    checkContent(root);
    expect(parseCount.value - before).toBe(files + 1);
  });

  it('shares what it read with another instance of the module (the config hook and the collections are two)', async () => {
    const root = copy();
    const first = loadFactBase(join(root, 'data'));
    vi.resetModules();
    const again = await import('../../src/lib/factbase/load');
    const counted = await import('../../src/lib/factbase/content-files');
    expect(counted.parseCount).not.toBe(parseCount);
    expect(again.loadFactBase(join(root, 'data'))).toBe(first);
    expect(counted.parseCount.value).toBe(0);
  });
});
