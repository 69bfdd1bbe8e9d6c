// @vitest-environment node
// What a scroll sequence shows: names checked against each widget's story view, steps' highlights against the names,
// and the timeline's story axis, whose labels never collide.
import { describe, expect, it } from 'vitest';
import { coveredHighlights, highlightProblem, parseShow, showProblem } from '../../src/lib/story-show';
import { loadFactBase } from '../../src/lib/factbase/load';
import { getStory, getWidget } from '../../src/widgets/registry';
import { WIDGET_IDS } from '../../src/lib/widgets';
import remarkScrolly from '../../src/lib/mdx/remark-scrolly';
import { axisLayout } from '../../src/widgets/Timeline/axis';
import type { TimelineData } from '../../src/widgets/Timeline/data';

const fb = loadFactBase();
const shows = { cloud: ['microsoft', 'microsoft-invests-2019'], api: ['microsoft'], stake: ['recapitalisation-2025'] };

describe('show and highlight rules', () => {
  it('reads names split by spaces or commas, once each', () => {
    expect(parseShow(' cloud, api  cloud ')).toEqual(['cloud', 'api']);
  });
  it('names the unknown names and what is known', () => {
    expect(showProblem(['cloud', 'apis', 'lane'], shows)).toBe('"apis", "lane" are not one of cloud, api, stake');
    expect(showProblem([], shows)).toMatch(/names nothing/);
    expect(showProblem(['cloud', 'stake'], shows)).toBeNull();
  });
  it('accepts a highlight drawn by a named part, and none at all', () => {
    expect(coveredHighlights(['cloud', 'stake'], shows)).toEqual(new Set(['microsoft', 'microsoft-invests-2019', 'recapitalisation-2025']));
    expect(highlightProblem('recapitalisation-2025', ['stake'], shows)).toBeNull();
    expect(highlightProblem(null, ['api'], shows)).toBeNull();
  });
  it('rejects a highlight the named parts do not draw, and says which part would', () => {
    expect(highlightProblem('recapitalisation-2025', ['cloud', 'api'], shows)).toBe('highlight "recapitalisation-2025" has no mark in show="cloud api" (it is drawn by stake)');
    expect(highlightProblem('nobody', ['cloud'], shows)).toBe('highlight "nobody" has no mark in show="cloud"');
  });
});

describe("each widget's story view", () => {
  for (const id of WIDGET_IDS) {
    const data = getWidget(id).buildData(fb);
    const story = getStory(id);
    const all = story.shows(data);
    it(`${id}: every name draws only highlights the widget offers`, () => {
      const offered = new Set(data.meta.highlights.map((h) => h.id));
      expect(Object.keys(all).length).toBeGreaterThan(0);
      for (const [name, ids] of Object.entries(all)) for (const h of ids) expect(offered.has(h), `${id} show="${name}" draws "${h}"`).toBe(true);
    });
    it(`${id}: selecting one name keeps less than (or, for a single view, all of) the data, and the same meta`, () => {
      const one = Object.keys(all)[0]!;
      const cut = story.select(data, [one]);
      expect(cut.meta).toBe(data.meta);
      expect(JSON.stringify(cut).length).toBeLessThanOrEqual(JSON.stringify(data).length);
    });
  }
  it('terms-timeline: a lane stands for its rows, and a row draws its moments', () => {
    const data = getWidget('terms-timeline').buildData(fb) as never as { rows: { id: string }[] };
    const cut = getStory('terms-timeline').select(data as never, ['stake', 'cloud']) as never as { rows: { id: string }[]; terms: { row: string }[] };
    expect(cut.rows.map((r) => r.id)).toEqual(['cloud', 'stake-profit-share', 'stake-equity']);
    expect(new Set(cut.terms.map((t) => t.row))).toEqual(new Set(['cloud', 'stake-profit-share', 'stake-equity']));
    const s = getStory('terms-timeline').shows(data as never);
    expect(s.cloud).toContain('azure-exclusivity-to-rofr-2025');
    expect(s.cloud).not.toContain('stateless-api-statement-2026');
  });
  it('money-flows: a company stands for every row it gives or takes money in', () => {
    const data = getWidget('money-flows').buildData(fb);
    const cut = getStory('money-flows').select(data, ['amazon']) as never as { pairs: { id: string }[] };
    expect(cut.pairs.map((p) => p.id)).toEqual(['amazon-openai', 'amazon-anthropic']);
  });
});

describe('remark-scrolly hands each step its sequence\'s show', () => {
  it('copies show from the Scrolly to its steps', () => {
    const step = { type: 'mdxJsxFlowElement', name: 'Step', attributes: [{ type: 'mdxJsxAttribute', name: 'asOf', value: '2019-07-22' }] };
    const scrolly = { type: 'mdxJsxFlowElement', name: 'Scrolly', attributes: [{ type: 'mdxJsxAttribute', name: 'widget', value: 'terms-timeline' }, { type: 'mdxJsxAttribute', name: 'show', value: 'cloud api' }], children: [step] };
    remarkScrolly()({ type: 'root', children: [scrolly] } as never);
    expect(step.attributes.find((a) => a.name === 'show')?.value).toBe('cloud api');
  });
});

describe('timeline story axis', () => {
  const data = getWidget('timeline').buildData(fb) as TimelineData;
  const pick = (ids: string[]) => data.events.filter((e) => ids.includes(e.id));
  const cases = [
    ['altman-removed-2023', 'microsoft-hires-altman-2023', 'altman-returns-2023'],
    ['microsoft-invests-2019', 'microsoft-second-investment-2021', 'microsoft-openai-extension-2023', 'recapitalisation-2025', 'reset-2026'],
    ['anthropic-aws-commitment-2026', 'reset-2026', 'openai-on-bedrock-preview-2026', 'new-stack-eight-days-2026'],
  ];
  for (const ids of cases) for (const width of [320, 440, 640, 900]) {
    // Three events (the sequence on the site) always find tiers where no leader crosses a label; more, on a narrow
    // chart, may fall back to one tier each, where labels still never overlap.
    const strict = ids.length === 3 || width >= 640;
    it(`${ids.length} events at ${width}px: labels inside the chart and apart${strict ? ', no leader crossing a label' : ''}`, () => {
      const L = axisLayout(pick(ids), width);
      expect(L.labels).toHaveLength(ids.length);
      const box = (l: (typeof L.labels)[number]) => ({ x0: l.extent[0], x1: l.extent[1], y0: l.y, y1: l.leaderTop });
      for (const a of L.labels) {
        const A = box(a);
        expect(A.x0).toBeGreaterThanOrEqual(0);
        expect(A.x1).toBeLessThanOrEqual(L.width);
        expect(A.y0).toBeGreaterThanOrEqual(0);
        expect(A.y1).toBeLessThanOrEqual(L.axisY);
        for (const b of L.labels) {
          if (a === b) continue;
          const B = box(b);
          const overlap = A.x0 < B.x1 && B.x0 < A.x1 && A.y0 < B.y1 && B.y0 < A.y1;
          expect(overlap, `${a.id} and ${b.id} overlap`).toBe(false);
          // b's leader runs from under its label down to the axis at b.dotX: it may not pass through a's label.
          const crosses = b.dotX >= A.x0 && b.dotX <= A.x1 && B.y1 < A.y1;
          if (strict) expect(crosses, `${b.id}'s leader crosses ${a.id}`).toBe(false);
        }
      }
    });
  }
});
