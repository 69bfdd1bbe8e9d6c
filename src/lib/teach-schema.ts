/**
 * Teaching material as data: one charted activity per chapter (content/data/activities.yaml) and the lesson plans
 * on /teach/ (content/data/lesson-plans.yaml). The shapes are here (src/lib/factbase/content-files.ts reads the files
 * against them); `checkTeaching` then checks every reference against the chapters and the widgets' state rules, so a
 * renamed chapter, a renumbered step or a chart state that no longer exists fails the build with the file, the entry
 * and the field.
 */
import { z } from 'astro/zod';
import { idSchema, isoDateSchema } from './factbase/schema';
import { WIDGET_IDS, type WidgetId } from './widgets';
import type { StateRules } from './widget-state';
import { validDate, validHighlight } from './widget-state';

const text = z.string().trim().min(1);

/** A chart in one state: what /embed/<widget>/?asOf=…&highlight=… shows. */
export const chartStateSchema = z.object({
  widget: z.enum(WIDGET_IDS),
  asOf: isoDateSchema,
  highlight: idSchema.optional(),
});

export const activitySchema = z.object({
  chapter: idSchema,
  /** The chart students open, in the state they open it in. */
  widget: z.enum(WIDGET_IDS),
  asOf: isoDateSchema,
  highlight: idSchema.optional(),
  title: text,
  /** One sentence that sends students to the chart: "Open the terms chart as of December 2023: …". */
  prompt: text,
  tasks: z.array(text).min(2).max(4),
  /** For the teacher: what students should find. */
  debrief: text,
  minutes: z.number().int().min(5).max(40),
});

/** One link in a lesson plan: a chapter (optionally one paragraph, heading or step), a chart state, a term or a guide. */
export const planLinkSchema = z.union([
  z
    .object({
      chapter: idSchema,
      /** A paragraph (p-N), step (step-N) or heading id in the built chapter. */
      anchor: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
      /** The first words of that paragraph or step: shown to the teacher, and checked against the built page. */
      startsWith: text.optional(),
      label: text,
    })
    .strict(),
  chartStateSchema.extend({ label: text }).strict(),
  z.object({ guide: idSchema, handout: z.boolean().default(false), label: text }).strict(),
  z.object({ term: idSchema, label: text }).strict(),
]);

export const planStepSchema = z.object({
  minutes: z.number().int().min(1).max(60),
  text,
  links: z.array(planLinkSchema).default([]),
});

export const lessonSchema = z.object({
  title: text,
  aim: text,
  steps: z.array(planStepSchema).min(2),
  homework: text.optional(),
});

export const planSchema = z.object({
  id: idSchema,
  title: text,
  /** "One 50-minute lesson". */
  length: text,
  summary: text,
  lessons: z.array(lessonSchema).min(1),
});

export type ChartState = z.infer<typeof chartStateSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type PlanLink = z.infer<typeof planLinkSchema>;
export type Plan = z.infer<typeof planSchema>;

/** A step of a chapter's scroll sequences, numbered through the chapter as remark-scrolly numbers them. */
export interface ChapterStep {
  n: number;
  widget: string;
  asOf: string;
  highlight: string | null;
  /** The sequence's story view: what its <Scrolly show> names (unparsed; story-show.ts parses it) and its title. */
  show: string;
  title: string | null;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\b${name}=["']([^"']*)["']`).exec(tag)?.[1];

/** The steps of a chapter, read from its MDX: <Step> tags in order, each driving the <Scrolly> around it. */
export function chapterSteps(body: string): ChapterStep[] {
  const steps: ChapterStep[] = [];
  let sequence = { widget: '', show: '', title: null as string | null };
  for (const m of body.matchAll(/<(Scrolly|Step)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === 'Scrolly') sequence = { widget: attrOf(tag, 'widget') ?? '', show: attrOf(tag, 'show') ?? '', title: attrOf(tag, 'title') ?? null };
    else steps.push({ n: steps.length + 1, ...sequence, asOf: attrOf(tag, 'asOf') ?? '', highlight: attrOf(tag, 'highlight') ?? null });
  }
  return steps;
}

/** The first step of a chapter that shows a chart in exactly this state. */
export function stepFor(s: { widget: string; asOf: string; highlight?: string | null }, steps: ChapterStep[]): ChapterStep | undefined {
  return steps.find((st) => st.widget === s.widget && st.asOf === s.asOf && (st.highlight ?? null) === (s.highlight ?? null));
}

/** The widgets a chapter shows, in scroll sequences or on their own. */
export function chapterWidgets(body: string): string[] {
  const ids = [...body.matchAll(/<(?:Scrolly\b[^>]*?\bwidget|Widget\b[^>]*?\bid)=["']([^"']+)["']/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}

/** The URL of a chart in a state: the standalone chart page, which applies the state from its query. */
export function chartStateHref(s: { widget: string; asOf?: string; highlight?: string | null }): string {
  const q = new URLSearchParams();
  if (s.asOf) q.set('asOf', s.asOf);
  if (s.highlight) q.set('highlight', s.highlight);
  const qs = q.toString();
  return `/embed/${s.widget}/${qs ? `?${qs}` : ''}`;
}

export const chapterHref = (slug: string, anchor?: string) => `/chapters/${slug}/${anchor ? `#${anchor}` : ''}`;
export const guideHref = (slug: string, handout = false) => `/teach/${slug}/${handout ? 'handout/' : ''}`;

/** Where a plan link points. */
export function planLinkHref(l: PlanLink): string {
  if ('chapter' in l) return chapterHref(l.chapter, l.anchor);
  if ('widget' in l) return chartStateHref(l);
  if ('guide' in l) return guideHref(l.guide, l.handout);
  return `/glossary/#term-${l.term}`;
}

/** Amounts in teaching text are written {{figure-id}}; this fills them in (e.g. with formatFigure). */
export function fillFigures(text: string, format: (id: string) => string): string {
  return text.replace(/\{\{\s*([a-z0-9-]+)\s*\}\}/g, (_, id: string) => format(id));
}

export const figureTokens = (text: string) => [...text.matchAll(/\{\{\s*([a-z0-9-]+)\s*\}\}/g)].map((m) => m[1]!);

export interface TeachingContext {
  chapters: { slug: string; body: string; leadWidget: string }[];
  glossaryIds: readonly string[];
  figureIds: readonly string[];
  /** The state rules of a widget (range of dates, highlight ids); null skips the state check. */
  rules: (id: WidgetId) => StateRules | null;
}

/** Every broken reference in the teaching data, as "file: entry …, field …: problem". Empty when all is well. */
export function checkTeaching(activities: Activity[], plans: Plan[], ctx: TeachingContext): string[] {
  const errors: string[] = [];
  const chapters = new Map(ctx.chapters.map((c) => [c.slug, c]));
  const stepsOf = new Map(ctx.chapters.map((c) => [c.slug, chapterSteps(c.body)]));

  const checkState = (where: string, s: { widget: WidgetId; asOf: string; highlight?: string }) => {
    const rules = ctx.rules(s.widget);
    if (!rules) return;
    if (validDate(s.asOf, rules) === null) errors.push(`${where}, field "asOf": ${s.asOf} is outside ${s.widget}'s range ${rules.min}..${rules.max}`);
    if (s.highlight !== undefined && validHighlight(s.highlight, rules) === null) {
      errors.push(`${where}, field "highlight": "${s.highlight}" is not one of ${s.widget}'s highlights (${rules.highlights.join(', ')})`);
    }
  };

  const seen = new Set<string>();
  activities.forEach((a, i) => {
    const where = `content/data/activities.yaml: entry ${i + 1} (${a.chapter})`;
    const chapter = chapters.get(a.chapter);
    if (!chapter) return errors.push(`${where}, field "chapter": unknown chapter "${a.chapter}"`);
    if (seen.has(a.chapter)) errors.push(`${where}, field "chapter": a second activity for this chapter`);
    seen.add(a.chapter);
    if (!chapterWidgets(chapter.body).includes(a.widget)) errors.push(`${where}, field "widget": the chapter does not show "${a.widget}"`);
    checkState(where, a);
    (['prompt', 'tasks', 'debrief'] as const).forEach((field) => {
      for (const t of [a[field]].flat()) {
        for (const id of figureTokens(t)) if (!ctx.figureIds.includes(id)) errors.push(`${where}, field "${field}": unknown figure "{{${id}}}"`);
      }
    });
    const steps = stepsOf.get(a.chapter)!;
    if (!stepFor(a, steps)) {
      const same = steps.filter((st) => st.widget === a.widget).map((st) => `step-${st.n} (${st.asOf}${st.highlight ? `, ${st.highlight}` : ''})`);
      errors.push(
        `${where}: no step of the chapter shows ${a.widget} as of ${a.asOf}${a.highlight ? ` with ${a.highlight}` : ''}; its ${a.widget} steps are ${same.join(', ') || 'none'}`,
      );
    }
  });
  for (const c of ctx.chapters) if (!seen.has(c.slug)) errors.push(`content/data/activities.yaml: no activity for chapter "${c.slug}"`);

  plans.forEach((p) => {
    p.lessons.forEach((lesson, li) =>
      lesson.steps.forEach((s, si) =>
        s.links.forEach((l, k) => {
          const where = `content/data/lesson-plans.yaml: plan "${p.id}", lessons.${li}.steps.${si}.links.${k}`;
          if ('chapter' in l) {
            if (!chapters.has(l.chapter)) return errors.push(`${where}, field "chapter": unknown chapter "${l.chapter}"`);
            const m = l.anchor ? /^step-(\d+)$/.exec(l.anchor) : null;
            if (m && !stepsOf.get(l.chapter)![Number(m[1]) - 1]) errors.push(`${where}, field "anchor": the chapter has no ${l.anchor}`);
          } else if ('widget' in l) {
            checkState(where, l);
          } else if ('guide' in l) {
            if (!chapters.has(l.guide)) errors.push(`${where}, field "guide": unknown chapter "${l.guide}"`);
          } else if (!ctx.glossaryIds.includes(l.term)) {
            errors.push(`${where}, field "term": unknown glossary entry "${l.term}"`);
          }
        }),
      ),
    );
  });
  return errors;
}
