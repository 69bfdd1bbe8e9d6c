/** /oembed/chapters/<slug>.json: pasting a chapter's address into a CMS embeds the chapter's lead chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { availableWidgets } from '../../../widgets/registry';
import { getChapters, getFactBase } from '../../../lib/factbase/collections';
import { widgetData } from '../../../widgets/registry';
import { defaultHeight, oembedJson, ogWidgetImagePath } from '../../../lib/embed/snippet';
import { SITE_AUTHOR, SITE_NAME, siteUrl } from '../../../lib/site';
import type { WidgetId } from '../../../lib/widgets';

export const getStaticPaths = (async () => {
  const available = new Set(availableWidgets());
  return (await getChapters())
    .filter((c) => available.has(c.data.leadWidget))
    .map((c) => ({ params: { slug: c.data.slug }, props: { widget: c.data.leadWidget as WidgetId } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { widget } = props as { widget: WidgetId };
  const meta = widgetData(await getFactBase(), widget).meta;
  const body = oembedJson({
    origin: siteUrl(),
    id: widget,
    title: meta.title,
    height: defaultHeight(widget),
    providerName: SITE_NAME,
    authorName: SITE_AUTHOR,
    thumbnailPath: ogWidgetImagePath(widget),
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
