/** /oembed/<widget>.json: the oEmbed 1.0 "rich" answer for each chart's embed page (its compact default). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { oembedResponse, widgetPaths } from './_answer';
import type { WidgetId } from '../../lib/widgets';

export const getStaticPaths = widgetPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => oembedResponse(params.widget as WidgetId, 'compact');
