/** /og/chapters/<slug>.png: the social card of each chapter (1200×630). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getChapters, getFactBase } from '../../../lib/factbase/collections';
import { chapterCompanies, chapterKicker } from '../../../lib/chapter-info';
import { pngResponse, renderCard } from '../../../lib/og';

export const getStaticPaths = (async () => {
  const chapters = await getChapters();
  return chapters.map((entry) => ({ params: { slug: entry.data.slug }, props: { entry, total: chapters.length } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { entry, total } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const fb = await getFactBase();
  const c = entry.data;
  const png = await renderCard({ kicker: chapterKicker(c, total), title: c.title, dek: c.dek, companies: chapterCompanies(fb, entry.body ?? ''), host: new URL(site!).host });
  return pngResponse(png);
};
