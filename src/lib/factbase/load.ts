/** Reads and validates the fact base from disk (Node only): used by the build check, the loaders and tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTIONS, type CollectionName, type FactBase } from './schema';
import { parseYamlList, parseYamlMapping, validateFactBase } from './validate';
import { validateChartWords, type ChartWords, type ChartWordsBase } from './chart-words-schema';
import { WIDGET_IDS, type WidgetId } from '../widgets';

export const DEFAULT_DATA_DIR = 'content/data';

/** The data folder: RESET_DATA_DIR lets a test point a whole build at a fixture. */
export function dataDir(): string {
  return process.env.RESET_DATA_DIR || DEFAULT_DATA_DIR;
}

export function loadFactBase(dir: string = dataDir()): FactBase {
  const shown = relative(process.cwd(), dir) || dir;
  const raw = {} as Record<CollectionName, Record<string, unknown>[]>;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const path = join(dir, COLLECTIONS[name].file);
    raw[name] = existsSync(path) ? parseYamlList(readFileSync(path, 'utf8'), `${shown}/${COLLECTIONS[name].file}`) : [];
  }
  return validateFactBase(raw, shown);
}

export const DEFAULT_CHARTS_DIR = 'content/charts';

/** The chart words folder: RESET_CHARTS_DIR lets a test point a whole build at a broken copy. */
export function chartsDir(): string {
  return process.env.RESET_CHARTS_DIR || DEFAULT_CHARTS_DIR;
}

/** Every chart's words (content/charts/<widget-id>.yaml), checked against their schemas and the fact base's figures. */
export function loadChartWords(fb: FactBase, dir: string = chartsDir()): ChartWordsBase {
  const shown = relative(process.cwd(), dir) || dir;
  const raw: Partial<Record<WidgetId, unknown>> = {};
  for (const id of WIDGET_IDS) {
    const path = join(dir, `${id}.yaml`);
    if (existsSync(path)) raw[id] = parseYamlMapping(readFileSync(path, 'utf8'), `${shown}/${id}.yaml`);
  }
  return validateChartWords(raw, fb.figures, shown);
}

const chartWordsByBase = new WeakMap<FactBase, ChartWordsBase>();

/** One chart's words for a fact base, read and checked once per fact base (build time only: it reads the disk). */
export function chartWords<K extends WidgetId>(fb: FactBase, id: K): ChartWords<K> {
  let all = chartWordsByBase.get(fb);
  if (!all) chartWordsByBase.set(fb, (all = loadChartWords(fb)));
  return all[id];
}
