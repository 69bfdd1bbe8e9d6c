/** Shared by /data/<widget>.csv and /data/<widget>.json (two routes, so each is written as a file with its extension). */
import { availableWidgets, getWidget, widgetData } from './registry';
import { getFactBase } from '../lib/factbase/collections';
import { dataCsv, dataFile, dataJson } from '../lib/data-files';
import { siteUrl } from '../lib/site';
import type { WidgetId } from '../lib/widgets';

export const dataPaths = () => availableWidgets().map((widget) => ({ params: { widget } }));

export async function dataResponse(id: WidgetId, format: 'csv' | 'json'): Promise<Response> {
  const fb = await getFactBase();
  const file = dataFile(id, getWidget(id).dataRows(fb), siteUrl());
  if (format === 'csv') return new Response(dataCsv(file), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const meta = widgetData(fb, id).meta;
  return new Response(dataJson(file, { title: meta.title, site: siteUrl() }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
