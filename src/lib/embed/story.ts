/** Where an embed's "explore the story" link goes: the first chapter that leads with the chart, else its gallery card. */
import { getChapters } from '../factbase/collections';
import type { WidgetId } from '../widgets';

export async function storyHref(id: WidgetId): Promise<{ href: string; label: string }> {
  const lead = (await getChapters()).find((c) => c.data.leadWidget === id);
  return lead ? { href: `/chapters/${lead.data.slug}/`, label: `chapter ${lead.data.order}, ${lead.data.title}` } : { href: `/charts/#chart-${id}`, label: 'all the charts' };
}
