// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
vi.mock('svelte', async () => {
  // @ts-ignore -- svelte's server entry has no declaration file of its own
  return await import('../../../node_modules/svelte/src/index-server.js');
});
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/ComputeCommitments/data';
import { est, layout, summary } from '../../../src/widgets/ComputeCommitments/view';
import { moneyText } from '../../../src/widgets/ComputeCommitments/words';
import ComputeCommitments from '../../../src/widgets/ComputeCommitments/ComputeCommitments.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);
const rows = data.groups.flatMap((g) => g.rows);
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
const NOW = data.meta.defaultAsOf;

describe('compute-commitments data', () => {
  it('reads every cloud contract with its amount, length, chips and capacity from the fact base', () => {
    expect(row('anthropic-aws-2026-spend')).toMatchObject({ value: 100e9, qualifier: 'at-least', years: 10, chip: 'mixed', chipLabel: 'Graviton + Trainium', cloud: 'amazon' });
    expect(row('anthropic-aws-2026-spend').capacity).toMatchObject({ id: 'anthropic-aws-2026-capacity', value: 5, qualifier: 'up-to' });
    expect(row('anthropic-azure-2025')).toMatchObject({ value: 30e9, cloud: 'microsoft' });
    expect(row('anthropic-azure-2025').capacity).toMatchObject({ value: 1, qualifier: 'up-to' });
    expect(row('openai-azure-2025')).toMatchObject({ value: 250e9, years: null, capacity: null });
    expect(row('openai-aws-2025')).toMatchObject({ value: 38e9, years: 7, chip: 'nvidia-gpu', chipLabel: 'NVIDIA GPUs', capacity: null });
    expect(row('openai-aws-2026')).toMatchObject({ value: 100e9, years: 8, chip: 'trainium' });
    expect(row('openai-aws-2026').capacity).toMatchObject({ value: 2, qualifier: 'about' });
    expect(row('openai-oracle-2025')).toMatchObject({ value: 300e9, qualifier: 'reported', years: 5, startYear: 2027 });
    expect(['openai-coreweave-2025-03', 'openai-coreweave-2025-05', 'openai-coreweave-2025-09'].map((id) => row(id).value)).toEqual([11.9e9, 4e9, 6.5e9]);
    expect(data.groups.find((g) => g.id === 'coreweave')!.total).toMatchObject({ id: 'openai-coreweave-total-2025', value: 22.4e9 });
  });
  it('groups by cloud, AWS first, and names the clouds as readers know them', () => {
    expect(data.groups.map((g) => g.name)).toEqual(['AWS', 'Azure', 'CoreWeave', 'Oracle', 'Google']);
    expect(data.groups[0]!.rows.map((r) => r.id)).toEqual(['anthropic-aws-2026-spend', 'openai-aws-2026', 'openai-aws-2025']);
  });
  it('draws commitments with no amount as undisclosed, and leaves Stargate out with the reason', () => {
    expect(row('oracle-extends-azure-2024')).toMatchObject({ value: null, qualifier: 'undisclosed', cloud: 'oracle', lab: { id: 'openai' } });
    expect(row('openai-google-cloud-2025')).toMatchObject({ value: null, qualifier: 'undisclosed', cloud: 'google' });
    expect(rows.map((r) => r.id)).not.toContain('stargate-2025');
    expect(data.leftOut.map((l) => l.id)).toEqual(['stargate-2025']);
    expect(data.leftOut[0]!.reason).toMatch(/not a contract with a cloud/);
    expect(layout(data, { asOf: NOW, highlight: null }, 900).leftOut).toMatch(/^Not drawn: Stargate/);
  });
  it('marks the eight days from the fact base: April 20 to April 28, 2026', () => {
    const e = data.eightDays;
    expect(e).toMatchObject({ days: 8, event: 'new-stack-eight-days-2026', start: { date: '2026-04-20', event: 'anthropic-aws-commitment-2026' }, end: { date: '2026-04-28', event: 'openai-on-bedrock-preview-2026' } });
    expect((Date.parse(e.end.date) - Date.parse(e.start.date)) / 86_400_000).toBe(e.days);
    expect(e.openaiTrainium).toEqual({ event: 'amazon-openai-deal-2026', date: '2026-02-27' });
  });
  it('knows every highlight the chapters use; exports GW as rows of their own', () => {
    const ids = data.meta.highlights.map((h) => h.id);
    for (const id of ['oracle', 'coreweave', 'microsoft', 'amazon', 'openai', 'anthropic', 'nvidia', 'anthropic-aws-commitment-2026', 'new-stack-eight-days-2026', 'aws-openai-38b-2025', 'amazon-openai-deal-2026', 'openai-on-bedrock-preview-2026'])
      expect(ids).toContain(id);
    expect(ids).not.toContain('stargate-announced-2025');
    const out = widget.dataRows(fb);
    expect(out.find((r) => r.id === 'anthropic-aws-2026-capacity')).toMatchObject({ unit: 'GW', kind: 'capacity', value: 5, qualifier: 'up-to' });
    expect(out.find((r) => r.id === 'openai-oracle-2025')).toMatchObject({ unit: 'USD', qualifier: 'reported', source_ids: 'wsj-2025-09-10' });
    for (const r of out) expect(String(r.source_ids).length).toBeGreaterThan(0);
  });
});

describe('compute-commitments view', () => {
  it('never puts gigawatts on the dollar axis', () => {
    const L = layout(data, { asOf: NOW, highlight: null }, 1000);
    const usd = L.panels.find((p) => p.key === 'usd')!;
    const gw = L.panels.find((p) => p.key === 'gw')!;
    expect(gw.x).toBeGreaterThan(usd.x + usd.w);
    for (const r of L.rows) {
      expect(r.money.x + r.money.w).toBeLessThanOrEqual(usd.x + usd.w);
      if (r.gw) expect(r.gw.x).toBeGreaterThanOrEqual(gw.x);
    }
    expect(L.rows.filter((r) => r.gw).map((r) => r.key).sort()).toEqual(['anthropic-aws-2026-spend', 'anthropic-azure-2025', 'openai-aws-2026']);
    expect(L.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!.gw!.certainty).toBe('outline');
    // Narrow charts give capacity as words, not bars.
    const N = layout(data, { asOf: NOW, highlight: null }, 360);
    expect(N.rows.every((r) => r.gw === null)).toBe(true);
    expect(N.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!.texts.map((t) => t.text).join(' ')).toContain('up to 5 GW');
  });
  it('shows "at least" as "more than" with an open end, and tags the reported Oracle bar', () => {
    const L = layout(data, { asOf: NOW, highlight: null }, 1000);
    const a = L.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!;
    expect(a.money.open).toBe(true);
    expect(a.texts.map((t) => t.text)).toContain('more than $100B');
    expect(moneyText(row('anthropic-aws-2026-spend'), true)).toBe('more than $100 billion');
    expect(L.rows.find((r) => r.key === 'openai-oracle-2025')!.tag).not.toBeNull();
    expect(L.rows.filter((r) => r.tag).map((r) => r.key)).toEqual(['openai-oracle-2025']);
    expect(L.rows.find((r) => r.key === 'oracle-extends-azure-2024')!.money.certainty).toBe('undisclosed');
  });
  it('filters by date and highlights the eight days', () => {
    const before = layout(data, { asOf: '2026-04-19', highlight: 'openai' }, 1000);
    expect(before.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!.future).toBe(true);
    expect(before.rows.find((r) => r.key === 'openai-aws-2026')!.future).toBe(false);
    expect(before.rows.find((r) => r.key === 'anthropic-azure-2025')!.dim).toBe(true);
    expect(before.strip!.faded).toBe(true);
    const eight = layout(data, { asOf: '2026-04-28', highlight: 'new-stack-eight-days-2026' }, 1000);
    expect(eight.strip!.emph).toBe(true);
    expect(eight.rows.filter((r) => r.emph).map((r) => r.key).sort()).toEqual(['anthropic-aws-2026-spend', 'openai-aws-2026']);
    expect(eight.strip!.window.w).toBeGreaterThan(0);
    const early = layout(data, { asOf: '2024-06-30', highlight: 'oracle' }, 1000);
    expect(early.rows.filter((r) => !r.future).map((r) => r.key)).toEqual(['oracle-extends-azure-2024']);
  });
  it('writes a summary that names each contract and adds none together', () => {
    const s = summary(data, NOW);
    expect(s).toContain('a reported $300 billion');
    expect(s).toContain('more than $100 billion over 10 years');
    expect(s).toContain('$38 billion over 7 years on NVIDIA GPUs');
    expect(s).toContain('$100 billion over 8 years on Trainium, about 2 gigawatts');
    expect(s).not.toMatch(/\$138 billion|\$438 billion/);
    expect(summary(data, '2024-01-01')).toMatch(/none of these compute commitments/);
  });
  it('keeps dollar-panel labels out of the capacity panel at every width', () => {
    for (const w of [600, 668, 800, 1000, 1200]) {
      const L = layout(data, { asOf: NOW, highlight: null }, w);
      const usd = L.panels.find((p) => p.key === 'usd')!;
      for (const r of L.rows)
        for (const t of r.texts.filter((t) => t.x >= usd.x && t.x < usd.x + usd.w)) expect(t.x + est(t.text, 12.5), `${w}: ${t.text}`).toBeLessThanOrEqual(usd.x + usd.w + 20);
    }
  });
  it('keeps every label inside a 320px chart', () => {
    for (const asOf of ['2024-06-30', '2026-04-20', NOW]) {
      const L = layout(data, { asOf, highlight: null }, 288);
      const texts = [...L.rows.flatMap((r) => r.texts), ...L.groups.flatMap((g) => g.texts), ...(L.strip?.texts ?? [])];
      for (const t of texts) {
        const size = t.cls === 'cloud' ? 14 : t.cls === 'muted' || t.cls === 'label' ? 12.5 : 13;
        const w = est(t.text, size);
        const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
        expect(left, t.text).toBeGreaterThanOrEqual(-0.5);
        expect(left + w, t.text).toBeLessThanOrEqual(288.5);
      }
      for (const r of L.rows) if (r.tag) expect(r.tag.x + 62).toBeLessThanOrEqual(288.5);
    }
  });
});

describe('compute-commitments server render', () => {
  it('renders a row per contract, the eight days and the summary', () => {
    const { body } = render(ComputeCommitments, { props: { summaryId: 'chart-summary', data, asOf: '2026-04-28', highlight: 'new-stack-eight-days-2026' } });
    expect(body).toContain('id="chart-summary"');
    expect((body.match(/data-row="/g) ?? []).length).toBe(11);
    expect(body).toContain('data-strip="eight-days"');
    expect(body).toContain('data-open="more-than"');
    expect(body).toContain('As of April 28, 2026: OpenAI had spending commitments with AWS');
    expect(body).toContain('Not drawn: Stargate');
  });
});
