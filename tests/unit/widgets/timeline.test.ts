// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
// @ts-expect-error -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-expect-error -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import { formatDate } from '../../../src/lib/format';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/Timeline/data';
// @ts-expect-error -- jsdom ships no declaration file (a DOM for the browser side, in this node environment)
import { JSDOM } from 'jsdom';
import { datetimeAttr, eventIds, listView, NO_FILTERS, summaries, summary, summaryWords, tables, visible, whenText, yearMark, type Filters } from '../../../src/widgets/Timeline/view';
import { describe as describeList } from '../../../src/widgets/Timeline/summary';
import { applyFilters } from '../../../src/widgets/Timeline/filters';
import { applyLiveState, phaseOf, timedText } from '../../../src/widgets/shared/live';
import Timeline from '../../../src/widgets/Timeline/Timeline.svelte';
import TimelineAxis from '../../../src/widgets/Timeline/TimelineAxis.svelte';

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
    expect(data.companies.map((c) => c.id).slice(0, 4)).toEqual(['openai', 'microsoft', 'anthropic', 'amazon']);
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
    expect(yearMark(m)).toMatchObject({ kind: 'range', from: expect.stringMatching(/-06-01$/), until: expect.stringMatching(/-07-01$/) });
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
    expect(terms.map((e) => e.id)).toEqual(['gpt3-licence-2020', 'azure-exclusivity-to-rofr-2025', 'recapitalisation-2025', 'stateless-api-statement-2026', 'reset-2026']);
    expect(visible(data, { companies: ['coreweave'], kinds: ['legal'] })).toHaveLength(0);
  });

  it('groups by year and dates one "As of" marker per gap between events, so exactly one holds on any date', () => {
    const v = listView(data);
    expect(v.groups.map((g) => g.year)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    const spans = [...v.groups.flatMap((g) => g.items.map((i) => i.markerSpan)), v.endSpan];
    const dates = [...new Set(data.events.map((e) => e.date))];
    for (const d of [...dates, '2019-01-01', '2023-12-31', '2030-01-01']) expect(spans.filter((s) => phaseOf(s, d) === 'in')).toHaveLength(1);
    const items = v.groups.flatMap((g) => g.items);
    expect(items.find((i) => phaseOf(i.markerSpan, '2023-12-31') === 'in')!.ev.id).toBe('amazon-anthropic-round-complete-2024');
    expect(phaseOf(v.endSpan, '2026-06-01')).toBe('in');
  });

  it('highlights events involving an entity, or one event', () => {
    const lit = (hl: string) => data.events.filter((e) => eventIds(e).includes(hl)).map((e) => e.id);
    expect(lit('google')).toEqual(['google-anthropic-2023', 'google-anthropic-more-2023', 'openai-google-cloud-2025']);
    expect(lit('reset-2026')).toEqual(['reset-2026']);
  });

  it('summarises what is shown', () => {
    const n = fb.events.length;
    expect(summary(data, NO_FILTERS, NOW)).toMatch(new RegExp(`^Showing ${n} of ${n} events from July 22, 2019 to June 1, 2026\\. All had happened by June 1, 2026\\.`));
    const s = summary(data, { companies: ['microsoft', 'amazon'], kinds: ['terms'] }, { asOf: '2025-12-31', highlight: null });
    expect(s).toMatch(/^Showing 5 of \d+ events from September 22, 2020 to April 27, 2026, filtered to Microsoft or AWS; contract terms events\. 3 had happened by December 31, 2025\./);
    expect(summary(data, { companies: ['coreweave'], kinds: ['legal'] }, NOW)).toMatch(/^No events match/);
    expect(tables(data)).toHaveLength(1);
    expect(tables(data)[0]!.table.rows).toHaveLength(n);
  });

  it('writes the summary of the whole list for every date, in the words of summary()', () => {
    for (const hl of [null, 'microsoft', 'altman-returns-2023']) {
      const texts = summaries(data, hl);
      for (const asOf of ['2019-01-01', '2019-07-22', '2023-11-19', '2023-11-20', '2026-06-01', '2032-12-31']) {
        expect(timedText(texts, asOf)).toBe(summary(data, NO_FILTERS, { asOf, highlight: hl }));
      }
    }
  });
});

describe('timeline server render', () => {
  it('renders every event with links, once, without JavaScript', () => {
    const { body } = render(Timeline, { props: { data, asOf: NOW.asOf, highlight: null, context: 'page', chapters: { 'the-bet': 'The bet' } } });
    expect((body.match(/data-event="/g) ?? []).length).toBe(fb.events.length);
    expect((body.match(/data-marker/g) ?? []).length).toBe(fb.events.length + 1);
    expect(body).toContain('href="/chapters/the-bet/"');
    expect(body).toContain('Read in “The bet”');
    expect(body).toContain('href="/sources/#source-openai-blog-2019-07-22"');
    expect(body).toContain('<time datetime="2024-06"');
    expect(body).not.toContain('target="_top"');
    const embed = render(Timeline, { props: { data, asOf: NOW.asOf, highlight: null, context: 'embed', chapters: {} } }).body;
    expect(embed).toContain('target="_top"');
  });
});

describe('timeline in the browser (live.ts on the list the build wrote)', () => {
  /** The list as the build writes it in one state, with the data table's rows after it, as in the frame. */
  function page(asOf: string, highlight: string | null) {
    const list = render(Timeline, { props: { data, asOf, highlight, context: 'page', chapters: {} } }).body;
    const rows = data.events.map(() => '<tr><td></td></tr>').join('');
    return new JSDOM(`<figure>${list}<details class="w-data"><table><tbody>${rows}</tbody></table></details></figure>`).window.document as Document;
  }
  const words = summaryWords(data);
  const FILTERS: Filters[] = [
    NO_FILTERS,
    { companies: ['amazon'], kinds: [] },
    { companies: ['microsoft', 'amazon'], kinds: ['terms'] },
    { companies: [], kinds: ['governance'] },
    { companies: ['coreweave'], kinds: ['legal'] },
  ];
  const STATES = [
    { asOf: '2019-01-01', highlight: null },
    { asOf: '2023-11-20', highlight: 'microsoft-hires-altman-2023' },
    { asOf: '2024-06-15', highlight: 'amazon' },
    { asOf: '2025-12-31', highlight: 'openai' },
    { asOf: '2032-12-31', highlight: null },
  ];

  it('shows what the filters leave, with one marker before the first later event shown, and describes it as summary() does', () => {
    // Built in one state, moved to every other: what the page does after the build.
    const doc = page(NOW.asOf, 'reset-2026');
    for (const f of FILTERS) {
      const n = applyFilters(doc, f);
      for (const s of STATES) {
        applyLiveState(doc, s.asOf, s.highlight);
        const evs = visible(data, f);
        expect(n).toBe(evs.length);
        const shown = [...doc.querySelectorAll<HTMLElement>('li[data-event]')].filter((li) => !li.hidden).map((li) => li.dataset.event);
        expect(shown).toEqual(evs.map((e) => e.id));
        const rows = [...doc.querySelectorAll<HTMLElement>('tbody tr')];
        expect(rows.filter((r) => !r.hidden)).toHaveLength(evs.length);
        for (const y of doc.querySelectorAll<HTMLElement>('[data-year]')) expect(y.hidden).toBe(!evs.some((e) => e.date.startsWith(y.dataset.year!)));
        const markers = [...doc.querySelectorAll<HTMLElement>('[data-marker]')].filter((m) => !m.hidden && m.dataset.phase === 'in');
        const firstLater = evs.find((e) => e.date > s.asOf);
        if (evs.length === 0) expect(markers).toHaveLength(0);
        else {
          expect(markers).toHaveLength(1);
          const next = markers[0]!.nextElementSibling as HTMLElement | null;
          expect(next?.dataset.event).toBe(firstLater?.id);
          expect(markers[0]!.textContent).toBe(`As of ${formatDate(s.asOf)}`);
        }
        expect(describeList(doc, words, f, s.asOf, s.highlight)).toBe(summary(data, f, s));
      }
    }
    // jsdom on a shared machine: slower than the default five seconds.
  }, 60_000);

  it('in the story view (the axis, no list) names a highlighted event by its title and date, and counts the events drawn', () => {
    const ids = ['altman-removed-2023', 'microsoft-hires-altman-2023', 'altman-returns-2023'];
    const drawn = { ...data, events: data.events.filter((e) => ids.includes(e.id)) };
    const doc = new JSDOM(`<figure>${render(TimelineAxis, { props: { data: drawn, asOf: '2023-11-20', highlight: ids[1]!, width: 320 } }).body}</figure>`).window.document as Document;
    applyLiveState(doc, '2023-11-20', ids[1]!);
    const ev = drawn.events[1]!;
    const text = describeList(doc, words, NO_FILTERS, '2023-11-20', ev.id);
    expect(text).toContain(`Highlighted: ${ev.title} (${formatDate(ev.date, ev.precision)}).`);
    expect(text).not.toContain(ev.id);
    expect(text).toMatch(new RegExp(`^Showing 3 of ${data.events.length} events`));
    expect(text).toContain('2 had happened by');
  });
});
