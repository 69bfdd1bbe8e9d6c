/** What every widget wrapper does before it hydrates its component: build-time data, and state validated. */
import { getFactBase } from './factbase/collections';
import { stateRules, widgetData } from './widget-meta';
import { parseState } from './widget-state';
import type { WidgetId } from './widgets';
import type { WidgetMeta } from '../widgets/shared/types';

export interface WidgetWrapperProps {
  asOf?: string;
  highlight?: string | null;
  context?: 'page' | 'embed';
  plain?: boolean;
}

export async function widgetProps<D extends { meta: WidgetMeta }>(id: WidgetId, props: WidgetWrapperProps) {
  const data = widgetData(await getFactBase(), id) as D;
  const state = parseState({ asOf: props.asOf, highlight: props.highlight }, stateRules(data.meta));
  return { data, asOf: state.asOf, highlight: state.highlight, context: props.context ?? 'page', plain: props.plain ?? false };
}
