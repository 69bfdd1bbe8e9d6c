/** /data/<widget>.csv: the rows each chart draws, with certainty and sources on every row (RFC 4180, UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { dataPaths, dataResponse } from '../../widgets/data-endpoint';
import type { WidgetId } from '../../lib/widgets';

export const getStaticPaths = dataPaths;
export const GET: APIRoute = ({ params }) => dataResponse(params.widget as WidgetId, 'csv');
