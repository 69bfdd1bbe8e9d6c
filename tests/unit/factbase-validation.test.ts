// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactBaseError, parseYamlList, validateFactBase } from '../../src/lib/factbase/validate';
import { loadFactBase } from '../../src/lib/factbase/load';
import { COLLECTIONS, type CollectionName } from '../../src/lib/factbase/schema';

const FIXTURE = 'tests/fixtures/factbase-min';
const DIR = 'content/data';

/** The minimal valid fixture as raw records, for each test to break in one place. */
function raw(): Record<CollectionName, Record<string, unknown>[]> {
  const out = {} as Record<CollectionName, Record<string, unknown>[]>;
  const files = new Set(readdirSync(FIXTURE));
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const file = COLLECTIONS[name].file;
    out[name] = files.has(file) ? parseYamlList(readFileSync(join(FIXTURE, file), 'utf8'), file) : [];
  }
  return out;
}

function failure(mutate: (r: ReturnType<typeof raw>) => void): FactBaseError {
  const r = raw();
  mutate(r);
  try {
    validateFactBase(r, DIR);
  } catch (e) {
    if (e instanceof FactBaseError) return e;
    throw e;
  }
  throw new Error('expected the fact base to be rejected');
}

const fig = (r: ReturnType<typeof raw>, id: string) => r.figures.find((f) => f.id === id)!;

describe('fact base validation', () => {
  it('accepts the minimal fixture', () => {
    const fb = loadFactBase(FIXTURE);
    expect(fb.figures).toHaveLength(5);
    expect(fb.terms.map((t) => t.id)).toEqual(['cloud-exclusive', 'cloud-rofr']);
  });

  it('names file, entry and field for an unknown source', () => {
    const e = failure((r) => (r.events[0]!.sources = ['src-missing']));
    expect(e.message).toBe('content/data/events.yaml: entry "deal-2019", field "sources.0": unknown source "src-missing"');
  });

  it('names file, entry and field for a missing source list', () => {
    const e = failure((r) => delete r.figures[0]!.sources);
    expect(e.message).toMatch(/^content\/data\/figures\.yaml: entry "money-2019", field "sources": /);
  });

  it('names file, entry and field for an unknown entity', () => {
    const e = failure((r) => (fig(r, 'money-2019').to = 'acme'));
    expect(e.message).toBe('content/data/figures.yaml: entry "money-2019", field "to": unknown entity "acme"');
  });

  it('names file, entry and field for an unknown event', () => {
    const e = failure((r) => (fig(r, 'money-now').event = 'no-such-event'));
    expect(e.message).toBe('content/data/figures.yaml: entry "money-now", field "event": unknown event "no-such-event"');
  });

  it('rejects an invalid date with file, entry and field', () => {
    const e = failure((r) => (r.events[1]!.date = '2026-02-30'));
    expect(e.message).toBe('content/data/events.yaml: entry "later-2026", field "date": is not a real calendar date');
    const e2 = failure((r) => (r.sources[0]!.published = 'July 2019'));
    expect(e2.message).toBe('content/data/sources.yaml: entry "src-a", field "published": must be a date written YYYY-MM-DD');
  });

  it('rejects a negative amount', () => {
    const e = failure((r) => (fig(r, 'money-2019').value = -5));
    expect(e.message).toBe('content/data/figures.yaml: entry "money-2019", field "value": must not be negative (got -5)');
  });

  it('rejects a value on an undisclosed figure', () => {
    const e = failure((r) => (fig(r, 'money-secret').value = 1e9));
    expect(e.message).toBe('content/data/figures.yaml: entry "money-secret", field "value": an undisclosed figure must have value: null (a number was given)');
  });

  it('rejects a missing value on a disclosed figure', () => {
    const e = failure((r) => (fig(r, 'money-now').value = null));
    expect(e.message).toContain('entry "money-now", field "value": is null');
  });

  it('rejects terms whose intervals overlap in one lane', () => {
    const e = failure((r) => (r.terms[1]!.start = '2025-01-01'));
    expect(e.message).toBe(
      'content/data/terms.yaml: entry "cloud-rofr", field "start": overlaps "cloud-exclusive" in lane "cloud" (2019-07-22 to 2025-01-20); end the earlier interval the day before',
    );
  });

  it('lets the stake lane hold a profit share beside an equity interval, but not two equity intervals at once', () => {
    const stake = (id: string, measure: string, start: string, end?: string) => ({ id, lane: 'stake', start, ...(end ? { end } : {}), state: measure, label: id, detail: 'x', measure, sources: ['src-a'] });
    const r = raw();
    r.terms.push(stake('share', 'profit-share', '2023-01-23', '2025-10-27'), stake('equity-before', 'equity', '2019-07-22', '2025-10-27'), stake('equity-after', 'equity', '2025-10-28'));
    expect(() => validateFactBase(r, DIR)).not.toThrow();
    const e = failure((x) => x.terms.push(stake('equity-before', 'equity', '2019-07-22', '2025-10-28'), stake('equity-after', 'equity', '2025-10-28')));
    expect(e.message).toContain('entry "equity-after", field "start": overlaps "equity-before" in lane "stake"');
  });

  it('rejects a figure marked conditional as a whole when one of its parts is paid (pitfall 21)', () => {
    const whole = { id: 'money-headline', label: 'Headline', value: 50e9, unit: 'USD', kind: 'total', from: 'microsoft', to: 'openai', event: 'later-2026', sources: ['src-a'], parts: ['money-now', 'money-later'] };
    const ok = raw();
    ok.figures.push({ ...whole, qualifier: 'exact' });
    expect(() => validateFactBase(ok, DIR)).not.toThrow();
    const e = failure((r) => r.figures.push({ ...whole, qualifier: 'conditional' }));
    expect(e.message).toBe(
      'content/data/figures.yaml: entry "money-headline", field "qualifier": is "conditional" as a whole, but part "money-now" is not conditional: mark the parts, not the whole',
    );
  });

  it('rejects a figure whose parts do not add up to it, or name an unknown figure', () => {
    const whole = { id: 'money-headline', label: 'Headline', value: 51e9, unit: 'USD', qualifier: 'exact', kind: 'total', from: 'microsoft', to: 'openai', event: 'later-2026', sources: ['src-a'], parts: ['money-now', 'money-later'] };
    expect(failure((r) => r.figures.push(whole)).message).toBe('content/data/figures.yaml: entry "money-headline", field "parts": the parts add up to 50000000000, not to the value 51000000000');
    expect(failure((r) => r.figures.push({ ...whole, value: 50e9, parts: ['money-now', 'nope'] })).message).toBe('content/data/figures.yaml: entry "money-headline", field "parts.1": unknown figure "nope"');
  });

  it('rejects a term that ends before it starts', () => {
    const e = failure((r) => (r.terms[0]!.end = '2018-01-01'));
    expect(e.message).toBe('content/data/terms.yaml: entry "cloud-exclusive", field "end": ends (2018-01-01) before it starts (2019-07-22)');
  });

  it('rejects duplicate ids', () => {
    const e = failure((r) => r.sources.push({ ...r.sources[0]! }));
    expect(e.message).toBe('content/data/sources.yaml: entry "src-a", field "id": is used by more than one entry');
  });

  it('rejects a quote over 30 words, naming speaker-free field', () => {
    const e = failure((r) => (r.quotes[0]!.words = Array.from({ length: 31 }, () => 'word').join(' ')));
    expect(e.message).toBe('content/data/quotes.yaml: entry "q-one", field "words": has more than 30 words');
  });

  it('reports malformed YAML with the file name, the entry and field around it, and the line', () => {
    expect(() => parseYamlList('- id: a\n  title: "unclosed\n- id: b\n', 'content/data/events.yaml')).toThrow(
      /^content\/data\/events\.yaml: entry "[ab]", field "(title|id)": malformed YAML at line \d+: /,
    );
    expect(() => parseYamlList('id: a\nname: not a list\n', 'content/data/entities.yaml')).toThrow(
      'content/data/entities.yaml: must be a YAML list of entries (each starting with "- id:")',
    );
  });

  it('rejects a schema violation (unknown qualifier) naming the field', () => {
    const e = failure((r) => (fig(r, 'money-2019').qualifier = 'roughly'));
    expect(e.file).toBe('content/data/figures.yaml');
    expect(e.entryId).toBe('money-2019');
    expect(e.field).toBe('qualifier');
  });
});
