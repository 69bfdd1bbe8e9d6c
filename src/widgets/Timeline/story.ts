/**
 * timeline in a scroll sequence: the events its steps talk about, named by their ids, drawn on a horizontal time
 * axis (TimelineAxis.svelte) instead of the long list. An event draws its own highlight and those of the companies and entities it names (view.ts eventIds).
 */
import type { StoryView } from '../shared/story';
import type { TimelineData } from './data';
import { eventIds } from './view';

export const story: StoryView<TimelineData> = {
  shows: (data) => {
    const offered = new Set(data.meta.highlights.map((h) => h.id));
    return Object.fromEntries(data.events.map((e) => [e.id, eventIds(e).filter((id) => offered.has(id))]));
  },
  select: (data, names) => ({ ...data, events: data.events.filter((e) => names.includes(e.id)) }),
};
