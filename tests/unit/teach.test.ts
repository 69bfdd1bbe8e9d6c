// @vitest-environment node
// The teaching data (content/data/activities.yaml, lesson-plans.yaml): its schema, the reference checks that run
// at build time, and the real files against the real chapters and widgets.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import { widgetData } from '../../src/widgets/registry';
import { stateRules } from '../../src/lib/widget-state';
import type { StateRules } from '../../src/lib/widget-state';
import { WIDGET_IDS, type WidgetId } from '../../src/lib/widgets';
import { availableWidgets } from '../../src/widgets/registry';
import {
  activitySchema,
  chapterSteps,
  chapterWidgets,
  chartStateHref,
  checkTeaching,
  fillFigures,
  planLinkHref,
  planSchema,
  stepFor,
  type Activity,
  type Plan,
  type TeachingContext,
} from '../../src/lib/teach-schema';
import { loadContent } from '../../src/lib/factbase/content-files';

const BODY = `
import Scrolly from 'x';

Intro with <Term id="gpu">GPUs</Term>.

<Scrolly widget="terms-timeline" show="cloud api" title="The terms" label="a">
<Step asOf="2019-07-22" highlight="microsoft">

One.

</Step>
<Step asOf="2022-12-31">

Two.

</Step>
</Scrolly>

<Widget id="money-flows" asOf="2019-07-22" />

<Scrolly widget='money-flows'>
<Step asOf="2023-01-23" highlight="microsoft">

Three.

</Step>
</Scrolly>
`;

const RULES: StateRules = { min: '2019-01-01', max: '2032-12-31', defaultAsOf: '2026-06-01', highlights: ['microsoft', 'openai'] };
const ctx = (over: Partial<TeachingContext> = {}): TeachingContext => ({
  chapters: [{ slug: 'the-bet', body: BODY, leadWidget: 'terms-timeline' }],
  glossaryIds: ['gpu', 'rpo'],
  figureIds: ['msft-openai-2019'],
  rules: () => RULES,
  ...over,
});
const activity = (over: Partial<Activity> = {}): Activity =>
  activitySchema.parse({
    chapter: 'the-bet',
    widget: 'terms-timeline',
    asOf: '2022-12-31',
    title: 'What could OpenAI not do?',
    prompt: 'Open the terms chart as of December 31, 2022: what could OpenAI not do?',
    tasks: ['Read each row.', 'Which row rules out other clouds?'],
    debrief: 'Only Azure; Microsoft paid {{msft-openai-2019}}.',
    minutes: 15,
    ...over,
  });
const plan = (links: unknown[]): Plan =>
  planSchema.parse({
    id: 'one',
    title: 'One',
    length: 'One lesson',
    summary: 'S',
    lessons: [{ title: 'L', aim: 'A', steps: [{ minutes: 5, text: 'T', links }, { minutes: 5, text: 'U' }] }],
  });

describe('chapter steps', () => {
  it('numbers steps through the chapter, each with the widget, story view and title of its sequence', () => {
    expect(chapterSteps(BODY)).toEqual([
      { n: 1, widget: 'terms-timeline', show: 'cloud api', title: 'The terms', asOf: '2019-07-22', highlight: 'microsoft' },
      { n: 2, widget: 'terms-timeline', show: 'cloud api', title: 'The terms', asOf: '2022-12-31', highlight: null },
      { n: 3, widget: 'money-flows', show: '', title: null, asOf: '2023-01-23', highlight: 'microsoft' },
    ]);
  });
  it('finds the step that shows a state', () => {
    const steps = chapterSteps(BODY);
    expect(stepFor({ widget: 'terms-timeline', asOf: '2022-12-31' }, steps)?.n).toBe(2);
    expect(stepFor({ widget: 'money-flows', asOf: '2023-01-23', highlight: 'microsoft' }, steps)?.n).toBe(3);
    expect(stepFor({ widget: 'money-flows', asOf: '2023-01-23' }, steps)).toBeUndefined();
  });
  it('lists the widgets a chapter shows', () => {
    expect(chapterWidgets(BODY)).toEqual(['terms-timeline', 'money-flows']);
  });
});

describe('links', () => {
  it('writes chart states as URLs', () => {
    expect(chartStateHref({ widget: 'terms-timeline', asOf: '2023-12-31', highlight: 'microsoft' })).toBe('/embed/terms-timeline/?asOf=2023-12-31&highlight=microsoft');
    expect(chartStateHref({ widget: 'timeline' })).toBe('/embed/timeline/');
  });
  it('links each kind of plan link', () => {
    const [a, b, c, d, e] = plan([
      { chapter: 'the-bet', anchor: 'p-4', startsWith: 'The second', label: 'x' },
      { widget: 'money-flows', asOf: '2019-07-22', label: 'x' },
      { guide: 'the-bet', handout: true, label: 'x' },
      { term: 'gpu', label: 'x' },
      { chapter: 'the-bet', label: 'x' },
    ]).lessons[0]!.steps[0]!.links;
    expect([a, b, c, d, e].map((l) => planLinkHref(l!))).toEqual([
      '/chapters/the-bet/#p-4',
      '/embed/money-flows/?asOf=2019-07-22',
      '/teach/the-bet/handout/',
      '/glossary/#term-gpu',
      '/chapters/the-bet/',
    ]);
  });
  it('fills amounts from the fact base', () => {
    expect(fillFigures('Paid {{msft-openai-2019}} and {{ x }}.', (id) => `<${id}>`)).toBe('Paid <msft-openai-2019> and <x>.');
  });
});

describe('checkTeaching', () => {
  it('accepts good data', () => {
    expect(checkTeaching([activity()], [plan([{ chapter: 'the-bet', anchor: 'step-2', label: 'x' }, { term: 'rpo', label: 'x' }])], ctx())).toEqual([]);
  });
  it('rejects a state no step shows, naming the steps there are', () => {
    expect(checkTeaching([activity({ asOf: '2021-01-01' })], [], ctx())).toEqual([
      'content/data/activities.yaml: entry 1 (the-bet): no step of the chapter shows terms-timeline as of 2021-01-01; its terms-timeline steps are step-1 (2019-07-22, microsoft), step-2 (2022-12-31)',
    ]);
  });
  it('rejects dates outside the widget, unknown highlights and unknown figures', () => {
    const errors = checkTeaching([activity({ asOf: '2040-01-01', highlight: 'nobody', debrief: '{{ghost}}' })], [], ctx());
    expect(errors.some((e) => e.includes('field "asOf": 2040-01-01 is outside terms-timeline'))).toBe(true);
    expect(errors.some((e) => e.includes('field "highlight": "nobody" is not one of'))).toBe(true);
    expect(errors.some((e) => e.includes('field "debrief": unknown figure "{{ghost}}"'))).toBe(true);
  });
  it('rejects unknown chapters, widgets the chapter does not show, duplicates and missing chapters', () => {
    const two = ctx({ chapters: [...ctx().chapters, { slug: 'all-in', body: '', leadWidget: 'money-flows' }] });
    const errors = checkTeaching([activity(), activity(), activity({ chapter: 'gone' }), activity({ widget: 'rpo-exposure' })], [], two);
    expect(errors).toContain('content/data/activities.yaml: entry 2 (the-bet), field "chapter": a second activity for this chapter');
    expect(errors).toContain('content/data/activities.yaml: entry 3 (gone), field "chapter": unknown chapter "gone"');
    expect(errors).toContain('content/data/activities.yaml: entry 4 (the-bet), field "widget": the chapter does not show "rpo-exposure"');
    expect(errors).toContain('content/data/activities.yaml: no activity for chapter "all-in"');
  });
  it('rejects plan links to missing steps, chapters, guides, terms and bad chart states', () => {
    const errors = checkTeaching(
      [activity()],
      [
        plan([
          { chapter: 'the-bet', anchor: 'step-9', label: 'x' },
          { chapter: 'nope', label: 'x' },
          { guide: 'nope', label: 'x' },
          { term: 'nope', label: 'x' },
          { widget: 'timeline', asOf: '2019-07-22', highlight: 'nope', label: 'x' },
        ]),
      ],
      ctx(),
    );
    expect(errors).toEqual([
      'content/data/lesson-plans.yaml: plan "one", lessons.0.steps.0.links.0, field "anchor": the chapter has no step-9',
      'content/data/lesson-plans.yaml: plan "one", lessons.0.steps.0.links.1, field "chapter": unknown chapter "nope"',
      'content/data/lesson-plans.yaml: plan "one", lessons.0.steps.0.links.2, field "guide": unknown chapter "nope"',
      'content/data/lesson-plans.yaml: plan "one", lessons.0.steps.0.links.3, field "term": unknown glossary entry "nope"',
      `content/data/lesson-plans.yaml: plan "one", lessons.0.steps.0.links.4, field "highlight": "nope" is not one of timeline's highlights (microsoft, openai)`,
    ]);
  });
  it('rejects malformed entries by schema', () => {
    expect(activitySchema.safeParse({ ...activity(), widget: 'pie-chart' }).success).toBe(false);
    expect(activitySchema.safeParse({ ...activity(), tasks: ['only one'] }).success).toBe(false);
    expect(planSchema.safeParse({ ...plan([]), lessons: [{ title: 'L', aim: 'A', steps: [{ minutes: 5, text: 'T', links: [{ label: 'no target' }] }, { minutes: 5, text: 'U' }] }] }).success).toBe(false);
  });
});

describe('the real teaching data', () => {
  const fb = loadFactBase();
  const chapters = readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(`content/chapters/${f}`, 'utf8');
      const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
      return { slug: String(fm.slug), body: text, leadWidget: String(fm.leadWidget) };
    });
  const available = new Set(availableWidgets());
  const rules = (id: WidgetId) => (available.has(id) ? stateRules(widgetData(fb, id).meta) : null);

  it('parses', () => {
    expect(loadContent('activities')).toHaveLength(chapters.length);
    expect(loadContent('lessonPlans').map((p) => p.id)).toEqual(['one-lesson', 'three-lessons']);
  });
  it('references only chapters, steps, chart states, terms and figures that exist', () => {
    expect(checkTeaching(loadContent('activities'), loadContent('lessonPlans'), { chapters, glossaryIds: fb.glossary.map((g) => g.id), figureIds: fb.figures.map((f) => f.id), rules })).toEqual([]);
  });
  it("sends each chapter's activity to its lead chart", () => {
    for (const a of loadContent('activities')) expect(a.widget, a.chapter).toBe(chapters.find((c) => c.slug === a.chapter)!.leadWidget);
  });
  it('plans link every chapter and a chart in some state', () => {
    const links = loadContent('lessonPlans').flatMap((p) => p.lessons.flatMap((l) => l.steps.flatMap((s) => s.links)));
    const three = loadContent('lessonPlans').find((p) => p.id === 'three-lessons')!;
    const covered = new Set(three.lessons.flatMap((l) => l.steps.flatMap((s) => s.links.flatMap((k) => ('chapter' in k ? [k.chapter] : 'guide' in k ? [k.guide] : [])))));
    expect([...covered].sort()).toEqual(chapters.map((c) => c.slug).sort());
    expect(links.some((l) => 'widget' in l && WIDGET_IDS.includes(l.widget))).toBe(true);
    expect(links.some((l) => 'chapter' in l && /^p-\d+$/.test(l.anchor ?? ''))).toBe(true);
  });
});
