/**
 * money-flows in a scroll sequence: only the investor → recipient rows its steps talk about. A sequence names rows
 * (`microsoft-openai`, `amazon-anthropic`, …) or a company (every row it gives or takes money in). A row draws its
 * two companies and its deals and running totals, as the full chart's marks do (view.ts pairIds).
 */
import { showsFrom } from '../../lib/story-show';
import type { StoryView } from '../shared/story';
import type { FlowPair, MoneyFlowsData } from './data';
import { pairIds } from './view';

const named = (p: FlowPair, names: readonly string[]) => names.includes(p.id) || names.includes(p.from.id) || names.includes(p.to.id);

export const story: StoryView<MoneyFlowsData> = {
  shows: (data) => showsFrom(data.pairs.flatMap((p) => [[p.id, pairIds(p)], [p.from.id, pairIds(p)], [p.to.id, pairIds(p)]] as [string, string[]][])),
  select: (data, names) => ({ ...data, pairs: data.pairs.filter((p) => named(p, names)) }),
};
