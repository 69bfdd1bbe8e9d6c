/**
 * terms-timeline in a scroll sequence: only the rows its steps talk about. A sequence names rows (`cloud`, `api`,
 * `licence`, `revshare-to-openai`, `revshare-to-microsoft`, `agi`, `stake-profit-share`, `stake-equity`) or a lane
 * (`stake`, `revshare`: its rows together). A row draws its company's highlight and the key moments its terms start
 * or end at, as the full chart's marks do (view.ts).
 */
import { dayOf, isoOf } from '../../lib/iso-date';
import { showsFrom } from '../../lib/story-show';
import type { StoryView } from '../shared/story';
import type { RowRec, TermsTimelineData } from './data';

/** The lane a row belongs to, as a sequence may name it (the two revenue shares are one lane to a reader). */
const laneName = (r: RowRec) => (r.lane.startsWith('revshare') ? 'revshare' : r.lane);

function rowHighlights(data: TermsTimelineData, r: RowRec): string[] {
  const terms = data.terms.filter((t) => t.row === r.id);
  const moments = data.moments.filter((m) => terms.some((t) => t.start === m.date || (t.end !== null && t.end === isoOf(dayOf(m.date) - 1))));
  return [...(r.entity ? [r.entity] : []), ...moments.map((m) => m.id)];
}

export const story: StoryView<TermsTimelineData> = {
  shows: (data) =>
    showsFrom(data.rows.flatMap((r) => {
      const ids = rowHighlights(data, r);
      return [[r.id, ids], [laneName(r), ids]] as [string, string[]][];
    })),
  select(data, names) {
    const rows = data.rows.filter((r) => names.includes(r.id) || names.includes(laneName(r)));
    const kept = new Set(rows.map((r) => r.id));
    return { ...data, rows, terms: data.terms.filter((t) => kept.has(t.row)) };
  },
};
