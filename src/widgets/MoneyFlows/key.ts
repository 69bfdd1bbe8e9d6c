/** What money-flows' key lists: only the kinds of certainty its data draws (build time, for the frame). */
import type { Certainty } from '../shared/certainty';
import type { MoneyFlowsData } from './data';

export function certaintyKinds(data: MoneyFlowsData): Certainty[] {
  const s = new Set(data.pairs.flatMap((p) => p.deals.flatMap((d) => d.parts.map((x) => x.status))));
  const out: Certainty[] = ['solid'];
  if (s.has('conditional')) out.push('hatched');
  if (s.has('up-to')) out.push('outline');
  if (s.has('undisclosed')) out.push('undisclosed');
  return out;
}

/** Whether any amount is known only from press reports (its bar then carries a "reported" tag). */
export const reportedIn = (data: MoneyFlowsData) => data.pairs.some((p) => p.deals.some((d) => d.parts.some((x) => x.qualifier === 'reported')));
