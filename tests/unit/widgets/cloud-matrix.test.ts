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
import { cellView, history, stepAt, stripLayout, summary, table } from '../../../src/widgets/CloudMatrix/view';
import CloudMatrix from '../../../src/widgets/CloudMatrix/CloudMatrix.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);
const cell = (id: string) => data.cells.find((c) => c.id === id)!;
const at = (id: string, date: string) => cellView(data, cell(id), { asOf: date, highlight: null });

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

  it('summarises the date in words', () => {
    const s = summary(data, '2026-06-01');
    expect(s).toMatch(/^As of June 1, 2026: OpenAI’s models are on Azure/);
    expect(s).toContain('not on Google Cloud, which supplies OpenAI with computing only');
    expect(s).toContain('Codex is generally available (reported)');
    expect(s).toContain('on AWS by Anthropic’s own claim (date not in our record)');
    expect(summary(data, '2024-01-01')).toContain('no dated record for Google Cloud');
  });

  it('highlights a lab, a cloud company or an event', () => {
    const byEvent = data.cells.map((c) => cellView(data, c, { asOf: '2026-06-01', highlight: 'openai-google-cloud-2025' }));
    expect(byEvent.filter((v) => v.emph).map((v) => v.id)).toEqual(['openai-google']);
    const byCloud = data.cells.map((c) => cellView(data, c, { asOf: '2026-06-01', highlight: 'amazon' }));
    expect(byCloud.filter((v) => v.emph).map((v) => v.id)).toEqual(['openai-aws', 'anthropic-aws']);
  });

  it('draws a path strip per lab that fits its width', () => {
    for (const w of [300, 640, 960]) {
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

  it('tells a cell’s history with sources, and tabulates the date', () => {
    const h = history(data, 'anthropic-aws', '2026-06-01')!;
    expect(h.steps[0]!.when).toMatch(/^Date not in our record/);
    expect(h.steps[0]!.sources[0]!.publisher).toBe('The New Stack');
    expect(table(data, '2026-06-01').rows).toHaveLength(6);
  });
});

describe('cloud-matrix server render', () => {
  it('renders cells, strips and the summary without JavaScript', () => {
    const { body } = render(CloudMatrix, { props: { summaryId: 'chart-summary', data } });
    expect(body).toContain('id="chart-summary"');
    expect((body.match(/data-cell="/g) ?? []).length).toBe(6);
    expect((body.match(/<svg[^>]*data-lab="/g) ?? []).length).toBe(2);
    expect(body).toContain('data-state="partial"');
    expect(body).toContain('As of June 1, 2026: OpenAI’s models are on Azure');
    expect(body).toContain('Compute supplier only');
  });
});
