/** What every widget wrapper does before it renders: build-time data, state validated, and ids unique on the page. */
import { getFactBase } from '../../lib/factbase/collections';
import { chartWords } from '../../lib/factbase/load';
import { storyData, widgetData } from '../registry';
import { parseState, stateRules } from '../../lib/widget-state';
import type { WidgetId } from '../../lib/widgets';
import type { WidgetMeta } from '../../lib/widget-types';

export interface WidgetWrapperProps {
  asOf?: string;
  highlight?: string | null;
  context?: 'page' | 'embed';
  plain?: boolean;
  /** false: drawn at build time in one state and never hydrated (the printed handout). */
  hydrate?: boolean;
  /** In a scroll sequence: the parts its story view draws (`<Scrolly show>`, checked there) and its short title. */
  show?: readonly string[];
  storyTitle?: string;
}

/** Charts rendered so far in this build: a page that shows one chart twice still gets distinct element ids. */
let rendered = 0;

export async function widgetProps<D extends { meta: WidgetMeta }>(id: WidgetId, props: WidgetWrapperProps) {
  const fb = await getFactBase();
  const data = widgetData(fb, id) as D;
  const state = parseState({ asOf: props.asOf, highlight: props.highlight }, stateRules(data.meta));
  const key = `${id}-${(rendered++).toString(36)}`;
  const ids = { title: `${key}-title`, summary: `${key}-summary`, cite: `${key}-cite`, legend: `${key}-key` };
  const context = props.context ?? 'page';
  const plain = props.plain ?? false;
  const story = props.show ? { title: props.storyTitle ?? data.meta.title } : null;
  return {
    hydrate: props.hydrate ?? true,
    /** For WidgetFrame.astro. */
    frame: { meta: data.meta, asOf: state.asOf, highlight: state.highlight, context, plain, ids, story, words: chartWords(fb, 'shared').source },
    /** For the chart's island (everything it needs to draw and to take over the frame's state). */
    island: { data, asOf: state.asOf, highlight: state.highlight, context, summaryId: ids.summary },
    /** What the drawing shows: in a scroll sequence only the parts it names (the words and tables keep the whole). */
    drawn: props.show ? (storyData(data, props.show) as D) : data,
    /** A story view (a scroll sequence's graphic, a compact embed): its drawings are made for the screen (artboards.ts). */
    story: !!props.show,
  };
}
