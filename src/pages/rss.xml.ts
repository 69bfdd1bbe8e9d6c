/** /rss.xml: the chapters, newest first, each with its summary. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getChapters } from '../lib/factbase/collections';
import { SITE_AUTHOR, SITE_NAME, SITE_TAGLINE } from '../lib/site';
import { isoDay } from '../lib/feeds';

export const GET: APIRoute = async ({ site }) => {
  const chapters = (await getChapters()).map((e) => e.data);
  const items = [...chapters]
    .sort((a, b) => b.published.localeCompare(a.published) || a.order - b.order)
    .map((c) => ({
      title: `${c.order}. ${c.title}`,
      // Absolute, so the feed library leaves them exactly as written.
      link: new URL(`/chapters/${c.slug}/`, site).href,
      pubDate: isoDay(c.published),
      description: `${c.dek} ${c.summary}`,
      author: SITE_AUTHOR,
      categories: ['Chapter'],
    }));
  return rss({
    title: `${SITE_NAME}: chapters`,
    description: SITE_TAGLINE,
    site: site!,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${new URL('/rss.xml', site).href}" rel="self" type="application/rss+xml"/>`,
  });
};
