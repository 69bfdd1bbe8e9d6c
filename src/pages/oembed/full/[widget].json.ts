/** /oembed/full/<widget>.json: the oEmbed answer for a chart's full explorer (its iframe asks for `view=full`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { oembedResponse, widgetPaths } from '../_answer';
import type { WidgetId } from '../../../lib/widgets';

export const getStaticPaths = widgetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => oembedResponse(params.widget as WidgetId, 'full');
