/** /corrections/rss.xml: every correction and update, newest first, with what changed and why. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getChapters, getFactBase } from '../../lib/factbase/collections';
import { SITE_NAME } from '../../lib/site';
import { correctionItems, isoDay } from '../../lib/feeds';

export const GET: APIRoute = async ({ site }) => {
  const fb = await getFactBase();
  const chapters = (await getChapters()).map((e) => e.data);
  return rss({
    title: `${SITE_NAME}: corrections`,
    description: `What changed in ${SITE_NAME} after publication, and why.`,
    site: site!,
    // Absolute links, so the feed library leaves the #fragment as written.
    items: correctionItems(fb.corrections, chapters).map((i) => ({ ...i, link: new URL(i.link, site).href, pubDate: isoDay(i.date) })),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${new URL('/corrections/rss.xml', site).href}" rel="self" type="application/rss+xml"/>`,
  });
};
