/**
 * A widget's story view: the graphic a scroll sequence needs rather than the whole explorer. Each widget's
 * `story.ts` says which names a `<Scrolly show="…">` may give (rows, lanes, companies or a named view) and which
 * highlights each name draws, and hands its drawing only the named parts. The full chart (on /charts/, in embeds,
 * in print) never goes through here.
 */
import type { StoryShows } from '../../lib/story-show';

export interface StoryView<D> {
  /** Every showable name, with the highlight ids of the marks it draws. */
  shows(data: D): StoryShows;
  /** The data the drawing gets in a sequence: only the named parts, in the widget's own order. */
  select(data: D, names: readonly string[]): D;
}
