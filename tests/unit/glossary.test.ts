// @vitest-environment node
// Glossary lookups (src/lib/glossary.ts) on a small fixture, then the real glossary and chapters: every name leads
// to one definition, every term the issue lists is defined, and every <Term id> in a chapter exists.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import type { GlossaryEntry } from '../../src/lib/factbase/schema';
import {
  ambiguousNames,
  chaptersByTerm,
  findByName,
  findTerm,
  letterOf,
  normalizeName,
  seeAlsoEntries,
  sortGlossary,
  termHref,
  termsUsedBy,
} from '../../src/lib/glossary';

const entry = (id: string, term: string, aliases: string[] = [], seeAlso: string[] = []): GlossaryEntry => ({ id, term, aliases, definition: `${term} means something.`, seeAlso });
const FIXTURE: GlossaryEntry[] = [
  entry('trainium', 'Trainium', ['Trainium2', 'Trainium chips'], ['gpu']),
  entry('rpo', 'Remaining performance obligation', ['RPO', 'remaining performance obligations']),
  entry('gpu', 'GPU', ['GPUs', 'graphics chips'], ['trainium']),
  entry('agi-clause', 'AGI clause', ['AGI']),
  entry('open-weight-model', 'Open-weight model', ['open weights']),
];

describe('glossary lookups', () => {
  it('finds an entry by id', () => {
    expect(findTerm(FIXTURE, 'rpo')?.term).toBe('Remaining performance obligation');
    expect(findTerm(FIXTURE, 'nope')).toBeUndefined();
  });
  it('finds an entry by term or alias, in any case and spacing', () => {
    expect(findByName(FIXTURE, 'rpo')?.id).toBe('rpo');
    expect(findByName(FIXTURE, 'Remaining Performance Obligations')?.id).toBe('rpo');
    expect(findByName(FIXTURE, '  trainium2 ')?.id).toBe('trainium');
    expect(findByName(FIXTURE, 'Graphics   Chips')?.id).toBe('gpu');
    expect(findByName(FIXTURE, 'Open‑weight model')?.id).toBe('open-weight-model'); // non-breaking hyphen
    expect(findByName(FIXTURE, 'agi')?.id).toBe('agi-clause');
    expect(findByName(FIXTURE, 'Azure')).toBeUndefined();
    expect(findByName(FIXTURE, '')).toBeUndefined();
  });
  it('normalizes names', () => {
    expect(normalizeName('  OpenAI’s  Stake ')).toBe("openai's stake");
    expect(normalizeName('As-converted, diluted stake')).toBe('as-converted diluted stake');
  });
  it('sorts alphabetically, ignoring case', () => {
    expect(sortGlossary(FIXTURE).map((g) => g.id)).toEqual(['agi-clause', 'gpu', 'open-weight-model', 'rpo', 'trainium']);
    expect(letterOf({ term: 'open-weight' })).toBe('O');
    expect(letterOf({ term: '"Quoted"' })).toBe('#');
  });
  it('resolves see-also links and rejects unknown ones', () => {
    expect(seeAlsoEntries(FIXTURE, FIXTURE[0]!).map((g) => g.id)).toEqual(['gpu']);
    expect(() => seeAlsoEntries(FIXTURE, entry('x', 'X', [], ['missing']))).toThrow(/seeAlso "missing"/);
  });
  it('lists the terms a chapter uses, in order of first use, once each', () => {
    const body = 'Chips: <Term id="trainium">Trainium</Term> and <Term id="gpu" /> and again <Term id="trainium">it</Term>, <Term id=\'rpo\'>RPO</Term>.';
    expect(termsUsedBy(FIXTURE, body).map((g) => g.id)).toEqual(['trainium', 'gpu', 'rpo']);
    expect(() => termsUsedBy(FIXTURE, '<Term id="ghost">x</Term>', 'the-bet')).toThrow('the-bet: <Term id="ghost">: unknown glossary id');
  });
  it('maps each term to the chapters using it, in reading order', () => {
    const map = chaptersByTerm([
      { slug: 'b', title: 'B', order: 2, body: '<Term id="gpu">x</Term>' },
      { slug: 'a', title: 'A', order: 1, body: '<Term id="gpu">x</Term> <Term id="rpo">y</Term>' },
    ]);
    expect(map.get('gpu')?.map((c) => c.slug)).toEqual(['a', 'b']);
    expect(map.get('rpo')?.map((c) => c.slug)).toEqual(['a']);
    expect(map.get('trainium')).toBeUndefined();
  });
  it('finds names shared by two entries', () => {
    expect(ambiguousNames(FIXTURE)).toEqual([]);
    expect(ambiguousNames([...FIXTURE, entry('chips', 'Chips', ['graphics chips'])])).toEqual([{ name: 'graphics chips', ids: ['chips', 'gpu'] }]);
  });
  it('links to the entry anchor', () => {
    expect(termHref('rpo')).toBe('/glossary/#term-rpo');
  });
});

describe('the real glossary', () => {
  const fb = loadFactBase();
  // The terms issue 6 names, as a reader would type them.
  const REQUIRED = [
    'exclusivity', 'right of first refusal', 'revenue share', 'remaining performance obligation', 'RPO', 'commercial RPO',
    'Trainium', 'Bedrock', 'Foundry', 'SageMaker', 'open-weight model', 'AGI clause', 'limited preview', 'compute commitment',
    'gigawatt of capacity', 'as-converted diluted stake', 'capped-profit arm',
  ];
  it.each(REQUIRED)('defines "%s"', (name) => {
    expect(findByName(fb.glossary, name), `no glossary entry answers to "${name}"`).toBeDefined();
  });
  it('gives every name one definition', () => {
    expect(ambiguousNames(fb.glossary)).toEqual([]);
  });
  it('has see-also links that resolve', () => {
    for (const g of fb.glossary) expect(() => seeAlsoEntries(fb.glossary, g)).not.toThrow();
  });
  it('defines every term the chapters mark', () => {
    const dir = 'content/chapters';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const slug = String(parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!).slug);
      expect(() => termsUsedBy(fb.glossary, text, slug)).not.toThrow();
    }
  });
});
