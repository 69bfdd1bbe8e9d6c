/** The public widget ids: they name embeds (/embed/<id>/), data files (/data/<id>.csv) and data-widget attributes. */
export const WIDGET_IDS = ['money-flows', 'terms-timeline', 'compute-commitments', 'cloud-matrix', 'rpo-exposure', 'timeline'] as const;
export type WidgetId = (typeof WIDGET_IDS)[number];

export function isWidgetId(s: unknown): s is WidgetId {
  return typeof s === 'string' && (WIDGET_IDS as readonly string[]).includes(s);
}
