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
import { byDealLayout, textWidth, highlightMarks, maxExtent, notesAsOf, periods, steps, summaries, tables, type Spanned, type Txt } from '../../../src/widgets/MoneyFlows/view';
import MoneyFlows from '../../../src/widgets/MoneyFlows/MoneyFlows.svelte';
import OverTime from '../../../src/widgets/MoneyFlows/OverTime.svelte';
import { overTimeLayout } from '../../../src/widgets/MoneyFlows/overtime';
import { todayAt } from '../../../src/widgets/MoneyFlows/asof';
import { phaseOf, span, timedText } from '../../../src/widgets/shared/live';

const fb = loadFactBase();
const data = widget.buildData(fb);
const pair = (id: string) => {
  const p = data.pairs.find((x) => x.id === id);
  if (!p) throw new Error(`no pair ${id}`);
  return p;
};
const NOW = data.meta.defaultAsOf;
const summary = (asOf: string) => timedText(summaries(data), asOf);
/** Whether something spanned holds on a date. */
const holds = (s: Spanned, asOf: string) => phaseOf(span(s.from, s.until), asOf) === 'in';

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
    const segs = byDealLayout(data, 640).deals.find((d) => d.key === 'amazon-openai:amazon-openai-deal-2026')!.segs;
    expect(segs.map((s) => s.certainty)).toEqual(['solid', 'hatched']);
    // The headline $50B is a label, never a third segment.
    expect(pair('amazon-openai').notes.map((n) => n.id)).toEqual(['amazon-openai-2026-headline']);
    // Paid and conditional parts: the whole is labelled a headline, not conditional and not "in all".
    const headline = pair('amazon-openai').notes[0]!;
    expect(headline).toMatchObject({ headline: true, qualifier: 'exact' });
    expect(headline.text).toBe('$50B headline');
    expect(pair('microsoft-openai').notes.find((n) => n.id === 'msft-openai-commitments-total')!.text).toBe('$13B in all');
  });
  it('never sums the $13B running total with its three parts', () => {
    const p = pair('microsoft-openai');
    expect(p.deals.flatMap((d) => d.parts).reduce((a, x) => a + (x.value ?? 0), 0)).toBe(13e9);
    expect(p.notes.find((n) => n.id === 'msft-openai-commitments-total')).toMatchObject({ kind: 'total', value: 13e9 });
    expect(maxExtent(data)).toBe(50e9);
    const B = byDealLayout(data, 1000);
    const msSegs = B.deals.filter((d) => d.key.startsWith('microsoft-openai:')).flatMap((d) => d.segs);
    expect(msSegs).toHaveLength(3);
    const end = Math.max(...msSegs.map((s) => s.x + s.w));
    expect(end).toBeLessThanOrEqual((B.plotW * 13) / 50 + 0.01);
    expect(summary(NOW)).toContain('Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported)');
    expect(summary(NOW)).not.toMatch(/\$26 billion/);
    expect(notesAsOf(p, NOW).paid).toMatchObject({ id: 'msft-openai-paid-2025-09', value: 11.6e9 });
  });
  it('classifies "up to" money as up-to and draws it in outline', () => {
    const upTo = data.pairs.flatMap((p) => p.deals.flatMap((d) => d.parts)).filter((x) => x.status === 'up-to').map((x) => x.id);
    expect(upTo.sort()).toEqual(['amazon-anthropic-2026-milestones', 'msft-anthropic-2025', 'nvidia-anthropic-2025']);
    const T = overTimeLayout(data, 640);
    const segs = byDealLayout(data, 640).deals.flatMap((d) => d.segs);
    for (const id of upTo) expect(segs.find((s) => s.key === id)!.certainty).toBe('outline');
    expect(T.panels.find((p) => p.id === 'nvidia-anthropic')!.upToArea).toBeTruthy();
    // Nothing was paid by NVIDIA: its solid line stays at zero.
    const nv = T.panels.find((p) => p.id === 'nvidia-anthropic')!;
    const ys = [...nv.paidLine.matchAll(/[V,](-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(3);
    for (const y of ys) expect(y).toBe(nv.h);
  });
  it('draws the paid money as a step line that rises at each deal and never includes the conditional part', () => {
    const T = overTimeLayout(data, 800);
    const ms = T.panels.find((p) => p.id === 'microsoft-openai')!;
    // The levels of the step line: the y of each point, where it changes (d3-shape writes M/L x,y).
    const levelsOf = (d: string) => [...d.matchAll(/[ML]-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1])).filter((v, i, a) => i === 0 || v !== a[i - 1]);
    const levels = levelsOf(ms.paidLine);
    const y = (v: number) => ms.h - (ms.h * v) / 50e9;
    expect(levels.map((v) => Math.round(v * 10) / 10)).toEqual([0, 1e9, 3e9, 13e9].map((v) => Math.round(y(v) * 10) / 10));
    const amz = T.panels.find((p) => p.id === 'amazon-openai')!;
    expect(Math.min(...levelsOf(amz.paidLine))).toBeCloseTo(y(15e9), 1);
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
    const B = byDealLayout(data, 640);
    const deal = (k: string) => B.deals.find((d) => d.key === k)!;
    const nov = deal('microsoft-anthropic:microsoft-nvidia-anthropic-2025');
    expect(nov.words.find((w) => holds(w, '2025-11-17'))!.text.text).toBe('Nov 2025 not yet');
    expect(nov.words.find((w) => holds(w, NOW))!.text.text).toBe('Nov 2025 up to $5B');
    expect(nov.date > '2025-11-17').toBe(true);
    expect(deal('amazon-anthropic:amazon-anthropic-second-investment-2024').date <= '2025-11-17').toBe(true);
    expect(summary('2025-11-17')).toBe(
      'As of November 17, 2025: Microsoft had committed $13 billion to OpenAI in three rounds (two amounts reported), $11.6 billion of it paid in as disclosed on October 28, 2025; Amazon had committed $8 billion to Anthropic in three rounds.',
    );
    expect(summary('2018-12-31')).toMatch(/none of these investments had been made/);
    expect(summary('2026-03-01')).toContain('Amazon had committed $15 billion to OpenAI, with $35 billion more on conditions');
    expect(summary(NOW)).toContain('Microsoft had promised up to $5 billion to Anthropic; NVIDIA had promised up to $10 billion to Anthropic');
  });
  it('keeps each pair one running total at a time, and rows in their place whatever the date', () => {
    const B = byDealLayout(data, 640);
    for (const p of periods(data)) {
      for (const pair of B.pairs) {
        expect(pair.notes.filter((n) => holds(n, p.at)).length, `${pair.id} on ${p.at}`).toBeLessThanOrEqual(1);
        expect(pair.ticks.filter((t) => holds(t, p.at)).length).toBeLessThanOrEqual(1);
      }
      for (const d of B.deals) expect(d.words.filter((w) => holds(w, p.at)), `${d.key} on ${p.at}`).toHaveLength(1);
    }
    const ms = B.pairs.find((p) => p.id === 'microsoft-openai')!;
    expect(ms.notes.find((n) => holds(n, '2018-12-31'))!.text).toBe('not yet');
    expect(ms.notes.find((n) => holds(n, NOW))!.text).toMatch(/\$13B in all/);
    expect(ms.ticks.find((t) => holds(t, NOW))!.label.text).toMatch(/\$11\.6B paid in/);
    expect(ms.ticks.some((t) => holds(t, '2025-01-01'))).toBe(false);
  });
  it('lights the pair or deal a highlight names and dims the rest', () => {
    const B = byDealLayout(data, 640);
    const lit = (ids: string[], hl: string) => ids.includes(hl);
    const pairOf = (id: string) => B.pairs.find((p) => p.id === id)!;
    const dealOf = (k: string) => B.deals.find((d) => d.key === k)!;
    const hl = 'microsoft-openai-extension-2023';
    expect(lit(pairOf('microsoft-openai').ids, hl)).toBe(true);
    expect(lit(pairOf('amazon-anthropic').ids, hl)).toBe(false);
    expect(lit(dealOf('microsoft-openai:microsoft-openai-extension-2023').emphIds, hl)).toBe(true);
    expect(lit(dealOf('microsoft-openai:microsoft-invests-2019').ids, hl)).toBe(false);
    // An event that is no deal of the pair (the disclosure of the paid-in amount) keeps all its deals in view.
    expect(dealOf('microsoft-openai:microsoft-invests-2019').ids).toContain('recapitalisation-2025');
    expect(B.pairs.filter((p) => lit(p.ids, 'anthropic')).map((p) => p.id)).toEqual(['amazon-anthropic', 'microsoft-anthropic', 'nvidia-anthropic']);
    expect(highlightMarks(data)['amazon-openai-deal-2026']).toBe('amazon-openai:amazon-openai-deal-2026');
  });
  it('puts the today line at the as-of date on the 2019–2027 axis, clamped to it', () => {
    const T = overTimeLayout(data, 900);
    expect(data.axis).toEqual({ start: '2019-01-01', end: '2027-01-01' });
    const words = data.words.overTime.today;
    expect(todayAt(T.today.scale, '2023-01-01', words).x / T.plotW).toBeCloseTo(0.5, 2);
    const late = todayAt(T.today.scale, '2032-12-31', words);
    expect(late.x).toBeCloseTo(T.plotW, 5);
    expect(late).toMatchObject({ label: 'As of Dec 31, 2032 →', anchor: 'end' });
    expect(todayAt(T.today.scale, '2019-06-01', words).anchor).toBe('start');
  });
  it('keeps every label inside a 320px chart, and no two words on one another, on every date', () => {
    const B = byDealLayout(data, 320);
    const T = overTimeLayout(data, 320);
    const boxOf = (t: Txt) => {
      const w = textWidth(t);
      const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      return { left, right: left + w, top: t.y - 11, bottom: t.y + 3, text: t.text };
    };
    for (const { at } of periods(data)) {
      const texts = [
        ...B.pairs.flatMap((p) => [...p.texts, ...p.notes.filter((n) => holds(n, at)), ...p.ticks.filter((k) => holds(k, at)).map((k) => k.label)]),
        ...B.deals.map((d) => d.words.find((w) => holds(w, at))!.text),
      ];
      const tags = B.deals.flatMap((d) => d.words.filter((w) => holds(w, at) && w.tag).map((w) => w.tag!));
      const boxes = [...texts.map(boxOf), ...tags.map((g) => ({ left: g.x, right: g.x + g.w, top: g.y, bottom: g.y + 13, text: 'REPORTED' }))];
      for (const b of [...boxes, ...T.panels.flatMap((p) => [...p.texts, ...p.notes.filter((n) => holds(n, at))]).map(boxOf)]) {
        expect(b.left, b.text).toBeGreaterThanOrEqual(-0.5);
        expect(b.right, b.text).toBeLessThanOrEqual(320.5);
      }
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${a.text} / ${b.text} on ${at}`).toBe(false);
        }
    }
  });
  it('writes the table once per state of the record, its last column headed with the date', () => {
    const t = tables(data, NOW);
    expect(t.length).toBeGreaterThan(3);
    const on = (asOf: string) => t.find((x) => phaseOf(x.span, asOf) === 'in')!.table;
    expect(on(NOW).columns.at(-1)).toEqual({ key: 'state', label: 'By Jun 1, 2026', asOfText: 'By {short}' });
    expect(on('2018-12-31').rows.every((r) => r.state === 'not yet')).toBe(true);
    expect(on(NOW).rows.every((r) => r.state !== 'not yet')).toBe(true);
    expect(on('2025-11-17').rows.some((r) => r.state === 'not yet')).toBe(true);
    expect(steps(data).at(-1)).toBe(NOW);
  });
});

describe('money-flows drawn at build time', () => {
  it('draws the by-deal chart with a mark per deal, later deals ghosted and the highlight lit', () => {
    const { body } = render(MoneyFlows, { props: { data, width: 640, asOf: '2026-03-01', highlight: 'amazon' } });
    expect(body).toContain('data-chart="by-deal"');
    expect((body.match(/data-mark="/g) ?? []).length).toBe(10);
    expect((body.match(/class="segs[^"]*" data-span="[^"]*" data-phase="before"/g) ?? []).length).toBe(1);
    expect(body).toMatch(/data-pair="amazon-openai" data-ids="[^"]*" data-hl="on"/);
    expect(body).toMatch(/data-pair="microsoft-openai" data-ids="[^"]*" data-hl="off"/);
    expect(body).toContain('REPORTED');
    expect((body.match(/data-certainty="hatched"/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });
  it('draws the over-time chart with its today line where the date is, and both names of every marker', () => {
    const { body } = render(OverTime, { props: { data, width: 640, asOf: '2023-01-01', highlight: null } });
    expect(body).toContain('data-chart="over-time"');
    expect((body.match(/data-mark="/g) ?? []).length).toBe(20);
    expect(body).toContain('As of Jan 1, 2023');
    expect(body).toMatch(/aria-label="Amazon to OpenAI, [^"]*: not yet"/);
    expect(body).not.toContain('data-hl=');
  });
  it('sends no layout to the browser: its runtime extension only places the today line', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync('src/widgets/MoneyFlows/live.ts', 'utf8');
    expect(src).not.toMatch(/^\s*import (?!type)[^;]*from '\.\/(view|overtime|words|data)'/m);
    expect(src).toMatch(/from '\.\/asof'/);
  });
});
