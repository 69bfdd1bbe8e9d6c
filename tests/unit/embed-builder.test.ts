import { describe, expect, it } from 'vitest';
import { builderCodes, builderSearch, previewSrc, type BuilderWidget } from '../../src/lib/embed/builder';
import { COLUMN_DESCRIPTIONS, dataCsv, dataFile, dataJson } from '../../src/lib/data-files';
import { parseCsvObjects } from '../../src/lib/csv';

const w: BuilderWidget = {
  id: 'money-flows',
  title: `Who put money into "OpenAI" & co`,
  takeaway: 't',
  rules: { min: '2019-01-01', max: '2032-12-31', defaultAsOf: '2026-06-01', highlights: ['openai'] },
  highlights: [{ id: 'openai', label: 'OpenAI' }],
  heights: { compact: { framed: 600, plain: 550 }, full: { framed: 900, plain: 800 } },
};

describe('builder codes', () => {
  it('default state: bare embed URL, the compact view\'s height', () => {
    const c = builderCodes('https://r.example', w, { widget: 'money-flows', state: { asOf: '2026-06-01', highlight: null }, theme: 'auto', plain: false, view: 'compact' });
    expect(c.src).toBe('https://r.example/embed/money-flows/');
    expect(c.snippet).toContain('height="600"');
    expect(c.snippet).toContain('<script async src="https://r.example/embed.js"></script>');
    expect(c.iframe).not.toContain('<script');
    expect(c.url).toBe('https://r.example/embed/money-flows/');
  });
  it('chosen state: carried in the src (escaped in HTML), the full view\'s plain height; the oEmbed address stays bare', () => {
    const p = { widget: 'money-flows' as const, state: { asOf: '2020-02-02', highlight: 'openai' }, theme: 'dark' as const, plain: true, view: 'full' as const };
    const c = builderCodes('https://r.example', w, p);
    expect(c.src).toBe('https://r.example/embed/money-flows/?asOf=2020-02-02&highlight=openai&theme=dark&plain=1&view=full');
    expect(c.snippet).toContain('src="https://r.example/embed/money-flows/?asOf=2020-02-02&amp;highlight=openai&amp;theme=dark&amp;plain=1&amp;view=full"');
    expect(c.snippet).toContain('title="Who put money into &quot;OpenAI&quot; &amp; co"');
    expect(c.snippet).toContain('height="800"');
    expect(builderCodes('https://r.example', w, { ...p, view: 'compact' }).iframe).toContain('height="550"');
    expect(c.url).toBe('https://r.example/embed/money-flows/');
    expect(builderSearch(p, w)).toBe('?widget=money-flows&asOf=2020-02-02&highlight=openai&theme=dark&plain=1&view=full');
    expect(builderSearch({ ...p, state: { asOf: '2026-06-01', highlight: null }, theme: 'auto', plain: false, view: 'compact' }, w)).toBe('?widget=money-flows');
  });
  it('previews load the chosen state from the server at hand, whatever origin the codes name', () => {
    expect(previewSrc('https://r.example/embed/money-flows/?asOf=2020-02-02&theme=dark')).toBe('/embed/money-flows/?asOf=2020-02-02&theme=dark');
  });
});

describe('data files', () => {
  const rows = [
    { id: 'a', value: 1, qualifier: 'exact', source_ids: 'src-1 src-2', source_urls: 'https://x.test/1' },
    { id: 'b', value: null, qualifier: 'undisclosed', source_ids: 'src-3', source_urls: '' },
  ];
  const file = dataFile('money-flows', rows, 'https://r.example');
  it('adds a note page per source right after source_urls, on every row', () => {
    expect(file.columns).toEqual(['id', 'value', 'qualifier', 'source_ids', 'source_urls', 'source_pages']);
    expect(file.rows[0]!.source_pages).toBe('https://r.example/sources/#source-src-1 https://r.example/sources/#source-src-2');
    expect(file.rows[1]!.source_pages).toBe('https://r.example/sources/#source-src-3');
  });
  it('CSV and JSON carry the same rows; JSON explains its fields', () => {
    const csv = parseCsvObjects(dataCsv(file));
    const json = JSON.parse(dataJson(file, { title: 'T', site: 'https://r.example' }));
    expect(csv.map((r) => r.id)).toEqual(['a', 'b']);
    expect(csv[1]!.value).toBe('');
    expect(json.rows[1].value).toBeNull();
    expect(json.fields.map((f: { name: string }) => f.name)).toEqual(file.columns);
    expect(json.fields.every((f: { description: string | null }) => f.description === COLUMN_DESCRIPTIONS[(f as unknown as { name: string }).name])).toBe(true);
    expect(json.csv).toBe('https://r.example/data/money-flows.csv');
  });
});
