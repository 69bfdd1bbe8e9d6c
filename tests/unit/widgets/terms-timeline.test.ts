// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one
// (svelte/motion builds a MediaQuery from svelte/reactivity at load, which needs `window` in the browser build).
// @ts-expect-error -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-expect-error -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/TermsTimeline/data';
import { details, inForce, layout, segments, statement, summaries, table, tables } from '../../../src/widgets/TermsTimeline/view';
import { phaseOf, timedText } from '../../../src/widgets/shared/live';
import TermsTimeline from '../../../src/widgets/TermsTimeline/TermsTimeline.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);

describe('terms-timeline data', () => {
  it('is plain JSON with the story range and default as-of', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.meta.id).toBe('terms-timeline');
    expect(data.meta.range).toEqual({ min: '2019-01-01', max: '2032-12-31' });
    expect(data.meta.defaultAsOf).toBe('2026-06-01');
    expect(data.terms).toHaveLength(fb.terms.length);
  });

  it('offers the companies and the key moments as highlights', () => {
    const ids = data.meta.highlights.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['microsoft', 'openai', 'microsoft-invests-2019', 'azure-exclusivity-to-rofr-2025', 'recapitalisation-2025', 'stateless-api-statement-2026', 'reset-2026']));
    expect(data.moments.map((m) => m.date)).toEqual(['2019-07-22', '2020-09-22', '2023-01-23', '2025-01-21', '2025-10-28', '2026-02-27', '2026-04-27']);
  });

  it('takes its wording of years and shares from the record', () => {
    const by = (id: string) => data.terms.find((t) => t.id === id)!;
    expect(by('licence-non-exclusive-2026').short).toBe('non-exclusive, through 2032');
    expect(by('revshare-to-microsoft-capped-2026').short).toBe('same rate, capped, through 2030');
    expect(by('stake-equity-2025').short).toBe('about 27%');
    expect(by('stake-profit-share-2023').short).toBe('reported just under 50%');
    expect(by('api-exclusive-2020').startInferred).toBe(true);
    expect(by('api-exclusive-2020').start).toBe('2020-06-11');
    expect(by('stake-equity-before-2025').short).toBe('32.5%');
    expect(data.meta.takeaway).toMatch(/January 2025, October 2025 and April 2026/);
    expect(data.meta.takeaway).toMatch(/through 2032/);
    expect(data.meta.takeaway).toMatch(/about 27%/);
  });

  it('gives every data row its certainty and sources', () => {
    const rows = widget.dataRows(fb);
    expect(rows).toHaveLength(fb.terms.length);
    for (const r of rows) {
      expect(r.id).toBeTruthy();
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['confirmed', 'reported', 'article-only']).toContain(r.qualifier);
      expect(String(r.source_ids).length).toBeGreaterThan(0);
      expect(typeof r.source_urls).toBe('string');
    }
    expect(rows.find((r) => r.id === 'cloud-exclusive-2019')!.source_urls).toContain('https://openai.com/');
  });
});

describe('terms in force (view.ts, plain string dates)', () => {
  it('on 2023-12-31: exclusive cloud, exclusive API, exclusive licence, revenue share both ways, profit share beside equity', () => {
    const now = inForce(data.terms, '2023-12-31');
    expect(now.cloud?.state).toBe('exclusive');
    expect(now.api?.state).toBe('exclusive');
    expect(now.licence?.state).toBe('exclusive');
    expect(now['revshare-to-openai']?.state).toBe('paying');
    expect(now['revshare-to-microsoft']?.state).toBe('paying');
    expect(now['stake-profit-share']?.measure).toBe('profit-share');
    expect(now['stake-equity']?.id).toBe('stake-equity-before-2025');
    expect(now.agi).toBeUndefined();
  });

  it('on 2026-05-01: no longer exclusive', () => {
    const now = inForce(data.terms, '2026-05-01');
    expect(now.cloud?.state).toBe('primary-not-exclusive');
    expect(now.cloud?.state).not.toBe('exclusive');
    expect(now.api?.state).toBe('none');
    expect(now.licence?.state).toBe('non-exclusive');
    expect(now['revshare-to-openai']?.state).toBe('stopped');
    expect(now['revshare-to-microsoft']?.state).toBe('paying-capped');
    expect(now.agi?.state).toBe('dropped');
    expect(now['stake-equity']?.measure).toBe('equity');
    expect(now['stake-profit-share']).toBeUndefined();
  });

  it('follows the three steps out of exclusivity, day by day', () => {
    expect(inForce(data.terms, '2025-01-20').cloud?.state).toBe('exclusive');
    expect(inForce(data.terms, '2025-01-21').cloud?.state).toBe('rofr');
    expect(inForce(data.terms, '2025-10-27').cloud?.state).toBe('rofr');
    expect(inForce(data.terms, '2025-10-28').cloud?.state).toBe('no-rofr');
    expect(inForce(data.terms, '2026-02-27').api?.state).toBe('stateless-exclusive');
    expect(inForce(data.terms, '2026-04-26').api?.state).toBe('stateless-exclusive');
    expect(inForce(data.terms, '2026-04-27').api?.state).toBe('none');
    expect(inForce(data.terms, '2032-12-31').licence?.state).toBe('non-exclusive');
    expect(inForce(data.terms, '2019-07-21')).toEqual({});
    // No API before OpenAI opened one; the exclusive licence starts with GPT-3.
    expect(inForce(data.terms, '2020-06-10').api).toBeUndefined();
    expect(inForce(data.terms, '2020-06-11').api?.state).toBe('exclusive');
    expect(inForce(data.terms, '2020-09-21').licence?.state).toBe('preferred-partner');
    expect(inForce(data.terms, '2020-09-22').licence?.state).toBe('exclusive');
  });

  it('states the terms in force in words, profit share never called ownership', () => {
    const s = statement(data, '2023-12-31');
    expect(s).toMatch(/^Terms in force on December 31, 2023: /);
    expect(s).toContain("Azure is OpenAI's exclusive cloud");
    expect(s).toContain("OpenAI's API is exclusive to Azure");
    expect(s).toContain('exclusive licence');
    expect(s).toContain('revenue shares flow both ways (reported)');
    expect(s).toContain('profit share reported just under 50% — not an ownership stake');
    expect(s).toContain('Microsoft owns 32.5% of OpenAI (counted as-converted), as the record gives it on October 27, 2025');
    expect(s).not.toMatch(/owns (reported )?(just under|about) (50|49)/);
    const later = statement(data, '2026-05-01');
    expect(later).toContain("Azure is OpenAI's primary cloud, not its only one");
    expect(later).toContain('non-exclusive licence');
    expect(later).toContain('through 2032');
    expect(later).toContain('Microsoft owns about 27% of OpenAI');
    expect(later).not.toContain('profit share');
    expect(statement(data, '2019-01-01')).toMatch(/No Microsoft–OpenAI terms .* first deal came on July 22, 2019/);
  });

  it('keeps profit share and equity apart: different measures, different rows, different marks', () => {
    const stake = data.terms.filter((t) => t.lane === 'stake');
    expect(stake).toHaveLength(3);
    expect(new Set(stake.map((t) => t.measure))).toEqual(new Set(['profit-share', 'equity']));
    expect(new Set(stake.map((t) => t.row)).size).toBe(2);
    for (const w of [320, 640, 1200]) {
      const L = layout(data, w);
      const ps = L.marks.find((m) => m.id === 'stake-profit-share-2023')!;
      const eq = L.marks.find((m) => m.id === 'stake-equity-2025')!;
      expect(ps.row).not.toBe(eq.row);
      expect(ps.mark).toBe('bracket');
      expect(eq.mark).toBe('bar');
      expect(ps.y).not.toBe(eq.y);
      // no row of the view holds both measures
      for (const r of L.rows) {
        const measures = new Set(L.marks.filter((m) => m.row === r.id).map((m) => data.terms.find((t) => t.id === m.id)!.measure));
        expect(measures.size).toBe(1);
      }
      expect(L.rows.find((r) => r.id === 'stake-equity')!.separatorY).not.toBeNull();
    }
  });

  it('lays out on one 2019–2032 axis without overflow, and labels never collide on any date', () => {
    for (const w of [320, 375, 440, 640, 900, 960, 1200]) {
      const L = layout(data, w);
      expect(L.scale.x0).toBeGreaterThanOrEqual(0);
      expect(L.scale.x1).toBeLessThanOrEqual(L.width);
      for (const m of L.marks) {
        expect(m.x0).toBeGreaterThanOrEqual(L.scale.x0 - 0.5);
        expect(m.x1).toBeLessThanOrEqual(L.scale.x1 + 0.5);
      }
      for (const { date } of segments(data.terms)) {
        const byRow = new Map<string, [number, number][]>();
        for (const m of L.marks) {
          for (const l of m.labels.filter((l) => phaseOf(l.span, date) === 'in')) {
            const spans = byRow.get(m.row) ?? [];
            const [a, b] = l.extent;
            for (const [p, q] of spans) expect(b <= p || a >= q).toBe(true);
            expect(b).toBeLessThanOrEqual(L.scale.x1 + 1);
            expect(a).toBeGreaterThanOrEqual(L.scale.x0 - 1);
            spans.push([a, b]);
            byRow.set(m.row, spans);
          }
        }
      }
      // A row's height never changes with the date; on narrow screens its state in force is written for every date.
      if (L.narrow) for (const r of L.rows) for (const { date } of segments(data.terms)) expect(r.now.filter((n) => phaseOf(n.span, date) === 'in')).toHaveLength(1);
    }
  });

  it('labels the term in force in bold, later ones faded, and marks open ends and reported intervals', () => {
    const L = layout(data, 960);
    const on = (date: string) => L.marks.flatMap((m) => m.labels.filter((l) => phaseOf(l.span, date) === 'in').map((l) => ({ id: m.id, ...l })));
    const bold = on('2023-12-31').filter((l) => l.bold).map((l) => l.id);
    expect(bold).toEqual(expect.arrayContaining(['cloud-exclusive-2019', 'api-exclusive-2020']));
    expect(on('2023-12-31').find((l) => l.id === 'cloud-exclusive-2019')!.text).toBe("Azure is OpenAI's only cloud");
    expect(on('2023-12-31').find((l) => l.id === 'cloud-primary-not-exclusive-2026')?.later).not.toBe(false);
    expect(on('2026-06-01').filter((l) => l.id === 'cloud-exclusive-2019').every((l) => !l.bold && !l.later)).toBe(true);
    const open = L.marks.find((m) => m.id === 'cloud-primary-not-exclusive-2026')!;
    expect(open.fade?.stops.at(-1)).toEqual([1, 0]);
    expect(phaseOf(open.span, '2026-06-01')).toBe('in');
    const yearEnd = L.marks.find((m) => m.id === 'licence-non-exclusive-2026')!;
    expect(yearEnd.yearEndX).not.toBeNull();
    expect(phaseOf(yearEnd.span, '2032-12-31')).toBe('in');
    expect(L.marks.find((m) => m.id === 'revshare-to-openai-paying-2019')!.reported).toBe(true);
    // Row by row, oldest first: the order the arrow keys move in.
    const rows = L.marks.map((m) => m.row);
    expect(rows.filter((r, i) => r !== rows[i - 1])).toEqual(data.rows.map((r) => r.id));
  });

  it('highlights a moment or a company', () => {
    const L = layout(data, 960);
    const lit = (id: string) => L.marks.filter((m) => m.ids.includes(id)).map((m) => m.id);
    expect(lit('reset-2026')).toEqual(expect.arrayContaining(['cloud-primary-not-exclusive-2026', 'api-none-2026', 'cloud-no-rofr-2025']));
    expect(lit('openai').every((id) => data.terms.find((t) => t.id === id)!.row === 'revshare-to-openai')).toBe(true);
    expect(L.rows.find((r) => r.id === 'revshare-to-openai')!.entity).toBe('openai');
    expect(L.rows.find((r) => r.id === 'cloud')!.entity).toBe('microsoft');
  });

  it('describes a term with dates, certainty and sources, its status over the dates it holds', () => {
    const d = details(data, 'revshare-to-microsoft-capped-2026')!;
    expect(d.dates).toBe('April 27, 2026 to through 2030');
    expect(timedText(d.status.map((s) => ({ span: s.span, text: `${s.lead}{date}` })), '2026-06-01')).toBe('In force on June 1, 2026');
    expect(d.sources.map((s) => s.id)).toContain('microsoft-blog-2026-04-27');
    const p = details(data, 'stake-profit-share-2023')!;
    const status = (date: string) => p.status.find((s) => phaseOf(s.span, date) === 'in')!.lead;
    expect(p.reported).toBe(true);
    expect(p.measure).toMatch(/not ownership/);
    expect(status('2026-06-01')).toBe('Ended before ');
    expect(status('2020-01-01')).toBe('Not yet in force on ');
    expect(table(data, '2026-06-01').rows).toHaveLength(fb.terms.length);
  });

  it('writes the summary and the table for every span of dates, the same as on any day inside it', () => {
    const texts = summaries(data);
    for (const date of ['2019-01-01', '2019-07-22', '2023-12-31', '2025-01-21', '2025-10-27', '2026-04-27', '2026-06-01', '2032-12-31']) {
      expect(timedText(texts, date)).toBe(statement(data, date));
      const hits = tables(data, '2026-06-01').filter((t) => phaseOf(t.span, date) === 'in');
      expect(hits).toHaveLength(1);
      expect(hits[0]!.table.rows).toEqual(table(data, date).rows);
      expect(hits[0]!.table.columns.at(-1)!.label).toBe('On Jun 1, 2026');
    }
  });
});

describe('terms-timeline server render', () => {
  it('draws its marks with the term in force, one tab stop, the as-of line on the time scale, lit for the highlight', () => {
    const { body } = render(TermsTimeline, { props: { data, width: 640, asOf: '2023-12-31', highlight: 'openai' } });
    expect((body.match(/data-mark="/g) ?? []).length).toBe(fb.terms.length);
    expect(body).toContain('data-mark="stake-profit-share-2023"');
    expect((body.match(/tabindex="0"/g) ?? []).length).toBe(1);
    expect(body).toMatch(/data-mark="cloud-exclusive-2019"[^>]*data-phase="in"[^>]*data-hl="off"[^>]*tabindex="0"[^>]*In force on December 31, 2023\./);
    expect(body).toMatch(/data-time-scale="\d+ \d+ \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(body).toContain('data-asof-label="As of "');
    expect(body).toContain('As of Dec 31, 2023');
    expect(body).toContain('data-scrub');
    expect((body.match(/data-asof-x/g) ?? []).length).toBe(2);
    expect(body).not.toMatch(/\son[a-z]+=/);
  });
  it('writes each narrow row\'s state for every span of dates, the one on the start date shown', () => {
    const { body } = render(TermsTimeline, { props: { data, width: 320, asOf: '2026-06-01', highlight: null } });
    expect(body).toMatch(/class="now w-when[^"]*"[^>]*data-phase="in"[^>]*>Azure primary, not only</);
    expect(body).toMatch(/class="now w-when[^"]*"[^>]*data-phase="after"[^>]*>Azure only</);
    expect(body).toMatch(/class="now w-when[^"]*"[^>]*data-phase="before"[^>]*>ended Dec 31, 2032</);
    expect(body).not.toContain('data-hl=');
  });
});
