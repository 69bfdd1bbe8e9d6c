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
import { type CText, changeDates, details, textWidth, highlightMarks, layout, leftOut, sliderDates, summaries, summary, tables } from '../../../src/widgets/ComputeCommitments/view';
import { phaseOf, timedText } from '../../../src/widgets/shared/live';
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
    expect(leftOut(data)).toMatch(/^Not drawn: Stargate/);
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
    const L = layout(data, 1000);
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
    const N = layout(data, 360);
    expect(N.rows.every((r) => r.gw === null)).toBe(true);
    expect(N.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!.texts.map((t) => t.text).join(' ')).toContain('up to 5 GW');
  });
  it('shows "at least" as "more than" with an open end, and tags the reported Oracle bar', () => {
    const L = layout(data, 1000);
    const a = L.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!;
    expect(a.money.open).toBe(true);
    expect(a.texts.map((t) => t.text)).toContain('more than $100B');
    expect(moneyText(data.words, row('anthropic-aws-2026-spend'), true)).toBe('more than $100 billion');
    expect(L.rows.find((r) => r.key === 'openai-oracle-2025')!.tag).not.toBeNull();
    expect(L.rows.filter((r) => r.tag).map((r) => r.key)).toEqual(['openai-oracle-2025']);
    expect(L.rows.find((r) => r.key === 'oracle-extends-azure-2024')!.money.certainty).toBe('undisclosed');
  });
  it('gives every date-dependent label its side of the contract date, and lights rows for their highlights', () => {
    const L = layout(data, 1000);
    const a = L.rows.find((r) => r.key === 'anthropic-aws-2026-spend')!;
    expect(a.date).toBe('2026-04-20');
    expect(a.texts.filter((t) => t.side === 'future').map((t) => t.text)).toEqual(['not yet']);
    expect(a.texts.filter((t) => t.side === 'present').map((t) => t.text)).toContain('more than $100B');
    expect(a.ids).toEqual(expect.arrayContaining(['anthropic', 'amazon', 'anthropic-aws-commitment-2026', 'new-stack-eight-days-2026', 'openai-on-bedrock-preview-2026']));
    expect(a.ids).not.toContain('openai');
    expect(L.rows.find((r) => r.key === 'anthropic-azure-2025')!.ids).not.toContain('openai');
    const lit = L.rows.filter((r) => r.ids.includes('new-stack-eight-days-2026')).map((r) => r.key).sort();
    expect(lit).toEqual(['anthropic-aws-2026-spend', 'openai-aws-2026']);
    expect(L.rows.filter((r) => r.ids.includes('nvidia')).map((r) => r.key)).toEqual(['openai-aws-2025']);
    expect(L.groups.find((g) => g.id === 'google')!.ids).not.toContain('anthropic');
    const s = L.strip!;
    expect(s.from).toBe('2026-04-20');
    expect(s.emphIds).toEqual(['new-stack-eight-days-2026', 'anthropic-aws-commitment-2026', 'openai-on-bedrock-preview-2026']);
    expect(s.ids).toContain('amazon');
    expect(s.ids).not.toContain('oracle');
    expect(s.window.w).toBeGreaterThan(0);
    // The "today" tick shows on the days of the strip's axis: four days either side of the window.
    expect(s.today).toEqual({ from: '2026-04-16', until: '2026-05-02' });
    expect(L.stripAfter).toBe('openai-aws-2025');
  });
  it('keeps each narrow row the same height on every date: its words under the bar wait for its date', () => {
    const L = layout(data, 320);
    const r = L.rows.find((x) => x.key === 'openai-aws-2025')!;
    expect(r.texts.filter((t) => t.side === 'future').map((t) => t.text)).toEqual(['not yet']);
    expect(r.texts.filter((t) => t.side === 'present').map((t) => t.text).join(' ')).toContain('7 years');
    expect(r.glyph).not.toBeNull();
    expect(L.rows.find((x) => x.key === 'oracle-extends-azure-2024')!.texts.filter((t) => t.side === 'future')).toHaveLength(1);
    expect(sliderDates(data)).toEqual([...changeDates(data), '2026-04-28', NOW].sort());
  });
  it('writes the details, the summaries and the tables for every span of dates', () => {
    const d = details(data);
    expect(d).toHaveLength(12);
    expect(d.find((x) => x.key === 'openai-oracle-2025')).toMatchObject({ date: '2025-09-10' });
    expect(d.at(-1)).toMatchObject({ key: 'eight-days-2026', date: null });
    const marks = highlightMarks(data);
    expect(marks['anthropic-aws-commitment-2026']).toBe('anthropic-aws-2026-spend');
    expect(marks['new-stack-eight-days-2026']).toBe('eight-days-2026');
    expect(marks.openai).toBeUndefined();
    const texts = summaries(data);
    for (const asOf of ['2024-01-01', '2024-06-01', '2025-10-01', '2026-04-28', NOW]) expect(timedText(texts, asOf)).toBe(summary(data, asOf));
    const t = tables(data, '2025-10-01');
    const at = (asOf: string) => t.filter((x) => phaseOf(x.span, asOf) === 'in');
    expect(at('2025-10-01')).toHaveLength(1);
    const rows = at('2025-10-01')[0]!.table.rows;
    expect(rows.filter((r) => r.state === 'not yet').map((r) => r.date).sort()).toEqual(['November 18, 2025', 'November 3, 2025', 'October 28, 2025', 'February 27, 2026', 'April 20, 2026'].sort());
    expect(at('2025-10-01')[0]!.table.columns.at(-1)!.label).toBe('By Oct 1, 2025');
  });
  it('writes a summary that names each contract and adds none together', () => {
    const s = summary(data, NOW);
    expect(s).toContain('a reported $300 billion');
    expect(s).toContain('more than $100 billion over 10 years');
    expect(s).toContain('$38 billion over 7 years on NVIDIA GPUs');
    expect(s).toContain('$100 billion over 8 years, about 2 gigawatts of Trainium capacity');
    expect(s).not.toMatch(/\$100 billion over 8 years on Trainium/);
    expect(s).not.toMatch(/\$138 billion|\$438 billion/);
    expect(summary(data, '2024-01-01')).toMatch(/none of these compute commitments/);
  });
  it('keeps dollar-panel labels out of the capacity panel at every width', () => {
    for (const w of [600, 668, 800, 1000, 1200]) {
      const L = layout(data, w);
      const usd = L.panels.find((p) => p.key === 'usd')!;
      for (const r of L.rows)
        for (const t of r.texts.filter((t) => t.x >= usd.x && t.x < usd.x + usd.w)) expect(t.x + textWidth(t), `${w}: ${t.text}`).toBeLessThanOrEqual(usd.x + usd.w + 20);
    }
  });
  it('keeps the years panel\'s labels inside the wide artboards ("~5 from 2027" included)', () => {
    for (const width of [640, 900, 1200]) {
      const L = layout(data, width);
      const years = L.panels.find((p) => p.key === 'years')!;
      const labels = L.rows.flatMap((r) => r.texts).filter((t) => t.x >= years.x);
      expect(labels.some((t) => t.text.endsWith('from 2027'))).toBe(true);
      for (const t of labels) expect(t.x + textWidth(t), `${width}: ${t.text}`).toBeLessThanOrEqual(width + 0.5);
    }
  });
  it('keeps every label inside the narrow artboards (and a 288px one), on every date', () => {
    for (const width of [288, 320, 440]) {
      const L = layout(data, width);
      const texts = [...L.rows.flatMap((r) => r.texts), ...L.groups.flatMap((g) => g.texts), ...(L.strip?.texts ?? [])];
      for (const t of texts) {
        const w = textWidth(t);
        const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
        expect(left, t.text).toBeGreaterThanOrEqual(-0.5);
        expect(left + w, t.text).toBeLessThanOrEqual(width + 0.5);
      }
      for (const r of L.rows) if (r.tag) expect(r.tag.x + r.tag.w).toBeLessThanOrEqual(width + 0.5);
    }
    // Labels on one line of a row never meet, on either side of its date ("not yet" and the figures never show together).
    for (const w of [288, 320, 440]) {
      for (const r of layout(data, w).rows) {
        const box = (t: CText) => {
          const width = textWidth(t);
          const left = t.anchor === 'end' ? t.x - width : t.anchor === 'middle' ? t.x - width / 2 : t.x;
          return [left, left + width] as const;
        };
        for (const a of r.texts)
          for (const b of r.texts) {
            if (a === b || a.y !== b.y || (a.side && b.side && a.side !== b.side)) continue;
            const [a0, a1] = box(a);
            const [b0, b1] = box(b);
            expect(a1 <= b0 || b1 <= a0, `${w} ${r.key}: ${a.text} / ${b.text}`).toBe(true);
          }
      }
    }
  });
});

describe('compute-commitments server render', () => {
  it('draws a selectable row per contract and the eight days, each dated and lit for the state it starts in', () => {
    const { body } = render(ComputeCommitments, { props: { data, width: 900, asOf: '2026-04-19', highlight: 'new-stack-eight-days-2026' } });
    expect((body.match(/data-row="/g) ?? []).length).toBe(12);
    expect((body.match(/data-mark="/g) ?? []).length).toBe(12);
    expect(body).toContain('data-strip="eight-days"');
    expect(body).toContain('data-open="more-than"');
    expect(body).toMatch(/data-mark="anthropic-aws-2026-spend"[^>]*data-span=" 2026-04-20" data-phase="in" data-ids="[^"]*" data-hl="on"/);
    expect(body).toMatch(/data-mark="openai-coreweave-2025-09"[^>]*data-hl="off"/);
    expect(body).toMatch(/class="today w-when[^"]*"[^>]*data-asof-x/);
    expect(body).not.toContain('onclick');
  });
  it('draws a narrow artboard with both sides of each contract date, the side the page starts on shown', () => {
    const { body } = render(ComputeCommitments, { props: { data, width: 320, asOf: '2024-06-30', highlight: null } });
    expect(body).toContain('data-layout="narrow"');
    expect(body).not.toContain('data-hl=');
    expect((body.match(/>not yet</g) ?? []).length).toBe(11);
    expect((body.match(/data-phase="in"[^>]*>not yet</g) ?? []).length).toBe(10);
  });
});
