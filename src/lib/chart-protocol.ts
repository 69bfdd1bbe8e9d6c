/**
 * The protocol between a chart drawn at build time and the one client runtime that moves it between states
 * (src/widgets/shared/runtime.ts): every data-* attribute the build writes and the browser reads or writes, named
 * once. The build spreads these names into the markup (live.ts `when`/`lights`, the wrappers, the controls); the
 * runtime reads them through here only (tests/unit/chart-protocol.test.ts holds the runtime to it).
 */

/** State-bearing attributes (live.ts): what holds on which dates, for whom, and the words that name the date. */
export const SPAN = 'data-span';
export const PHASE = 'data-phase';
export const IDS = 'data-ids';
export const LIT = 'data-hl';
export const ASOF_TEXT = 'data-asof-text';

/** The figure and its frame. */
export const WIDGET = 'data-widget';
export const FIGURE_AS_OF = 'data-as-of';
export const FIGURE_HIGHLIGHT = 'data-highlight';
export const EMBED_LINK = 'data-embed-link';
/** Set on the figure while the reader drags the date (transitions off). */
export const SCRUBBING = 'data-scrubbing';

/** Marks and their details. */
export const MARK = 'data-mark';
export const MARK_HIGHLIGHT = 'data-mark-highlight';
export const ROW = 'data-row';
export const DETAIL_FOR = 'data-detail-for';
/** Part of a drawing written only for some dates (a `.w-when` block): marks inside are drawn only then. */
export const WHEN_CLASS = 'w-when';

/** The as-of line of a drawing: `svg[data-time-scale="d0 d1 x0 x1"]` (days since 1970 → pixels). */
export const TIME_SCALE = 'data-time-scale';
export const ASOF_X = 'data-asof-x';
export const ASOF_LABEL = 'data-asof-label';
export const SCRUB = 'data-scrub';

/** Controls written at build time and wired by the runtime. */
export const ASOF_CONTROL = 'data-asof-control';
/**
 * Where the as-of control's date field goes, `span[data-asof-date="MIN MAX"]`: built as the date in words, replaced by
 * a date field with those limits when its chart wakes. A text or date field inside a figure that `content-visibility`
 * skips gets the figure laid out while the page loads anyway (Chromium checks each field it finds; the cloud matrix at
 * the end of who-comes-out-ahead: one 45–57 ms layout and about 20 font instances), and without JavaScript it would
 * do nothing.
 */
export const ASOF_DATE = 'data-asof-date';
export const MOMENT = 'data-moment';
/** A slider over a chart's own dates: its value is the index into the space-separated dates it carries. */
export const STEP_SLIDER = 'data-step-slider';
/** A view toggle's button (`data-view="<name>"`) and the part it shows (`data-view-of="<name>"`). */
export const VIEW = 'data-view';
export const VIEW_OF = 'data-view-of';

/** Where a chart's state comes from: a scroll sequence's graphic or an embed page's host. */
export const STATE_HOST = 'data-state-host';
export const EMBED_HOST = 'data-embed-host';
export const HOST_AS_OF = 'data-state-as-of';
export const HOST_HIGHLIGHT = 'data-state-highlight';
/** The DOM event a host fires when its state changes. */
export const STATE_EVENT = 'reset:state';

/** The runtime's element: one per chart, inside its figure, carrying the chart's config (JSON). */
export const CHART_ELEMENT = 'reset-chart';
export const CHART_CONFIG = 'data-config';
/** Set on the runtime's element once its chart is awake (follows its state and its controls work). */
export const AWAKE = 'data-awake';
/** Runtime elements whose chart is not awake yet (tests and tools wait on none being left). */
export const ASLEEP_SELECTOR = `${CHART_ELEMENT}:not([${AWAKE}])`;

/** `[name]` or `[name="value"]`, for querySelector. */
export const sel = (name: string, value?: string) => (value === undefined ? `[${name}]` : `[${name}="${value}"]`);

export const FIGURE_SELECTOR = `figure${sel(WIDGET)}`;
export const HOST_SELECTOR = `${sel(STATE_HOST)}, ${sel(EMBED_HOST)}`;

/** timeline: its list and filters (Timeline.svelte, Filters.svelte), which the runtime follows (Timeline/live.ts) and filters (Timeline/filters.ts). */
export const EVENT = 'data-event';
/** An event of the list (its year headings and markers are list items too). */
export const EVENT_ITEM = `li${sel(EVENT)}`;
/** An event's mark on the story view's time axis (TimelineAxis.svelte). */
export const EVENT_MARK = 'data-event-mark';
export const EVENT_COMPANIES = 'data-companies';
export const EVENT_KIND = 'data-kind';
export const EVENT_CONFIDENCE = 'data-confidence';
export const YEAR = 'data-year';
export const MARKER = 'data-marker';
export const FILTER_COMPANY = 'data-company';
export const FILTER_KIND = 'data-kind';
export const FILTER_CLEAR = 'data-clear';
export const FILTER_EMPTY = 'data-empty';

/** The artboard a drawing was drawn for (artboards.ts); body.css shows one per band of widths. */
export const ARTBOARD = 'data-artboard';
/** On the widest artboard a page draws when it leaves wider ones out: body.css shows it at every width above its band. */
export const ARTBOARD_OPEN = 'data-artboard-open';

/** money-flows: the over-time drawing's today line (`data-mf-today`: asof.ts todayAt) and its label (the value: its words, "As of {short}"). */
export const TODAY_SCALE = 'data-mf-today';
export const TODAY_LABEL = 'data-mf-today-label';

/**
 * A chapter ships each chart's phone artboard in the page and the wider ones in a file beside it (later-artboards.ts):
 * `<template data-later="<file>#<n>">` stands where the n-th set of wider artboards of the page goes.
 */
export const LATER = 'data-later';
