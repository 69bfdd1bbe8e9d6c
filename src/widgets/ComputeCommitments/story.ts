/**
 * compute-commitments in a scroll sequence: only the contracts its steps talk about. A sequence names a cloud's group
 * (`amazon`, `microsoft`, `coreweave`, `oracle`, `google`), a lab (`openai`, `anthropic`: its contracts on every
 * cloud) or one contract row by its id. Each draws the highlights its rows answer to (view.ts rowIds); the eight days
 * strip comes with the AWS row it hangs under.
 */
import { showsFrom } from '../../lib/story-show';
import type { StoryView } from '../shared/story';
import type { CommitRow, ComputeData } from './data';
import { rowIds } from './view';

const names = (g: { id: string }, r: CommitRow) => [g.id, r.lab.id, r.id];

export const story: StoryView<ComputeData> = {
  shows: (data) => showsFrom(data.groups.flatMap((g) => g.rows.flatMap((r) => names(g, r).map((n) => [n, rowIds(data, r)] as [string, string[]])))),
  select: (data, shown) => ({
    ...data,
    groups: data.groups.map((g) => ({ ...g, rows: g.rows.filter((r) => names(g, r).some((n) => shown.includes(n))) })).filter((g) => g.rows.length > 0),
  }),
};
