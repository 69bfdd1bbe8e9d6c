/**
 * The teaching data as pages use it: read once per build, every reference checked (a broken one fails the build
 * with file, entry and field), amounts filled in from the fact base.
 */
import { getChapters, getFactBase } from '../../lib/factbase/collections';
import { formatFigure } from '../../lib/format';
import { getFigure } from '../../lib/queries';
import { loadContent } from '../../lib/factbase/content-files';
import { checkTeaching, chapterSteps, fillFigures, stepFor, type Activity, type Plan } from '../../lib/teach-schema';
import { stateRules } from '../../lib/widget-state';
import { widgetData } from '../../widgets/registry';

export interface TeachingData {
  activities: Map<string, Activity & { stepN: number }>;
  plans: Plan[];
  /** Fills {{figure-id}} amounts. */
  fill: (text: string) => string;
}

let cached: Promise<TeachingData> | null = null;

async function load(): Promise<TeachingData> {
  const fb = await getFactBase();
  const chapters = (await getChapters()).map((e) => ({ slug: e.data.slug, body: e.body ?? '', leadWidget: e.data.leadWidget }));
  const activities = loadContent('activities');
  const plans = loadContent('lessonPlans');
  const errors = checkTeaching(activities, plans, {
    chapters,
    glossaryIds: fb.glossary.map((g) => g.id),
    figureIds: fb.figures.map((f) => f.id),
    rules: (id) => stateRules(widgetData(fb, id).meta),
  });
  if (errors.length) throw new Error(`Teaching data has ${errors.length} broken reference(s):\n  ${errors.join('\n  ')}`);
  const map = new Map(
    activities.map((a) => {
      const body = chapters.find((c) => c.slug === a.chapter)!.body;
      return [a.chapter, { ...a, stepN: stepFor(a, chapterSteps(body))!.n }];
    }),
  );
  return { activities: map, plans, fill: (text) => fillFigures(text, (id) => formatFigure(getFigure(fb, id))) };
}

export function getTeachingData(): Promise<TeachingData> {
  cached ??= load();
  return cached;
}
