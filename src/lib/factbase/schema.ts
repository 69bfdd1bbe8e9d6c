/**
 * The fact base's shapes. Every date, amount, percentage, term and quote on the site is one of these records,
 * read from YAML under content/data/ and checked here before anything is rendered.
 */
import { z } from 'astro/zod';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idSchema = z.string().regex(ID, 'must be lower-case words joined by hyphens');

/** A real calendar date written YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'is not a real calendar date');

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const PRECISIONS = ['day', 'month', 'quarter', 'year'] as const;
export const precisionSchema = z.enum(PRECISIONS);

export const SOURCE_KINDS = ['primary', 'secondary', 'article'] as const;
export const sourceSchema = z.object({
  id: idSchema,
  publisher: z.string().min(1),
  title: z.string().min(1),
  author: z.string().min(1).optional(),
  published: isoDateSchema,
  precision: precisionSchema.default('day'),
  /** The publication date is itself an estimate ("about April 30, 2026"). */
  approximate: z.boolean().default(false),
  url: z.url({ protocol: /^https$/ }).optional(),
  kind: z.enum(SOURCE_KINDS),
  note: z.string().optional(),
});

export const ENTITY_TYPES = ['company', 'person', 'product'] as const;
/** Chart color tokens; each maps to CSS custom properties --c-<token> (mark) and --c-<token>-ink (text). */
export const COLOR_TOKENS = ['microsoft', 'openai', 'amazon', 'anthropic', 'google', 'coreweave', 'oracle', 'nvidia', 'softbank'] as const;
export const entitySchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  short: z.string().min(1).optional(),
  type: z.enum(ENTITY_TYPES),
  color: z.enum(COLOR_TOKENS).optional(),
  /** For a person: their role; for a product: what it is. */
  role: z.string().optional(),
  /** For people and products: the company they belong to. */
  org: idSchema.optional(),
  description: z.string().min(1),
});

export const EVENT_KINDS = ['investment', 'commitment', 'terms', 'product', 'governance', 'earnings', 'legal', 'analysis'] as const;
export const CONFIDENCES = ['confirmed', 'reported', 'article-only'] as const;
export const eventSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  precision: precisionSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  entities: z.array(idSchema).min(1),
  kind: z.enum(EVENT_KINDS),
  confidence: z.enum(CONFIDENCES),
  sources: z.array(idSchema).min(1),
  /** The chapter that tells this event (its slug), so the timeline can link to the passage. */
  chapter: idSchema.optional(),
});

export const UNITS = ['USD', 'percent', 'count', 'years', 'chips', 'GW'] as const;
export const QUALIFIERS = ['exact', 'about', 'reported', 'up-to', 'at-least', 'conditional', 'undisclosed'] as const;
export const FIGURE_KINDS = [
  'investment', // equity money in
  'commitment', // contracted spending on a cloud or chips
  'stake', // share of ownership
  'share', // a share of something else (revenue, RPO, profits)
  'total', // a running total stated by a company: never to be added to its parts
  'paid-to-date', // money actually paid in by a date
  'capacity', // gigawatts of compute
  'rpo', // remaining performance obligation
  'capex', // capital spending
  'valuation', // what a stake or company is worth
  'count', // customers, models, chips, days
  'duration', // years a contract runs
  'year', // a calendar year a term runs to
  'round', // the size of a funding round someone else led
] as const;
export const CHIPS = ['trainium', 'nvidia-gpu', 'mixed', 'unspecified'] as const;

export const figureSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  value: z.number().nullable(),
  unit: z.enum(UNITS),
  qualifier: z.enum(QUALIFIERS),
  kind: z.enum(FIGURE_KINDS),
  from: idSchema.optional(),
  to: idSchema.optional(),
  event: idSchema,
  sources: z.array(idSchema).min(1),
  /** Contract length in years, where known (commitments). */
  years: z.number().positive().optional(),
  chip: z.enum(CHIPS).optional(),
  /**
   * The figures this one is made of (a headline such as $15B now + $35B on conditions). Its qualifier speaks for the
   * whole: a whole with a paid part is not conditional, however much of it is.
   */
  parts: z.array(idSchema).min(2).optional(),
  /** What a reader must know to not misread this number. */
  note: z.string().optional(),
});

export const TERM_LANES = ['cloud', 'api', 'licence', 'revshare-to-openai', 'revshare-to-microsoft', 'stake', 'agi'] as const;
export const termSchema = z.object({
  id: idSchema,
  lane: z.enum(TERM_LANES),
  start: isoDateSchema,
  /** Last day in force (inclusive). Absent: still in force with no known end. */
  end: isoDateSchema.optional(),
  endPrecision: precisionSchema.default('day'),
  /** A short machine-readable state, e.g. exclusive, rofr, none. */
  state: idSchema,
  /** Words for the state, as a reader sees them. */
  label: z.string().min(1),
  detail: z.string().min(1),
  /** Profit share and equity measure different things; charts must not join them. */
  measure: z.enum(['profit-share', 'equity']).optional(),
  figure: idSchema.optional(),
  confidence: z.enum(CONFIDENCES).default('confirmed'),
  sources: z.array(idSchema).min(1),
});

export const quoteSchema = z.object({
  id: idSchema,
  speaker: idSchema,
  words: z.string().min(1).refine((w) => w.trim().split(/\s+/).length <= 30, 'has more than 30 words'),
  occasion: z.string().min(1),
  date: isoDateSchema,
  source: idSchema,
  /** True when the words are found only in the source article, which the page must say. */
  viaArticle: z.boolean().default(false),
});

export const glossarySchema = z.object({
  id: idSchema,
  term: z.string().min(1),
  /** Other spellings a chapter may use; matched case-insensitively for the first-use definition. */
  aliases: z.array(z.string().min(1)).default([]),
  definition: z.string().min(1),
  seeAlso: z.array(idSchema).default([]),
});

export const correctionSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  chapter: idSchema.optional(),
  what: z.string().min(1),
  why: z.string().min(1),
});

/** A point where the site's record departs from the source article, with the sources that show why. */
export const differenceSchema = z.object({
  id: idSchema,
  /** A few words naming the point, e.g. "Microsoft's 49%". */
  topic: z.string().min(1),
  /** What the article says, in our words or a brief quotation of it. */
  article: z.string().min(1),
  /** What our record says instead; amounts as {{figure-id}}. */
  record: z.string().min(1),
  sources: z.array(idSchema).min(1),
  /** The chapters (slugs) where the point matters; each shows the note. */
  chapters: z.array(idSchema).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type FactEvent = z.infer<typeof eventSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Term = z.infer<typeof termSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type GlossaryEntry = z.infer<typeof glossarySchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Difference = z.infer<typeof differenceSchema>;
export type Precision = (typeof PRECISIONS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type TermLane = (typeof TERM_LANES)[number];

/** Each collection, the YAML file it lives in, and its schema. */
export const COLLECTIONS = {
  sources: { file: 'sources.yaml', schema: sourceSchema },
  entities: { file: 'entities.yaml', schema: entitySchema },
  events: { file: 'events.yaml', schema: eventSchema },
  figures: { file: 'figures.yaml', schema: figureSchema },
  terms: { file: 'terms.yaml', schema: termSchema },
  quotes: { file: 'quotes.yaml', schema: quoteSchema },
  glossary: { file: 'glossary.yaml', schema: glossarySchema },
  corrections: { file: 'corrections.yaml', schema: correctionSchema },
  differences: { file: 'differences.yaml', schema: differenceSchema },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;

export interface FactBase {
  sources: Source[];
  entities: Entity[];
  events: FactEvent[];
  figures: Figure[];
  terms: Term[];
  quotes: Quote[];
  glossary: GlossaryEntry[];
  corrections: Correction[];
  differences: Difference[];
}
