// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
// @ts-expect-error -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-expect-error -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/CloudMatrix/data';
import { cellIds, cellPhases, cellView, history, nowSpans, periods, stepAt, stripLayout, summaries, tables } from '../../../src/widgets/CloudMatrix/view';
import { litOf, phaseOf, timedText } from '../../../src/widgets/shared/live';
import { timeScale } from '../../../src/widgets/shared/live-dom';
import CloudMatrix from '../../../src/widgets/CloudMatrix/CloudMatrix.svelte';
import { boardPlan } from '../../../src/widgets/shared/artboards';
import CellHistory from '../../../src/widgets/CloudMatrix/CellHistory.svelte';
import Strip from '../../../src/widgets/CloudMatrix/Strip.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);
const cell = (id: string) => data.cells.find((c) => c.id === id)!;
const at = (id: string, date: string) => cellView(data, cell(id), date);
const summary = (date: string) => timedText(summaries(data), date);
const tableOn = (date: string) => tables(data).find((t) => phaseOf(t.span, date) === 'in')!.table;
const inForce = (id: string, date: string) => cellPhases(data, cell(id)).find((p) => phaseOf(p.span, date) === 'in')!.view;

describe('cloud-matrix data', () => {
  it('is plain JSON: two labs by three clouds', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.labs.map((l) => l.id)).toEqual(['openai', 'anthropic']);
    expect(data.clouds.map((c) => c.name)).toEqual(['Azure', 'AWS', 'Google Cloud']);
    expect(data.cells).toHaveLength(6);
    expect(data.meta.range).toEqual({ min: '2019-01-01', max: '2032-12-31' });
  });

  it('dates every step from an event in the record, and never dates the undated claim', () => {
    for (const c of data.cells) {
      for (const s of c.steps) {
        if (s.undated) {
          expect(s.event).toBeNull();
          expect(s.confidence).toBe('article-only');
          expect(s.sources).toEqual(['the-new-stack-reset-decoded']);
          expect(s.from).toBe(fb.sources.find((x) => x.id === 'the-new-stack-reset-decoded')!.published);
        } else {
          const e = fb.events.find((x) => x.id === s.event)!;
          expect(e).toBeTruthy();
          expect(s.from).toBe(e.date);
          expect(s.confidence).toBe(e.confidence);
        }
      }
    }
    expect(cell('openai-aws').steps.map((s) => [s.from, s.state])).toEqual([
      ['2025-08-05', 'open-weight'],
      ['2026-04-28', 'preview'],
      ['2026-06-01', 'partial'],
    ]);
    expect(cell('anthropic-azure').steps.map((s) => s.from)).toEqual(['2025-09-24', '2025-11-18']);
  });

  it('names both gpt-oss models and no preview model (pitfalls 13 and 14)', () => {
    const oss = cell('openai-aws').steps[0]!;
    expect(oss.note).toContain('gpt-oss-120b');
    expect(oss.note).toContain('gpt-oss-20b');
    expect(oss.note).toMatch(/^both/);
    const preview = cell('openai-aws').steps[1]!;
    expect(`${preview.label} ${preview.note} ${preview.phrase}`).not.toMatch(/GPT-5/i);
    expect(preview.note).toMatch(/sources differ/);
    expect(cell('openai-aws').steps[2]!.confidence).toBe('reported');
  });

  it('keeps compute supply apart from selling models: Google Cloud supplies OpenAI computing only', () => {
    expect(cell('openai-google').steps).toHaveLength(0);
    expect(cell('openai-google').compute?.from).toBe('2025-06-10');
    const v = at('openai-google', '2026-06-01');
    expect(v.state).toBe('none');
    expect(v.compute?.only).toBe(true);
    expect(v.compute?.text).toMatch(/Compute supplier only/);
    expect(at('openai-google', '2025-01-01').compute).toBeNull();
    expect(cell('openai-aws').compute?.from).toBe('2025-11-03');
  });

  it('gives data rows with dates, certainty and sources', () => {
    const rows = widget.dataRows(fb);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['confirmed', 'reported', 'article-only']).toContain(r.qualifier);
      expect(String(r.source_ids)).not.toBe('');
    }
    const claim = rows.filter((r) => r.kind === 'claim (undated availability)');
    expect(claim).toHaveLength(2);
    for (const r of claim) expect(r.date_note).toMatch(/not a launch date/);
    expect(rows.find((r) => r.id === 'openai-aws-open-weight-2025-08-05')!.source_urls).toContain('aboutamazon.com');
  });

  it('offers companies and drawn events as highlights', () => {
    const ids = data.meta.highlights.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['openai', 'anthropic', 'microsoft', 'amazon', 'google', 'gpt-oss-on-bedrock-2025', 'openai-on-bedrock-preview-2026', 'codex-bedrock-ga-2026', 'openai-google-cloud-2025', 'microsoft-nvidia-anthropic-2025']));
  });
});

describe('cloud-matrix view', () => {
  it('reads each cell on a date', () => {
    expect(at('openai-azure', '2023-12-31').state).toBe('exclusive');
    expect(at('openai-azure', '2026-05-01').state).toBe('available');
    expect(at('openai-aws', '2025-08-04').state).toBe('none');
    expect(at('openai-aws', '2025-08-05').state).toBe('open-weight');
    expect(at('openai-aws', '2026-04-28').state).toBe('preview');
    expect(at('openai-aws', '2026-06-01').state).toBe('partial');
    expect(at('anthropic-azure', '2025-10-01').state).toBe('in-app');
    expect(at('anthropic-azure', '2025-11-18').label).toBe('Available in Microsoft Foundry');
    expect(at('anthropic-aws', '2026-01-01').state).toBe('unknown');
    expect(at('anthropic-aws', '2026-06-01').state).toBe('claimed');
    expect(at('anthropic-aws', '2026-06-01').label).toBe('Available (date not in our record)');
    expect(stepAt(cell('anthropic-google'), '2026-06-01')?.undated).toBe(true);
  });

  it('writes each cell’s successive states once, each with the dates it holds on', () => {
    const aws = cellPhases(data, cell('openai-aws'));
    expect(aws.map((p) => [p.span, p.view.state])).toEqual([
      [' 2025-08-05', 'none'],
      ['2025-08-05 2025-11-03', 'open-weight'],
      ['2025-11-03 2026-04-28', 'open-weight'],
      ['2026-04-28 2026-06-01', 'preview'],
      ['2026-06-01 ', 'partial'],
    ]);
    expect(aws[2]!.view.compute?.text).toMatch(/^Also a compute supplier, since Nov 3, 2025/);
    for (const c of data.cells) {
      for (const date of ['2019-01-01', '2019-07-22', '2025-06-10', '2025-11-18', '2026-04-27', '2026-04-28', '2026-06-01', '2032-12-31']) {
        const hits = cellPhases(data, c).filter((p) => phaseOf(p.span, date) === 'in');
        expect(hits, `${c.id} on ${date}`).toHaveLength(1);
        expect(hits[0]!.view).toEqual(cellView(data, c, date));
      }
    }
    expect(inForce('anthropic-aws', '2026-01-01').state).toBe('unknown');
  });

  it('summarises the date in words', () => {
    const s = summary('2026-06-01');
    expect(s).toMatch(/^As of June 1, 2026: OpenAI’s models are on Azure/);
    expect(s).toContain('not on Google Cloud, which supplies OpenAI with computing only');
    expect(s).toContain('Codex is generally available (reported)');
    expect(s).toContain('on AWS by Anthropic’s own claim (date not in our record)');
    expect(summary('2024-01-01')).toMatch(/^As of January 1, 2024: /);
    expect(summary('2024-01-01')).toContain('no dated record for Google Cloud');
    expect(summary('2019-01-01')).toMatch(/^As of January 1, 2019: OpenAI’s models are not on Azure/);
    expect(summaries(data).map((t) => t.span)).toEqual(periods(data.cells).map((p) => p.span));
  });

  it('highlights a lab, a cloud company or an event', () => {
    const lit = (hl: string) => data.cells.filter((c) => litOf(cellIds(data, c).join(' '), hl) === 'on').map((c) => c.id);
    expect(lit('openai-google-cloud-2025')).toEqual(['openai-google']);
    expect(lit('amazon')).toEqual(['openai-aws', 'anthropic-aws']);
    expect(lit('anthropic')).toEqual(['anthropic-azure', 'anthropic-aws', 'anthropic-google']);
    expect(lit('reset-2026')).toEqual(['openai-azure']);
  });

  it('draws a path strip per lab that fits its width', () => {
    for (const w of [300, 320, 440, 640, 900, 960]) {
      const L = stripLayout(data, 'openai', w);
      expect(L.tracks).toHaveLength(3);
      for (const t of L.tracks) for (const sg of t.segments) {
        expect(sg.x0).toBeGreaterThanOrEqual(L.labelW - 0.5);
        expect(sg.x1).toBeLessThanOrEqual(L.width);
      }
      const aws = L.tracks.find((t) => t.cloud === 'aws')!;
      expect(aws.segments.map((s) => s.state)).toEqual(['none', 'open-weight', 'preview', 'partial']);
    }
  });

  it('splits the strip’s axis at its break into two time scales that meet there', () => {
    const L = stripLayout(data, 'openai', 640);
    const [before, after] = L.parts.map((p) => ({ p, scale: timeScale(p.timeScale)! }));
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    expect(before!.p.x).toBe(L.scale.x0);
    expect(before!.p.x + before!.scale.x(day(data.strip.focus))).toBeCloseTo(after!.p.x, 6);
    expect(after!.p.x + after!.scale.x(day(data.strip.end))).toBeCloseTo(L.scale.x1, 6);
    expect(after!.p.x + after!.scale.x(day('2026-04-28'))).toBeCloseTo(L.tracks[1]!.segments[2]!.x0, 6);
    // Slid to the earliest date, the later part's veil still covers it.
    expect(after!.scale.x(day(data.meta.range.min)) + after!.p.veilW).toBeGreaterThanOrEqual(after!.p.width);
  });

  it('tells a cell’s history with sources, and which step is in force on a date', () => {
    const h = history(data, 'anthropic-aws')!;
    expect(h.steps[0]!.when).toMatch(/^Date not in our record/);
    expect(h.steps[0]!.sources[0]!.publisher).toBe('The New Stack');
    const aws = history(data, 'openai-aws')!;
    expect(aws.steps.map((s) => phaseOf(s.span, '2026-05-01'))).toEqual(['after', 'in', 'before']);
    expect(phaseOf(aws.compute!.span, '2025-11-02')).toBe('before');
    expect(history(data, 'openai-google')!.empty).toMatch(/no date on which Google Cloud began selling OpenAI’s models/);
    const now = nowSpans(data);
    expect(phaseOf(now.now, data.meta.defaultAsOf)).toBe('in');
    for (const d of ['2026-05-31', '2026-06-02']) expect(now.chosen.filter((c) => phaseOf(c, d) === 'in')).toHaveLength(1);
  });

  it('tabulates each period, its heading saying which dates it holds for', () => {
    expect(tableOn('2026-06-01').rows).toHaveLength(6);
    expect(tableOn('2026-06-01').columns[2]!.label).toBe('Models since Jun 1, 2026');
    expect(tableOn('2026-04-27').columns[2]!.label).toBe('Models on Apr 27, 2026');
    expect(tableOn('2026-05-01').columns[2]!.label).toBe('Models from Apr 30, 2026 to May 31, 2026');
    expect(tableOn('2019-01-01').columns[2]!.label).toBe('Models before Jul 22, 2019');
    expect(tableOn('2026-05-01').rows.find((r) => r.cloud === 'AWS' && r.lab === 'OpenAI')!.state).toMatch(/^Limited preview/);
  });
});

describe('cloud-matrix server render', () => {
  it('draws every state of every cell, the one in force on the date shown, and the strips per artboard', () => {
    const { body } = render(CloudMatrix, { props: { data, asOf: '2026-06-01', highlight: 'amazon', strips: boardPlan({}) } });
    expect((body.match(/data-cell="/g) ?? []).length).toBe(6);
    expect((body.match(/data-mark="/g) ?? []).length).toBe(6);
    expect((body.match(/<svg class="strip[^"]*"[^>]*data-lab="/g) ?? []).length).toBe(2 * 4);
    const inForce = [...body.matchAll(/data-phase="in" data-state="([a-z-]+)"/g)].map((m) => m[1]);
    expect(inForce).toEqual(['available', 'partial', 'none', 'available', 'claimed', 'claimed']);
    expect(body).toContain('Compute supplier only');
    expect(body).toMatch(/data-cell="openai-aws"[^>]*data-ids="openai amazon [^"]*" data-hl="on"/);
    expect(body).toMatch(/data-cell="openai-azure"[^>]*data-hl="off"/);
    expect(body).toContain('data-time-scale=');
    expect(body).toMatch(/data-asof-x/);
  });
  it('places the as-of line for the date it is drawn on, and pins it at the end of the axis after it', () => {
    const at = (asOf: string) => render(Strip, { props: { data, lab: 'openai', width: 640, asOf } }).body;
    const L = stripLayout(data, 'openai', 640);
    const x = (iso: string) => [...at(iso).matchAll(/class="asof slide[^"]*"[^>]*transform: translateX\(([-\d.e]+)px\)/g)].map((m) => Number(m[1]));
    const [before, after] = x('2026-04-28');
    expect(after! + L.parts[1]!.x).toBeCloseTo(L.tracks[1]!.segments[2]!.x0, 1); // the drawing writes tenths of a pixel
    expect(before!).toBeGreaterThan(L.parts[0]!.width);
    expect(at('2030-01-01')).toMatch(/class="asof pinned[^"]*"[^>]*data-phase="in"/);
    expect(at('2026-01-01')).toMatch(/class="asof pinned[^"]*"[^>]*data-phase="before"/);
  });
  it('writes each cell’s history with its sources, linked, and the hint for no cell', () => {
    const { body } = render(CellHistory, { props: { data, asOf: '2026-06-01', context: 'embed' } });
    expect((body.match(/data-detail-for="/g) ?? []).length).toBe(7);
    expect(body).toMatch(/<p[^>]*data-detail-for=""[^>]*data-hint/);
    expect(body).toContain('target="_top"');
    expect(body).toContain('The New Stack, “');
    expect(body).toContain('OpenAI on AWS');
  });
});
