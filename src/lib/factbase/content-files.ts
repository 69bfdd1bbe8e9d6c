/**
 * The one way a content file is read (Node only). Every YAML file under content/ has a kind here: its path and how
 * its parsed data is checked. Whatever is wrong (malformed YAML, an alias bomb, a file over the size limit, a schema
 * error, an unknown file) ends in one FactBaseError naming file, entry and field.
 *
 * A build reads each file once: results are kept by path, size and modification time on globalThis, because the
 * config hook (astro.config.mjs) and the content collections (src/content.config.ts) load this module as separate
 * module instances in the same process.
 *
 * To add a kind of file: add one line to CONTENT_FILES (`listOf(path, schema, key)` for a list of records, or a
 * reader of your own) and read it with `loadContent(name)`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ZodType } from 'astro/zod';
import { activitySchema, planSchema } from '../teach-schema';
import { COLLECTIONS, type CollectionName } from './schema';
import { CHART_WORD_IDS, type ChartWordsId } from './chart-words-schema';
import { asMapping, asRecordList, checkEntries, FactBaseError, parseYaml } from './validate';

/** Hand-written YAML of this project is tens of kB; anything near this limit is a mistake, not content. */
export const MAX_FILE_BYTES = 1_000_000;

/** The content folder (data/ and chapters/): RESET_CONTENT_DIR lets a test build a whole site from a fixture. */
export function contentDir(): string {
  return process.env.RESET_CONTENT_DIR || 'content';
}

export interface ContentKind<T> {
  /** Path under the content folder. */
  path: string;
  /** The field that names an entry in messages (for lists of records). */
  key?: string;
  /** What a missing or empty file stands for. */
  empty: () => T;
  /** Checks the parsed YAML; `file` is the path to name in messages. */
  check: (data: unknown, file: string) => T;
}

/** A YAML list of records, each checked against `schema`; `key` names an entry and must be unique. */
export function listOf<T>(path: string, schema: ZodType<T>, key = 'id'): ContentKind<T[]> {
  return { path, key, empty: () => [], check: (data, file) => checkEntries(asRecordList(data, file), schema, file, key) };
}

/** A fact-base file: records checked later, all files together, by validateFactBase (references cross files). */
const factBaseFile = (name: CollectionName): ContentKind<Record<string, unknown>[]> => ({
  path: `data/${COLLECTIONS[name].file}`,
  empty: () => [],
  check: asRecordList,
});

const SITE_PATH = /^\/[a-z0-9/_-]*\/$/;

/** Old path -> new path. */
export const redirectsKind: ContentKind<Record<string, string>> = {
  path: 'data/redirects.yaml',
  empty: () => ({}),
  check: (data, file) => {
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) throw new FactBaseError(file, null, null, 'must be a map of old path to new path');
    for (const [from, to] of Object.entries(data)) {
      if (!SITE_PATH.test(from)) throw new FactBaseError(file, from, 'old path', 'must be a site path like /chapters/old-slug/');
      if (typeof to !== 'string' || !SITE_PATH.test(to)) throw new FactBaseError(file, from, 'new path', 'must be a site path like /chapters/new-slug/');
      if (from === to) throw new FactBaseError(file, from, 'new path', 'redirects to itself');
    }
    return data as Record<string, string>;
  },
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every chapter slug ever published. */
export const publishedSlugsKind: ContentKind<string[]> = {
  path: 'data/published-slugs.yaml',
  empty: () => [],
  check: (data, file) => {
    if (data === null || data === undefined) return [];
    if (!Array.isArray(data)) throw new FactBaseError(file, null, null, 'must be a YAML list of chapter slugs');
    data.forEach((s, i) => {
      if (typeof s !== 'string' || !SLUG.test(s)) throw new FactBaseError(file, `#${i + 1}`, 'slug', `must be a chapter slug, lower-case words joined by hyphens (got ${JSON.stringify(s)})`);
      if (data.indexOf(s) !== i) throw new FactBaseError(file, s, 'slug', 'is listed twice');
    });
    return data as string[];
  },
};

export const CONTENT_FILES = {
  sources: factBaseFile('sources'),
  entities: factBaseFile('entities'),
  events: factBaseFile('events'),
  figures: factBaseFile('figures'),
  terms: factBaseFile('terms'),
  quotes: factBaseFile('quotes'),
  glossary: factBaseFile('glossary'),
  corrections: factBaseFile('corrections'),
  differences: factBaseFile('differences'),
  activities: listOf('data/activities.yaml', activitySchema, 'chapter'),
  lessonPlans: listOf('data/lesson-plans.yaml', planSchema),
  redirects: redirectsKind,
  publishedSlugs: publishedSlugsKind,
};
export type ContentName = keyof typeof CONTENT_FILES;

/** A chart's words: a mapping of entries, checked against its schema and the fact base's figures by loadChartWords. */
export const CHART_WORD_FILES = Object.fromEntries(
  CHART_WORD_IDS.map((id) => [id, { path: `charts/${id}.yaml`, empty: () => ({}), check: asMapping } satisfies ContentKind<Record<string, unknown>>]),
) as Record<ChartWordsId, ContentKind<Record<string, unknown>>>;
type Loaded<N extends ContentName> = ReturnType<(typeof CONTENT_FILES)[N]['check']>;

interface CacheEntry {
  stamp: string;
  value: unknown;
}
const CACHE_KEY = Symbol.for('the-reset:content-files');
const cache: Map<string, CacheEntry> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, CacheEntry>) ??
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] = new Map<string, CacheEntry>());

/** How a file looks from outside: changes whenever it is edited (or missing). */
export function fileStamp(path: string): string {
  if (!existsSync(path)) return 'missing';
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

/** Parsed files so far in this process (for the "read once per build" test). */
export const parseCount = { value: 0 };

/** Reads one file of a kind, from cache when it has not changed. */
export function readContentFile<T>(kind: ContentKind<T>, path: string): T {
  const stamp = fileStamp(path);
  const key = `${kind.path}|${path}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const shown = relative(process.cwd(), path) || path;
  let value: T;
  if (stamp === 'missing') value = kind.empty();
  else {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw new FactBaseError(shown, null, null, `is ${(size / 1e6).toFixed(1)} MB, over the limit of ${MAX_FILE_BYTES / 1e6} MB for a content file (MAX_FILE_BYTES)`);
    }
    parseCount.value++;
    const data = parseYaml(readFileSync(path, 'utf8'), shown, kind.key);
    value = data === null || data === undefined ? kind.empty() : kind.check(data, shown);
  }
  cache.set(key, { stamp, value });
  return value;
}

/** A memo kept with the file cache and renewed whenever any of `paths` changes (e.g. the validated fact base). */
export function memoByFiles<T>(key: string, paths: string[], make: () => T): T {
  const stamp = paths.map(fileStamp).join('|');
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = make();
  cache.set(key, { stamp, value });
  return value;
}

/** One content file, checked. */
export function loadContent<N extends ContentName>(name: N, root: string = contentDir()): Loaded<N> {
  const kind = CONTENT_FILES[name] as ContentKind<Loaded<N>>;
  return readContentFile(kind, join(root, kind.path));
}

/** Every YAML file under the content folder must be one of the kinds above: an unknown one is never read silently. */
export function checkNoUnknownFiles(root: string = contentDir()): void {
  if (!existsSync(root)) return;
  const known = new Set([...Object.values(CONTENT_FILES), ...Object.values(CHART_WORD_FILES)].map((k) => k.path));
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.ya?ml$/i.test(e.name)) continue;
    const rel = relative(root, join(e.parentPath, e.name)).split('\\').join('/');
    if (!known.has(rel)) {
      throw new FactBaseError(
        relative(process.cwd(), join(root, rel)) || rel,
        null,
        null,
        'is not a known content file: give it a kind in CONTENT_FILES (src/lib/factbase/content-files.ts) or move it out of content/',
      );
    }
  }
}
