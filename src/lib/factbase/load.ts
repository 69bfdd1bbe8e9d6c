/** Reads and validates the fact base from disk (Node only): used by the build check, the loaders and tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTIONS, type CollectionName, type FactBase } from './schema';
import { parseYamlList, validateFactBase } from './validate';

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
