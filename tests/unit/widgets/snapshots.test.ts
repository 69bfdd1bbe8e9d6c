// @vitest-environment node
/**
 * Every drawing, rendered on the server as the build renders it, at each artboard width, in its default state and in
 * every state the chapters' scroll steps put it in, compared with the committed snapshots in __snapshots__/ (readable
 * SVG, one element a line, geometry rounded to a tenth: svg-snapshot.ts). A state's snapshot is what it changes
 * against the default state, line by line.
 *
 * After a deliberate change (a fact, a layout, the fonts), regenerate and read the diff:
 *   npx vitest run tests/unit/widgets/snapshots.test.ts -u
 * (the file first: `vitest run -u <file>` takes the file for -u's value and runs, and updates, the whole suite)
 */
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
// @ts-ignore -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
// @ts-ignore -- as above
vi.mock('svelte/reactivity', async () => await import('../../../node_modules/svelte/src/reactivity/index-server.js'));
import { render } from 'svelte/server';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/svelte';
import type { Component } from 'svelte';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { ARTBOARDS, boardPlan } from '../../../src/widgets/shared/artboards';
import { chapterTitles, pretty, stateDiff, statesOf } from './svg-snapshot';
import { widget as termsWidget } from '../../../src/widgets/TermsTimeline/data';
import { widget as computeWidget } from '../../../src/widgets/ComputeCommitments/data';
import { widget as moneyWidget } from '../../../src/widgets/MoneyFlows/data';
import { widget as rpoWidget } from '../../../src/widgets/RpoExposure/data';
import { widget as cloudWidget } from '../../../src/widgets/CloudMatrix/data';
import { widget as timelineWidget } from '../../../src/widgets/Timeline/data';
import TermsTimeline from '../../../src/widgets/TermsTimeline/TermsTimeline.svelte';
import ComputeCommitments from '../../../src/widgets/ComputeCommitments/ComputeCommitments.svelte';
import MoneyFlows from '../../../src/widgets/MoneyFlows/MoneyFlows.svelte';
import OverTime from '../../../src/widgets/MoneyFlows/OverTime.svelte';
import RpoExposure from '../../../src/widgets/RpoExposure/RpoExposure.svelte';
import CloudMatrix from '../../../src/widgets/CloudMatrix/CloudMatrix.svelte';
import Timeline from '../../../src/widgets/Timeline/Timeline.svelte';
import TimelineKey from '../../../src/widgets/Timeline/Legend.astro';

const fb = loadFactBase();
const WIDTHS = ARTBOARDS.map((a) => a.width);

interface State {
  asOf: string;
  highlight: string | null;
}

interface Drawing {
  /** The widget's public id (its folder of snapshots) and the drawing's name in it. */
  widget: string;
  name: string;
  defaultAsOf: string;
  /** Draws one state; `width` is null for drawings not made per artboard. */
  draw: (state: State, width: number | null) => string;
  /** Artboard widths, or [null] for a drawing that holds them all (or none). */
  widths: (number | null)[];
  ext: 'svg' | 'html';
}

const body = <P extends Record<string, unknown>>(c: Component<P>, props: P) => render(c as Component<P>, { props }).body;

function drawings(): Drawing[] {
  const terms = termsWidget.buildData(fb);
  const compute = computeWidget.buildData(fb);
  const money = moneyWidget.buildData(fb);
  const rpo = rpoWidget.buildData(fb);
  const cloud = cloudWidget.buildData(fb);
  const timeline = timelineWidget.buildData(fb);
  const chapters = chapterTitles();
  return [
    { widget: 'terms-timeline', name: 'terms-timeline', defaultAsOf: terms.meta.defaultAsOf, widths: WIDTHS, ext: 'svg', draw: (s, w) => body(TermsTimeline, { data: terms, width: w!, ...s }) },
    { widget: 'compute-commitments', name: 'compute-commitments', defaultAsOf: compute.meta.defaultAsOf, widths: WIDTHS, ext: 'svg', draw: (s, w) => body(ComputeCommitments, { data: compute, width: w!, ...s }) },
    { widget: 'money-flows', name: 'by-deal', defaultAsOf: money.meta.defaultAsOf, widths: WIDTHS, ext: 'svg', draw: (s, w) => body(MoneyFlows, { data: money, width: w!, ...s }) },
    { widget: 'money-flows', name: 'over-time', defaultAsOf: money.meta.defaultAsOf, widths: WIDTHS, ext: 'svg', draw: (s, w) => body(OverTime, { data: money, width: w!, ...s }) },
    {
      widget: 'rpo-exposure',
      name: 'rpo-exposure',
      defaultAsOf: rpo.meta.defaultAsOf,
      widths: WIDTHS,
      ext: 'svg',
      draw: (s, w) => body(RpoExposure, { data: rpo, disclosed: s.asOf >= rpo.event.date, width: w!, highlight: s.highlight }),
    },
    // The matrix is HTML; it draws each lab's path strip at every artboard width itself.
    { widget: 'cloud-matrix', name: 'matrix', defaultAsOf: cloud.meta.defaultAsOf, widths: [null], ext: 'html', draw: (s) => body(CloudMatrix, { data: cloud, strips: boardPlan({}), ...s }) },
    // The timeline is an HTML list that reflows with its container: no artboards.
    { widget: 'timeline', name: 'list', defaultAsOf: timeline.meta.defaultAsOf, widths: [null], ext: 'html', draw: (s) => body(Timeline, { data: timeline, ...s, context: 'page' as const, chapters }) },
  ];
}

const all = drawings();

describe('every drawing at every artboard and state matches its snapshot', { timeout: 60_000 }, () => {
  for (const d of all) {
    const states = statesOf(d.widget);
    for (const width of d.widths) {
      const file = `${d.name}${width === null ? '' : `-${width}`}`;
      it(`${d.widget}: ${file}, default state and ${states.length} chapter states`, async () => {
        const base = pretty(d.draw({ asOf: d.defaultAsOf, highlight: null }, width));
        expect(base).not.toMatch(/NaN|undefined/);
        await expect(base).toMatchFileSnapshot(`__snapshots__/${d.widget}/${file}.${d.ext}`);
        const diffs = states.map((s) => `== as of ${s.asOf}, highlight ${s.highlight ?? 'none'}\n${stateDiff(base, pretty(d.draw(s, width)))}`);
        await expect(diffs.join('\n')).toMatchFileSnapshot(`__snapshots__/${d.widget}/${file}.states.txt`);
      });
    }
  }
});

describe('keys drawn with the same marks as their charts', () => {
  it('timeline: the three kinds of date mark', async () => {
    const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
    const key = pretty(await container.renderToString(TimelineKey, { props: { id: 'key', words: timelineWidget.buildData(fb).words } }));
    expect(key).not.toMatch(/NaN|undefined/);
    await expect(key).toMatchFileSnapshot('__snapshots__/timeline/key.html');
  });
});
