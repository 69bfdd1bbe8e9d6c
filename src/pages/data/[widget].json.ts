/** /data/<widget>.json: the same rows as the CSV, with the column dictionary. */
import type { APIRoute } from 'astro';
import { dataPaths, dataResponse } from '../../widgets/data-endpoint';
import type { WidgetId } from '../../lib/widgets';

export const getStaticPaths = dataPaths;
export const GET: APIRoute = ({ params }) => dataResponse(params.widget as WidgetId, 'json');
