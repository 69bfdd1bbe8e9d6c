// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
// @ts-expect-error -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-expect-error -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/Timeline/data';
import { listView, NO_FILTERS, summary, table, visible, whenText, yearMark, datetimeAttr } from '../../../src/widgets/Timeline/view';
import Timeline from '../../../src/widgets/Timeline/Timeline.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);
const NOW = { asOf: '2026-06-01', highlight: null };

describe('timeline data', () => {
  it('holds every event of the fact base, oldest first', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.events).toHaveLength(fb.events.length);
    const dates = data.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(data.events[0]!.id).toBe('microsoft-invests-2019');
    expect(data.events.at(-1)!.id).toBe('codex-bedrock-ga-2026');
  });

  it('maps people and products to their companies', () => {
    const e = data.events.find((x) => x.id === 'siegler-analysis-2026')!;
    expect(e.companies).toEqual(expect.arrayContaining(['spyglass', 'openai', 'anthropic']));
    const alt = data.events.find((x) => x.id === 'altman-removed-2023')!;
    expect(alt.companies).toEqual(['openai']);
    expect(data.companies.map((c) => c.id).slice(0, 4)).toEqual(['openai', 'microsoft', 'amazon', 'anthropic']);
    const counts = data.companies.map((c) => c.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(data.kinds.map((k) => k.id)).toEqual(['investment', 'commitment', 'terms', 'product', 'governance', 'earnings', 'legal', 'analysis']);
  });

  it('highlights every company and every event it draws', () => {
    const ids = data.meta.highlights.map((h) => h.id);
    for (const e of fb.events) expect(ids).toContain(e.id);
    expect(ids).toEqual(expect.arrayContaining(['microsoft', 'openai', 'amazon', 'anthropic', 'google', 'oracle', 'coreweave', 'nvidia']));
  });

  it('gives each data row its date precision, certainty, chapter and sources', () => {
    const rows = widget.dataRows(fb);
    expect(rows).toHaveLength(fb.events.length);
    const r2021 = rows.find((r) => r.id === 'microsoft-second-investment-2021')!;
    expect(r2021).toMatchObject({ date: '2021-01-01', date_precision: 'year', qualifier: 'reported', chapter: 'all-in' });
    expect(rows.find((r) => r.id === 'microsoft-invests-2019')!.source_urls).toContain('https://openai.com/');
  });
});

describe('timeline view', () => {
  it('draws dates only as precise as the record', () => {
    const y = data.events.find((e) => e.id === 'microsoft-second-investment-2021')!;
    const m = data.events.find((e) => e.id === 'oracle-extends-azure-2024')!;
    const d = data.events.find((e) => e.id === 'reset-2026')!;
    expect(whenText(y)).toBe('2021');
    expect(whenText(m)).toBe('June 2024');
    expect(whenText(d)).toBe('Apr 27');
    expect(yearMark(y).kind).toBe('fuzzy');
    expect(yearMark(m)).toEqual({ kind: 'range', a: 5 / 12, b: 6 / 12 });
    expect(yearMark(d).kind).toBe('point');
    expect(datetimeAttr(m)).toBe('2024-06');
    expect(datetimeAttr(y)).toBe('2021');
  });

  it('filters by company and by kind', () => {
    expect(visible(data, NO_FILTERS)).toHaveLength(fb.events.length);
    const amazon = visible(data, { companies: ['amazon'], kinds: [] });
    expect(amazon.every((e) => e.companies.includes('amazon'))).toBe(true);
    expect(amazon.map((e) => e.id)).toContain('openai-on-bedrock-preview-2026');
    const terms = visible(data, { companies: [], kinds: ['terms'] });
    expect(terms.map((e) => e.id)).toEqual(['azure-exclusivity-to-rofr-2025', 'recapitalisation-2025', 'stateless-api-statement-2026', 'reset-2026']);
    expect(visible(data, { companies: ['coreweave'], kinds: ['legal'] })).toHaveLength(0);
  });

  it('groups by year, fades events after the as-of date and places the marker', () => {
    const v = listView(data, NO_FILTERS, { asOf: '2023-12-31', highlight: null });
    expect(v.groups.map((g) => g.year)).toEqual(['2019', '2021', '2023', '2024', '2025', '2026']);
    const items = v.groups.flatMap((g) => g.items);
    expect(items.filter((i) => i.markerBefore).map((i) => i.ev.id)).toEqual(['amazon-anthropic-round-complete-2024']);
    expect(items.find((i) => i.ev.id === 'altman-returns-2023')!.later).toBe(false);
    expect(items.find((i) => i.ev.id === 'reset-2026')!.later).toBe(true);
    expect(listView(data, NO_FILTERS, NOW).markerAtEnd).toBe(true);
  });

  it('highlights events involving an entity, or one event', () => {
    const items = listView(data, NO_FILTERS, { asOf: '2026-06-01', highlight: 'google' }).groups.flatMap((g) => g.items);
    expect(items.filter((i) => i.emph).map((i) => i.ev.id)).toEqual(['openai-google-cloud-2025']);
    const one = listView(data, NO_FILTERS, { asOf: '2026-06-01', highlight: 'reset-2026' }).groups.flatMap((g) => g.items);
    expect(one.filter((i) => i.emph).map((i) => i.ev.id)).toEqual(['reset-2026']);
  });

  it('summarises what is shown', () => {
    const n = fb.events.length;
    expect(summary(data, NO_FILTERS, NOW)).toMatch(new RegExp(`^Showing ${n} of ${n} events from July 22, 2019 to June 1, 2026\\. All had happened by June 1, 2026\\.`));
    const s = summary(data, { companies: ['microsoft', 'amazon'], kinds: ['terms'] }, { asOf: '2025-12-31', highlight: null });
    expect(s).toMatch(/^Showing 4 of \d+ events from January 21, 2025 to April 27, 2026, filtered to Microsoft or AWS; contract terms events\. 2 had happened by December 31, 2025\./);
    expect(summary(data, { companies: ['coreweave'], kinds: ['legal'] }, NOW)).toMatch(/^No events match/);
    expect(table(data, NO_FILTERS).rows).toHaveLength(n);
  });
});

describe('timeline server render', () => {
  it('renders every event with links, and the filters, without JavaScript', () => {
    const { body } = render(Timeline, { props: { summaryId: 'chart-summary', data, chapters: { 'the-bet': 'The bet' } } });
    expect(body).toContain('id="chart-summary"');
    expect((body.match(/data-event="/g) ?? []).length).toBe(fb.events.length);
    expect(body).toContain('href="/chapters/the-bet/"');
    expect(body).toContain('Read in “The bet”');
    expect(body).toContain('href="/sources/#source-openai-blog-2019-07-22"');
    expect(body).toContain('aria-pressed="false"');
    expect(body).toContain('<time datetime="2024-06"');
    expect(body).toContain(`Showing ${fb.events.length} of ${fb.events.length} events`);
  });
});
