// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
vi.mock('svelte', async () => {
  // @ts-ignore -- svelte's server entry has no declaration file of its own
  return await import('../../../node_modules/svelte/src/index-server.js');
});
import { render } from 'svelte/server';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { widget } from '../../../src/widgets/RpoExposure/data';
import { STYLE, layout, partIds, phases, restOf, summaries, tables, type RpoText } from '../../../src/widgets/RpoExposure/view';
import { measure } from '../../../src/widgets/kit/text';
import { timedText } from '../../../src/widgets/shared/live';
import RpoExposure from '../../../src/widgets/RpoExposure/RpoExposure.svelte';

const fb = loadFactBase();
const data = widget.buildData(fb);
const NOW = data.meta.defaultAsOf;

describe('rpo-exposure data', () => {
  it('reads $625B of commercial RPO and about 45% (about $281B) tied to OpenAI from the fact base', () => {
    expect(data.total).toMatchObject({ id: 'msft-commercial-rpo-2026', value: 625e9, qualifier: 'exact' });
    expect(data.share).toMatchObject({ id: 'openai-share-of-rpo-2026', value: 45, qualifier: 'about', unit: 'percent' });
    expect(data.openai).toMatchObject({ id: 'openai-rpo-2026', value: 281e9, qualifier: 'about' });
    expect(data.event).toMatchObject({ id: 'microsoft-earnings-fy26-q2-2026', date: '2026-01-28' });
  });
  it('takes its definition from the glossary', () => {
    const rpo = fb.glossary.find((g) => g.id === 'rpo')!;
    expect(rpo.definition.toLowerCase()).toContain(data.definition.text.replace(/\.$/, '').toLowerCase());
    expect(data.definition.commercial).toContain('not only Azure');
  });
  it('highlights Microsoft, OpenAI and the earnings event, and accepts the whole story range', () => {
    expect(data.meta.highlights.map((h) => h.id)).toEqual(['microsoft', 'openai', 'microsoft-earnings-fy26-q2-2026']);
    expect(data.meta.range).toEqual({ min: '2019-01-01', max: '2032-12-31' });
    expect(data.meta.takeaway).toMatch(/not of Azure revenue/);
    expect(data.meta.sources.map((s) => s.id)).toEqual(['microsoft-ir-fy26-q2']);
  });
  it('exports one row per figure with qualifier and sources', () => {
    const rows = widget.dataRows(fb);
    expect(rows.map((r) => r.id)).toEqual(['msft-commercial-rpo-2026', 'openai-share-of-rpo-2026', 'openai-rpo-2026']);
    for (const r of rows) {
      expect(r.date).toBe('2026-01-28');
      expect(r.source_ids).toBe('microsoft-ir-fy26-q2');
      expect(typeof r.source_urls).toBe('string');
      expect(r.qualifier).toMatch(/exact|about/);
    }
  });
});

describe('rpo-exposure view', () => {
  it('splits the bar at 45% with the rest derived, never false precision', () => {
    const v = layout(data, true, 640);
    expect(v.disclosed).toBe(true);
    expect((v.split.x - v.bar.x) / v.bar.w).toBeCloseTo(0.45, 3);
    expect(restOf(data)).toEqual({ value: 344e9, share: 55 });
    const words = v.texts.map((t) => t.text);
    expect(words).toContain('about 45%');
    expect(words).toContain('about $281B');
    expect(words).toContain('about 55%');
    expect(timedText(summaries(data), NOW)).toBe(
      'As of June 1, 2026: on January 28, 2026, Microsoft reported $625 billion of commercial remaining performance obligation, about 45% of it (about $281 billion) tied to OpenAI. That is a share of all its commercial contracts, not of Azure revenue.',
    );
    expect(data.words.note).toMatch(/not of Azure revenue/);
  });
  it('before January 28, 2026 says the figure was not disclosed yet, and shows no amount', () => {
    const v = layout(data, false, 440);
    expect(v.disclosed).toBe(false);
    expect(v.empty?.lines.join(' ')).toBe('Microsoft disclosed this on January 28, 2026.');
    expect(v.texts.map((t) => t.text).join(' ')).not.toMatch(/\$|%/);
    expect(timedText(summaries(data), '2026-01-27')).toMatch(/^As of January 27, 2026, Microsoft had not yet said .* disclosed this on January 28, 2026/);
    expect(timedText(summaries(data), '2026-01-28')).toMatch(/^As of January 28, 2026: on January 28, 2026, Microsoft reported/);
    expect(phases(data).map((p) => p.span)).toEqual([' 2026-01-28', '2026-01-28 ']);
    const [before, after] = tables(data);
    expect(before!.table.rows.every((r) => r.amount === 'not yet disclosed')).toBe(true);
    expect(after!.table.rows.map((r) => r.amount)).toContain('about 45%');
  });
  it('highlighting OpenAI dims the rest, highlighting Microsoft dims nothing; the labels fit 320px', () => {
    const ids = partIds(data);
    expect(ids.openai).toContain('openai');
    expect(ids.rest).not.toContain('openai');
    for (const k of ['openai', 'rest', 'total'] as const) expect(ids[k]).toEqual(expect.arrayContaining(['microsoft', data.event.id]));
    const v = layout(data, true, 320);
    // Text must stay inside the 320px frame, measured in the served font.
    const est = (t: RpoText) => measure(t.text, STYLE[t.tone]);
    for (const t of v.texts) {
      const left = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - est(t) : t.x - est(t) / 2;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + est(t)).toBeLessThanOrEqual(320.5);
    }
    // Left and right label columns never meet.
    const lefts = v.texts.filter((t) => t.anchor === 'start' && t.y > v.bar.y);
    const rights = v.texts.filter((t) => t.anchor === 'end' && t.y > v.bar.y);
    for (const l of lefts) for (const r of rights.filter((r) => r.y === l.y)) expect(l.x + est(l) + 8).toBeLessThan(r.x - est(r));
  });
});

describe('rpo-exposure server render', () => {
  it('draws the bar with its three selectable parts, lit for the highlight', () => {
    const { body } = render(RpoExposure, { props: { data, disclosed: true, width: 640, highlight: 'openai' } });
    expect(body).toContain('data-part-fill="openai"');
    expect((body.match(/data-mark="/g) ?? []).length).toBe(3);
    expect(body).toMatch(/class="rest-fill[^"]*"[^>]*data-ids="microsoft microsoft-earnings-fy26-q2-2026" data-hl="off"/);
    expect(body).toContain('about 45%');
  });
  it('draws the empty state before the disclosure, with nothing to select', () => {
    const { body } = render(RpoExposure, { props: { data, disclosed: false, width: 320, highlight: null } });
    expect(body).toContain('data-disclosed="no"');
    expect(body).toContain('Not yet disclosed');
    expect(body).not.toContain('data-part-fill');
    expect(body).not.toContain('data-mark=');
  });
});
