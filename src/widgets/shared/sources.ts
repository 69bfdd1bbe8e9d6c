import type { FactBase } from '../../lib/factbase/schema';
import { formatSourceDate } from '../../lib/format';
import { getSource, sourceHref } from '../../lib/queries';
import type { SourceRef } from './types';

/** Source references for a widget's source line, de-duplicated in first-cited order. */
export function sourceRefs(fb: FactBase, ids: string[]): SourceRef[] {
  return [...new Set(ids)].map((id) => {
    const s = getSource(fb, id);
    return { id, publisher: s.publisher, title: s.title, date: formatSourceDate(s), href: sourceHref(id), ...(s.url ? { url: s.url } : {}) };
  });
}
