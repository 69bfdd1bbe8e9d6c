import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/factbase/content-files';
import { loadChartWords, loadFactBase } from './lib/factbase/load';
import {
  correctionSchema,
  differenceSchema,
  entitySchema,
  eventSchema,
  figureSchema,
  glossarySchema,
  quoteSchema,
  sourceSchema,
  termSchema,
  type FactBase,
} from './lib/factbase/schema';
import { chapterSchema } from './lib/chapter-schema';

// Each collection takes its entries from the whole validated fact base (read once per build and shared with the
// config hook), so a broken reference anywhere fails the build with file, id and field, and a stale cache can
// never stand in for a malformed file.
const fromFactBase = <K extends keyof FactBase>(key: K) => async () => loadFactBase()[key];

export const collections = {
  sources: defineCollection({ loader: fromFactBase('sources'), schema: sourceSchema }),
  entities: defineCollection({ loader: fromFactBase('entities'), schema: entitySchema }),
  events: defineCollection({ loader: fromFactBase('events'), schema: eventSchema }),
  figures: defineCollection({ loader: fromFactBase('figures'), schema: figureSchema }),
  terms: defineCollection({ loader: fromFactBase('terms'), schema: termSchema }),
  quotes: defineCollection({ loader: fromFactBase('quotes'), schema: quoteSchema }),
  glossary: defineCollection({ loader: fromFactBase('glossary'), schema: glossarySchema }),
  corrections: defineCollection({ loader: fromFactBase('corrections'), schema: correctionSchema }),
  // The charts read their words at build time (chartWords in load.ts); this collection checks every file before any
  // page is built, so a broken placeholder stops the build with file, entry and field.
  chartWords: defineCollection({ loader: async () => Object.entries(loadChartWords(loadFactBase())).map(([id, words]) => ({ id, words })) }),
  differences: defineCollection({ loader: fromFactBase('differences'), schema: differenceSchema }),
  chapters: defineCollection({
    // RESET_CONTENT_DIR lets a test build the site from a copy of content/ (a renamed chapter, a broken file).
    loader: glob({ base: `${contentDir()}/chapters`, pattern: '**/*.mdx', generateId: ({ data }) => String(data.slug) }),
    schema: chapterSchema,
  }),
};
