/** /og/default.png: the site's social card, for every page without its own. */
import type { APIRoute } from 'astro';
import { getChapters, getFactBase } from '../../lib/factbase/collections';
import { companiesOf } from '../../lib/og-colors';
import { pngResponse, renderCard } from '../../lib/og';
import { SITE_NAME, SITE_TAGLINE } from '../../lib/site';

export const GET: APIRoute = async ({ site }) => {
  const fb = await getFactBase();
  const n = (await getChapters()).length;
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const png = await renderCard({
    kicker: `An explainer in ${words[n] ?? n} chapters · 2019 – 2026`,
    title: SITE_NAME,
    dek: SITE_TAGLINE.replace(/\s+—\s+/, ', '),
    companies: companiesOf(fb, ['microsoft', 'openai', 'amazon', 'anthropic']),
    host: new URL(site!).host,
    variant: 'site',
  });
  return pngResponse(png);
};
