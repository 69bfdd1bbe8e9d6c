/** Build-time access to a widget's data and state rules, shared by wrappers, steps, embeds and downloads. */
import type { FactBase } from './factbase/schema';
import type { WidgetId } from './widgets';
import { getStory, getWidget } from '../widgets/registry';
import type { StoryShows } from './story-show';
import type { StateRules } from './widget-state';
import type { WidgetMeta } from '../widgets/shared/types';

const cache = new Map<WidgetId, { meta: WidgetMeta }>();

export function widgetData(fb: FactBase, id: WidgetId): { meta: WidgetMeta } {
  let d = cache.get(id);
  if (!d) cache.set(id, (d = getWidget(id).buildData(fb)));
  return d;
}

export function stateRules(meta: WidgetMeta): StateRules {
  return { min: meta.range.min, max: meta.range.max, defaultAsOf: meta.defaultAsOf, highlights: meta.highlights.map((h) => h.id) };
}

/** What a scroll sequence may show of a widget, and the highlights each part draws (src/lib/story-show.ts). */
export function storyShows(fb: FactBase, id: WidgetId): StoryShows {
  return getStory(id).shows(widgetData(fb, id));
}

/** A widget's data cut to the parts a scroll sequence shows (its story view). */
export function storyData<D extends { meta: WidgetMeta }>(data: D, names: readonly string[]): D {
  return getStory(data.meta.id).select(data, names) as D;
}
