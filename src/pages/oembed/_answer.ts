/** The oEmbed answer for one chart in one view, shared by /oembed/<widget>.json and /oembed/full/<widget>.json. */
import { getFactBase } from '../../lib/factbase/collections';
import { availableWidgets, widgetData } from '../../widgets/registry';
import { defaultHeight, oembedJson, ogWidgetImagePath } from '../../lib/embed/snippet';
import type { EmbedView } from '../../lib/embed/params';
import { SITE_AUTHOR, SITE_NAME, siteUrl } from '../../lib/site';
import type { WidgetId } from '../../lib/widgets';

export const widgetPaths = () => availableWidgets().map((widget) => ({ params: { widget } }));

export async function oembedResponse(id: WidgetId, view: EmbedView): Promise<Response> {
  const meta = widgetData(await getFactBase(), id).meta;
  const body = oembedJson({
    origin: siteUrl(),
    id,
    view,
    title: meta.title,
    height: defaultHeight(id, { view }),
    providerName: SITE_NAME,
    authorName: SITE_AUTHOR,
    thumbnailPath: ogWidgetImagePath(id),
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
