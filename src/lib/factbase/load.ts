/** Reads and validates the fact base and the rest of content/ from disk (Node only): the build check, the loaders and tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkStableLinks } from '../redirects';
import { CHART_WORD_FILES, CONTENT_FILES, checkNoUnknownFiles, contentDir, loadContent, memoByFiles, readContentFile } from './content-files';
import { COLLECTIONS, type CollectionName, type FactBase } from './schema';
import { FactBaseError, parseYaml, validateFactBase } from './validate';
import { CHART_WORD_IDS, validateChartWords, type ChartWords, type ChartWordsBase, type ChartWordsId } from './chart-words-schema';

/** The fact base's folder: data/ in the content folder. */
export function dataDir(): string {
  return join(contentDir(), 'data');
}

export function loadFactBase(dir: string = dataDir()): FactBase {
  const shown = relative(process.cwd(), dir) || dir;
  const names = Object.keys(COLLECTIONS) as CollectionName[];
  const paths = names.map((name) => join(dir, COLLECTIONS[name].file));
  return memoByFiles(`factbase|${dir}`, paths, () => {
    const raw = {} as Record<CollectionName, Record<string, unknown>[]>;
    names.forEach((name, i) => (raw[name] = readContentFile(CONTENT_FILES[name], paths[i]!)));
    return validateFactBase(raw, shown);
  });
}

/** The chapters' slugs, read from their frontmatter (the collection itself is built later, by Astro). */
export function chapterSlugs(root: string = contentDir()): string[] {
  const dir = join(root, 'chapters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = relative(process.cwd(), join(dir, f)) || f;
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      const data = front === undefined ? null : parseYaml(front, file);
      const slug = (data as { slug?: unknown } | null)?.slug;
      if (typeof slug !== 'string') throw new FactBaseError(file, null, 'slug', 'the frontmatter must give the chapter a slug');
      return slug;
    });
}

/**
 * Everything under content/, before anything renders: every YAML file is a known kind and passes its checks, the
 * fact base's references hold, and every published chapter slug still leads to a chapter.
 */
export function checkContent(root: string = contentDir()): void {
  checkNoUnknownFiles(root);
  for (const name of Object.keys(CONTENT_FILES) as (keyof typeof CONTENT_FILES)[]) loadContent(name, root);
  loadFactBase(join(root, 'data'));
  const errors = checkStableLinks(loadContent('publishedSlugs', root), chapterSlugs(root), loadContent('redirects', root));
  if (errors.length) throw new Error(errors.join('\n'));
}

/** The chart words folder: charts/ in the content folder (RESET_CHARTS_DIR points a test build at a broken copy). */
export function chartsDir(): string {
  return process.env.RESET_CHARTS_DIR || join(contentDir(), 'charts');
}

/** Every chart's words (content/charts/<widget-id>.yaml), checked against their schemas and the fact base's figures. */
export function loadChartWords(fb: FactBase, dir: string = chartsDir()): ChartWordsBase {
  const shown = relative(process.cwd(), dir) || dir;
  const raw: Partial<Record<ChartWordsId, unknown>> = {};
  for (const id of CHART_WORD_IDS) {
    const path = join(dir, `${id}.yaml`);
    if (existsSync(path)) raw[id] = readContentFile(CHART_WORD_FILES[id], path);
  }
  return validateChartWords(raw, fb.figures, shown);
}

const chartWordsByBase = new WeakMap<FactBase, ChartWordsBase>();

/** One chart's words for a fact base, read and checked once per fact base (build time only: it reads the disk). */
export function chartWords<K extends ChartWordsId>(fb: FactBase, id: K): ChartWords<K> {
  let all = chartWordsByBase.get(fb);
  if (!all) chartWordsByBase.set(fb, (all = loadChartWords(fb)));
  return all[id];
}
