/** The fact base as the pages see it: assembled from Astro's content collections, once per build. */
import { getCollection } from 'astro:content';
import type { FactBase } from './schema';

let cached: Promise<FactBase> | null = null;

async function assemble(): Promise<FactBase> {
  const data = async <K extends keyof FactBase>(name: K) => (await getCollection(name)).map((e) => e.data) as FactBase[K];
  return {
    sources: await data('sources'),
    entities: await data('entities'),
    events: await data('events'),
    figures: await data('figures'),
    terms: await data('terms'),
    quotes: await data('quotes'),
    glossary: await data('glossary'),
    corrections: await data('corrections'),
    differences: await data('differences'),
  };
}

export function getFactBase(): Promise<FactBase> {
  cached ??= assemble();
  return cached;
}

/** Chapters in reading order. */
export async function getChapters() {
  return (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
}
