/** /oembed/<widget>.json: the oEmbed 1.0 "rich" answer for each chart's embed page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { availableWidgets } from '../../widgets/registry';
import { getFactBase } from '../../lib/factbase/collections';
import { widgetData } from '../../widgets/registry';
import { defaultHeight, oembedJson, ogWidgetImagePath } from '../../lib/embed/snippet';
import { SITE_AUTHOR, SITE_NAME, siteUrl } from '../../lib/site';
import type { WidgetId } from '../../lib/widgets';

export const getStaticPaths = (() => availableWidgets().map((widget) => ({ params: { widget } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const id = params.widget as WidgetId;
  const meta = widgetData(await getFactBase(), id).meta;
  const body = oembedJson({
    origin: siteUrl(),
    id,
    title: meta.title,
    height: defaultHeight(id),
    providerName: SITE_NAME,
    authorName: SITE_AUTHOR,
    thumbnailPath: ogWidgetImagePath(id),
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
