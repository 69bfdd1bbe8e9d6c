// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
vi.mock('svelte', async () => {
  // @ts-ignore -- svelte's server entry has no declaration file of its own
  return await import('../../../node_modules/svelte/src/index-server.js');
});
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/MoneyFlows/data';
import { est, layout, maxExtent, notesAsOf, summary } from '../../../src/widgets/MoneyFlows/view';
import MoneyFlows from '../../../src/widgets/MoneyFlows/MoneyFlows.svelte';
import { overTimeLayout } from '../../../src/widgets/MoneyFlows/overtime';

const fb = loadFactBase();
const data = widget.buildData(fb);
const pair = (id: string) => {
  const p = data.pairs.find((x) => x.id === id);
  if (!p) throw new Error(`no pair ${id}`);
  return p;
};
const NOW = data.meta.defaultAsOf;

describe('money-flows data', () => {
  it('draws only equity investments, pair by pair, recipients grouped', () => {
    expect(data.pairs.map((p) => p.id)).toEqual(['microsoft-openai', 'amazon-openai', 'amazon-anthropic', 'microsoft-anthropic', 'nvidia-anthropic']);
    const ids = data.pairs.flatMap((p) => p.deals.flatMap((d) => d.parts.map((x) => x.id)));
    for (const id of ids) expect(fb.figures.find((f) => f.id === id)!.kind).toBe('investment');
    expect(ids).not.toContain('openai-aws-2026'); // a spending commitment, the other way
    expect(ids).not.toContain('anthropic-azure-2025');
  });
  it("splits Amazon's 2026 OpenAI money into $15B paid and $35B on conditions", () => {
    const deal = pair('amazon-openai').deals.find((d) => d.id === 'amazon-openai-deal-2026')!;
    expect(deal.parts.map((x) => [x.value, x.status])).toEqual([
      [15e9, 'paid'],
      [35e9, 'conditional'],
    ]);
    const segs = layout(data, { asOf: NOW, highlight: null }, 640).byDeal.deals.find((d) => d.key === 'amazon-openai:amazon-openai-deal-2026')!.segs;
    expect(segs.map((s) => s.certainty)).toEqual(['solid', 'hatched']);
    // The headline $50B is a label, never a third segment.
    expect(pair('amazon-openai').notes.map((n) => n.id)).toEqual(['amazon-openai-2026-headline']);
  });
  it('never sums the $13B running total with its three parts', () => {
    const p = pair('microsoft-openai');
    expect(p.deals.flatMap((d) => d.parts).reduce((a, x) => a + (x.value ?? 0), 0)).toBe(13e9);
    expect(p.notes.find((n) => n.id === 'msft-openai-commitments-total')).toMatchObject({ kind: 'total', value: 13e9 });
    expect(maxExtent(data)).toBe(50e9);
    const L = layout(data, { asOf: NOW, highlight: null }, 1000);
    const msSegs = L.byDeal.deals.filter((d) => d.pair === 'microsoft-openai').flatMap((d) => d.segs);
    expect(msSegs).toHaveLength(3);
    const end = Math.max(...msSegs.map((s) => s.x + s.w));
    expect(end).toBeLessThanOrEqual((L.byDeal.plotW * 13) / 50 + 0.01);
    expect(L.summary).toContain('Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported)');
    expect(L.summary).not.toMatch(/\$26 billion/);
    expect(notesAsOf(p, NOW).paid).toMatchObject({ id: 'msft-openai-paid-2025-09', value: 11.6e9 });
  });
  it('classifies "up to" money as up-to and draws it in outline', () => {
    const upTo = data.pairs.flatMap((p) => p.deals.flatMap((d) => d.parts)).filter((x) => x.status === 'up-to').map((x) => x.id);
    expect(upTo.sort()).toEqual(['amazon-anthropic-2026-milestones', 'msft-anthropic-2025', 'nvidia-anthropic-2025']);
    const L = layout(data, { asOf: NOW, highlight: null }, 640);
    const T = overTimeLayout(data, { asOf: NOW, highlight: null }, 640);
    const segs = L.byDeal.deals.flatMap((d) => d.segs);
    for (const id of upTo) expect(segs.find((s) => s.key === id)!.certainty).toBe('outline');
    expect(T.panels.find((p) => p.id === 'nvidia-anthropic')!.upToArea).toBeTruthy();
    // Nothing was paid by NVIDIA: its solid line stays at zero.
    const nv = T.panels.find((p) => p.id === 'nvidia-anthropic')!;
    const ys = [...nv.paidLine.matchAll(/[V,](-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(3);
    for (const y of ys) expect(y).toBe(nv.h);
  });
  it('draws the paid money as a step line that rises at each deal and never includes the conditional part', () => {
    const T = overTimeLayout(data, { asOf: NOW, highlight: null }, 800);
    const ms = T.panels.find((p) => p.id === 'microsoft-openai')!;
    const levels = [...ms.paidLine.matchAll(/V(-?[\d.]+)/g)].map((m) => Number(m[1]));
    const y = (v: number) => ms.h - (ms.h * v) / 50e9;
    expect(levels.map((v) => Math.round(v * 10) / 10)).toEqual([0, 1e9, 3e9, 13e9, 13e9].map((v) => Math.round(y(v) * 10) / 10));
    const amz = T.panels.find((p) => p.id === 'amazon-openai')!;
    expect(Math.min(...[...amz.paidLine.matchAll(/V(-?[\d.]+)/g)].map((m) => Number(m[1])))).toBeCloseTo(y(15e9), 1);
    expect(amz.condArea).toContain('Z');
  });
  it('knows every highlight the chapters use, and exports rows with sources', () => {
    const ids = data.meta.highlights.map((h) => h.id);
    for (const id of ['microsoft', 'openai', 'amazon', 'anthropic', 'nvidia', 'microsoft-invests-2019', 'microsoft-second-investment-2021', 'microsoft-openai-extension-2023', 'microsoft-nvidia-anthropic-2025', 'amazon-openai-deal-2026', 'anthropic-aws-commitment-2026'])
      expect(ids).toContain(id);
    const rows = widget.dataRows(fb);
    expect(rows.find((r) => r.id === 'msft-openai-commitments-total')).toMatchObject({ kind: 'total', status: 'annotation: never added to the investments' });
    expect(rows.find((r) => r.id === 'amazon-openai-2026-conditional')).toMatchObject({ status: 'conditional', qualifier: 'conditional', date: '2026-02-27' });
    for (const r of rows) {
      expect(String(r.source_ids).length).toBeGreaterThan(0);
      expect(typeof r.source_urls).toBe('string');
    }
  });
});

describe('money-flows view', () => {
  it('filters by date: later deals are "not yet" and left out of the summary', () => {
    const L = layout(data, { asOf: '2025-11-17', highlight: null }, 640);
    const deal = (k: string) => L.byDeal.deals.find((d) => d.key === k)!;
    expect(deal('microsoft-anthropic:microsoft-nvidia-anthropic-2025').future).toBe(true);
    expect(deal('microsoft-anthropic:microsoft-nvidia-anthropic-2025').texts[0]!.text).toBe('Nov 2025 not yet');
    expect(deal('amazon-anthropic:amazon-anthropic-second-investment-2024').future).toBe(false);
    expect(L.summary).toBe(
      'As of November 17, 2025: Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported), $11.6 billion of it paid in as disclosed on October 28, 2025; Amazon had committed $8 billion to Anthropic in three rounds.',
    );
    expect(summary(data, '2018-12-31')).toMatch(/none of these investments had been made/);
    expect(summary(data, '2026-03-01')).toContain('Amazon had committed $15 billion to OpenAI, with $35 billion more on conditions');
    expect(summary(data, NOW)).toContain('Microsoft had promised up to $5 billion to Anthropic; NVIDIA had promised up to $10 billion to Anthropic');
  });
  it('emphasises the pair or deal a highlight names and dims the rest', () => {
    const L = layout(data, { asOf: NOW, highlight: 'microsoft-openai-extension-2023' }, 640);
    expect(L.byDeal.pairs.find((p) => p.id === 'microsoft-openai')!.dim).toBe(false);
    expect(L.byDeal.pairs.find((p) => p.id === 'amazon-anthropic')!.dim).toBe(true);
    expect(L.byDeal.deals.find((d) => d.key === 'microsoft-openai:microsoft-openai-extension-2023')!.emph).toBe(true);
    expect(L.byDeal.deals.find((d) => d.key === 'microsoft-openai:microsoft-invests-2019')!.dim).toBe(true);
    const byEntity = layout(data, { asOf: NOW, highlight: 'anthropic' }, 640);
    expect(byEntity.byDeal.pairs.filter((p) => !p.dim).map((p) => p.id)).toEqual(['amazon-anthropic', 'microsoft-anthropic', 'nvidia-anthropic']);
  });
  it('puts the today line at the as-of date on the 2019–2027 axis', () => {
    const T = overTimeLayout(data, { asOf: '2023-01-01', highlight: null }, 900);
    expect(data.axis).toEqual({ start: '2019-01-01', end: '2027-01-01' });
    expect(T.today.x / T.plotW).toBeCloseTo(0.5, 2);
    expect(overTimeLayout(data, { asOf: '2032-12-31', highlight: null }, 900).today.clamped).toBe(true);
  });
  it('keeps every label inside a 320px chart', () => {
    for (const asOf of ['2019-07-22', '2025-11-18', NOW]) {
      const L = layout(data, { asOf, highlight: null }, 320);
      const T = overTimeLayout(data, { asOf, highlight: null }, 320);
      const texts = [...L.byDeal.pairs.flatMap((p) => [...p.texts, ...p.ticks.map((t) => t.label)]), ...L.byDeal.deals.flatMap((d) => d.texts), ...T.panels.flatMap((p) => p.texts)];
      for (const t of texts) {
        const w = est(t.text, t.cls === 'pair' ? 14 : 12.5);
        const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
        expect(left, t.text).toBeGreaterThanOrEqual(-0.5);
        expect(left + w, t.text).toBeLessThanOrEqual(320.5);
      }
      for (const d of L.byDeal.deals) for (const g of d.tags) expect(g.x + g.w).toBeLessThanOrEqual(320.5);
    }
  });
});

describe('money-flows server render', () => {
  it('renders the by-deal chart with a mark per deal, and the summary', () => {
    const { body } = render(MoneyFlows, { props: { summaryId: 'chart-summary', data, asOf: '2026-03-01', highlight: 'amazon' } });
    expect(body).toContain('id="chart-summary"');
    expect(body).toContain('data-chart="by-deal"');
    expect((body.match(/data-deal="/g) ?? []).length).toBe(10);
    expect((body.match(/data-future="yes"/g) ?? []).length).toBe(1);
    expect(body).toContain('aria-pressed="true"');
    expect(body).toContain('As of March 1, 2026: Microsoft had committed $13 billion to OpenAI');
    expect(body).toContain('REPORTED');
    expect((body.match(/data-certainty="hatched"/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });
});
