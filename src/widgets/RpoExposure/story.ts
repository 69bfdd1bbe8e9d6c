/**
 * rpo-exposure in a scroll sequence: one named view, `split` (the one bar of Microsoft's commercial RPO and the
 * part tied to OpenAI), which is already the whole graphic and draws every highlight the chart offers.
 */
import type { StoryView } from '../shared/story';
import type { RpoData } from './data';

export const story: StoryView<RpoData> = {
  shows: (data) => ({ split: data.meta.highlights.map((h) => h.id) }),
  select: (data) => data,
};
