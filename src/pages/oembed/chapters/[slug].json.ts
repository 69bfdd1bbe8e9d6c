/** /oembed/chapters/<slug>.json: pasting a chapter's address into a CMS embeds the chapter's lead chart (compact). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { availableWidgets } from '../../../widgets/registry';
import { getChapters } from '../../../lib/factbase/collections';
import { oembedResponse } from '../_answer';
import type { WidgetId } from '../../../lib/widgets';

export const getStaticPaths = (async () => {
  const available = new Set(availableWidgets());
  return (await getChapters())
    .filter((c) => available.has(c.data.leadWidget))
    .map((c) => ({ params: { slug: c.data.slug }, props: { widget: c.data.leadWidget as WidgetId } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => oembedResponse((props as { widget: WidgetId }).widget, 'compact');
