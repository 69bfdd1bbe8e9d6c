/** What compute-commitments' key lists: only what its data draws (build time, for the frame). */
import type { Certainty } from '../shared/certainty';
import type { ComputeData } from './data';

const CHIP_ORDER = ['trainium', 'nvidia-gpu', 'mixed'] as const;

export function certaintyKinds(data: ComputeData): Certainty[] {
  const rows = data.groups.flatMap((g) => g.rows);
  const out: Certainty[] = ['solid'];
  if (rows.some((r) => r.capacity?.qualifier === 'up-to' || r.qualifier === 'up-to')) out.push('outline');
  if (rows.some((r) => r.value === null)) out.push('undisclosed');
  return out;
}

export const reportedIn = (data: ComputeData) => data.groups.some((g) => g.rows.some((r) => r.qualifier === 'reported'));

export const chipsIn = (data: ComputeData) => CHIP_ORDER.filter((c) => data.groups.some((g) => g.rows.some((r) => r.chip === c)));
