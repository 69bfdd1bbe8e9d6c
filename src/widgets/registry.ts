/**
 * Server-side registry of widgets, found by folder: each src/widgets/<Folder>/data.ts exports `widget`.
 * Pages, embeds, data downloads and social cards all read widgets through here.
 */
import type { FactBase } from '../lib/factbase/schema';
import { WIDGET_FOLDERS, WIDGET_IDS, type WidgetId } from '../lib/widgets';
import type { DataRow, WidgetMeta } from './shared/types';
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

const stories = import.meta.glob<{ story: StoryView<{ meta: WidgetMeta }> }>('./*/story.ts', { eager: true });

/** A widget's story view (src/widgets/<Folder>/story.ts): what a scroll sequence may show of it. */
export function getStory(id: WidgetId): StoryView<{ meta: WidgetMeta }> {
  const mod = stories[`./${WIDGET_FOLDERS[id]}/story.ts`];
  if (!mod?.story) throw new Error(`src/widgets/${WIDGET_FOLDERS[id]}/story.ts: widget "${id}" has no story view (export \`story\`)`);
  return mod.story;
}
