/**
 * Server-side registry of widgets, found by folder: each src/widgets/<Folder>/data.ts exports `widget`.
 * Pages, embeds, data downloads and social cards all read widgets through here.
 */
import type { FactBase } from '../lib/factbase/schema';
import { WIDGET_FOLDERS, WIDGET_IDS, type WidgetId } from '../lib/widgets';
import type { DataRow, WidgetMeta } from '../lib/widget-types';
import type { StoryShows } from '../lib/story-show';
import type { StoryView } from './shared/story';

export interface WidgetDefinition<D extends { meta: WidgetMeta } = { meta: WidgetMeta }> {
  id: WidgetId;
  /** Everything the component needs, computed once at build time. */
  buildData: (fb: FactBase) => D;
  /** The rows the chart draws, for CSV/JSON downloads: qualifier and source ids and URLs on every row. */
  dataRows: (fb: FactBase) => DataRow[];
}

const modules = import.meta.glob<{ widget: WidgetDefinition }>('./*/data.ts', { eager: true });

export function getWidget(id: WidgetId): WidgetDefinition {
  const mod = modules[`./${WIDGET_FOLDERS[id]}/data.ts`];
  if (!mod?.widget) throw new Error(`src/widgets/${WIDGET_FOLDERS[id]}/data.ts: widget "${id}" is missing or does not export \`widget\``);
  if (mod.widget.id !== id) throw new Error(`src/widgets/${WIDGET_FOLDERS[id]}/data.ts: exports widget "${mod.widget.id}", expected "${id}"`);
  return mod.widget;
}

/** Widgets that exist in this build, in the public order. */
export function availableWidgets(): WidgetId[] {
  return WIDGET_IDS.filter((id) => modules[`./${WIDGET_FOLDERS[id]}/data.ts`]);
}

const built = new Map<WidgetId, { meta: WidgetMeta }>();

/** A widget's build-time data, computed once per build (wrappers, steps, embeds and downloads all read it). */
export function widgetData(fb: FactBase, id: WidgetId): { meta: WidgetMeta } {
  let d = built.get(id);
  if (!d) built.set(id, (d = getWidget(id).buildData(fb)));
  return d;
}

const stories = import.meta.glob<{ story: StoryView<{ meta: WidgetMeta }> }>('./*/story.ts', { eager: true });

/** A widget's story view (src/widgets/<Folder>/story.ts): what a scroll sequence may show of it. */
export function getStory(id: WidgetId): StoryView<{ meta: WidgetMeta }> {
  const mod = stories[`./${WIDGET_FOLDERS[id]}/story.ts`];
  if (!mod?.story) throw new Error(`src/widgets/${WIDGET_FOLDERS[id]}/story.ts: widget "${id}" has no story view (export \`story\`)`);
  return mod.story;
}

/** What a scroll sequence may show of a widget, and the highlights each part draws (src/lib/story-show.ts). */
export function storyShows(fb: FactBase, id: WidgetId): StoryShows {
  return getStory(id).shows(widgetData(fb, id));
}

/** A widget's data cut to the parts a scroll sequence shows (its story view). */
export function storyData<D extends { meta: WidgetMeta }>(data: D, names: readonly string[]): D {
  return getStory(data.meta.id).select(data, names) as D;
}
