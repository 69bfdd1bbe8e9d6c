/** Build-time access to a widget's data and state rules, shared by wrappers, steps, embeds and downloads. */
import type { FactBase } from './factbase/schema';
import type { WidgetId } from './widgets';
import { getWidget } from '../widgets/registry';
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
