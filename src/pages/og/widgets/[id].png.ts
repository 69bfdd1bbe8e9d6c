/** /og/widgets/<id>.png: the social card of each chart (1200×630), also the thumbnail its embed and oEmbed give. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFactBase } from '../../../lib/factbase/collections';
import { companiesOf } from '../../../lib/og-colors';
import { pngResponse, renderCard } from '../../../lib/og';
import { widgetData } from '../../../widgets/registry';
import type { WidgetId } from '../../../lib/widgets';
import { availableWidgets } from '../../../widgets/registry';

export const getStaticPaths = (() => availableWidgets().map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const fb = await getFactBase();
  const meta = widgetData(fb, params.id as WidgetId).meta;
  const companies = companiesOf(fb, meta.highlights.map((h) => h.id));
  const png = await renderCard({ kicker: 'Interactive chart', title: meta.title, dek: meta.takeaway, companies, host: new URL(site!).host, variant: 'chart' });
  return pngResponse(png);
};
