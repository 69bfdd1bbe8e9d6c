/** The public widget ids: they name embeds (/embed/<id>/), data files (/data/<id>.csv) and data-widget attributes. */
export const WIDGET_IDS = ['money-flows', 'terms-timeline', 'compute-commitments', 'cloud-matrix', 'rpo-exposure', 'timeline'] as const;
export type WidgetId = (typeof WIDGET_IDS)[number];

/** The folder under src/widgets/ that holds each widget (component, wrapper, data shaping, docs). */
export const WIDGET_FOLDERS: Record<WidgetId, string> = {
  'money-flows': 'MoneyFlows',
  'terms-timeline': 'TermsTimeline',
  'compute-commitments': 'ComputeCommitments',
  'cloud-matrix': 'CloudMatrix',
  'rpo-exposure': 'RpoExposure',
  timeline: 'Timeline',
};

export function isWidgetId(s: unknown): s is WidgetId {
  return typeof s === 'string' && (WIDGET_IDS as readonly string[]).includes(s);
}
