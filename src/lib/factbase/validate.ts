/**
 * Checks the fact base as a whole. Astro's own loaders neither fail on malformed YAML nor check references,
 * and their schema errors do not name the file, so every failure here names file, entry id and field.
 */
import { isMap, isNode, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { ZodType } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type FactBase, type Term } from './schema';

export class FactBaseError extends Error {
  constructor(
    readonly file: string,
    readonly entryId: string | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    const where = [entryId === null ? null : `entry "${entryId}"`, field === null ? null : `field "${field}"`]
      .filter(Boolean)
      .join(', ');
    super(`${file}: ${where ? `${where}: ` : ''}${problem}`);
    this.name = 'FactBaseError';
  }
}

/** YAML aliases a content file may resolve: enough for any hand-written reuse, far too few for an "alias bomb". */
export const MAX_ALIASES = 50;

/**
 * Parses one YAML file. Malformed YAML, duplicate keys and too many aliases fail with the file's name (and, for an
 * alias bomb, the entry and field that hold it); `key` is the field that names an entry of a list.
 */
export function parseYaml(text: string, file: string, key = 'id'): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    const [entry, field] = line ? entryAtLine(text, line, key) : [null, null];
    throw new FactBaseError(file, entry, field, `malformed YAML${line ? ` at line ${line}` : ''}: ${e.message.split('\n')[0]}`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const [entry, field] = aliasCulprit(doc, key);
    throw new FactBaseError(file, entry, field, `uses YAML aliases (*name) more than ${MAX_ALIASES} times: write the values out`);
  }
}

/**
 * The entry and field around a line of a list of records that failed to parse, read from the text itself: the
 * nearest entry start ("- key: name") and field ("name:") at or above the line.
 */
function entryAtLine(text: string, line: number, key: string): [string | null, string | null] {
  const lines = text.split(/\r?\n/).slice(0, line);
  let field: string | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const start = /^-\s+([A-Za-z][\w-]*):\s*(.*)$/.exec(l);
    const named = start?.[1] === key ? start[2]!.trim().replace(/^["']|["']$/g, '') : null;
    field ??= start?.[1] ?? /^\s+-?\s*([A-Za-z][\w-]*):/.exec(l)?.[1] ?? null;
    if (start) return [named || `entry at line ${i + 1}`, field];
    if (/^-\s*$/.test(l)) return [`entry at line ${i + 1}`, field];
  }
  return [null, field];
}

/** The entry and field of a list whose value expands too many aliases (found only after the whole file failed). */
function aliasCulprit(doc: Document, key: string): [string | null, string | null] {
  const top = doc.contents;
  const fails = (node: unknown) => {
    try {
      if (isNode(node)) node.toJS(doc, { maxAliasCount: MAX_ALIASES });
      return false;
    } catch {
      return true;
    }
  };
  const pairs = (node: unknown) => (isMap(node) ? node.items : []);
  if (isSeq(top)) {
    for (const [i, item] of top.items.entries()) {
      const named = isMap(item) ? item.get(key) : undefined;
      const entry = typeof named === 'string' ? named : `#${i + 1}`;
      for (const pair of pairs(item)) if (fails(pair.value)) return [entry, String(isScalar(pair.key) ? pair.key.value : pair.key)];
      if (fails(item)) return [entry, null];
    }
  }
  for (const pair of pairs(top)) if (fails(pair.value)) return [String(isScalar(pair.key) ? pair.key.value : pair.key), null];
  return [null, null];
}

/** A parsed file as a mapping of entries (chart words); another shape fails with the file's name. */
export function asMapping(data: unknown, file: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new FactBaseError(file, null, null, 'must be a YAML mapping of entries (each starting with "name:")');
  return data as Record<string, unknown>;
}

/** Parses one YAML file into a list of records; malformed YAML or a wrong shape fails with the file's name. */
export function parseYamlList(text: string, file: string, key = 'id'): Record<string, unknown>[] {
  return asRecordList(parseYaml(text, file, key), file);
}

/** A parsed file as a list of records (empty file: no entries). */
export function asRecordList(data: unknown, file: string): Record<string, unknown>[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new FactBaseError(file, null, null, 'must be a YAML list of entries (each starting with "- id:")');
  return data.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new FactBaseError(file, `#${i + 1}`, null, 'is not a mapping of fields');
    }
    return entry as Record<string, unknown>;
  });
}

/**
 * Checks each record of one file against its schema: the first problem names the entry (its `key` field, else its
 * position) and the field. Entry names must be unique.
 */
export function checkEntries<T>(list: Record<string, unknown>[], schema: ZodType<T>, file: string, key = 'id'): T[] {
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const id = typeof entry[key] === 'string' ? (entry[key] as string) : `#${i + 1}`;
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : null;
      throw new FactBaseError(file, id, field, issue.message);
    }
    if (seen.has(id)) throw new FactBaseError(file, id, key, 'is used by more than one entry');
    seen.add(id);
    return parsed.data;
  });
}

/** Validates each raw collection against its schema and the references between them. */
export function validateFactBase(raw: Record<CollectionName, Record<string, unknown>[]>, dir = 'content/data'): FactBase {
  const out: Partial<Record<CollectionName, unknown[]>> = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { file, schema } = COLLECTIONS[name];
    out[name] = checkEntries(raw[name] ?? [], schema as ZodType<unknown>, `${dir}/${file}`);
  }
  const fb = out as unknown as FactBase;
  checkReferences(fb, dir);
  checkFigureValues(fb, dir);
  checkTermOverlaps(fb.terms, `${dir}/${COLLECTIONS.terms.file}`);
  return fb;
}

function checkReferences(fb: FactBase, dir: string): void {
  const ids = {
    sources: new Set(fb.sources.map((s) => s.id)),
    entities: new Set(fb.entities.map((e) => e.id)),
    events: new Set(fb.events.map((e) => e.id)),
    figures: new Set(fb.figures.map((f) => f.id)),
    glossary: new Set(fb.glossary.map((g) => g.id)),
  };
  const check = (coll: CollectionName, entryId: string, field: string, target: keyof typeof ids, value: string | undefined) => {
    if (value !== undefined && !ids[target].has(value)) {
      const kind = target === 'glossary' ? 'glossary entry' : target.replace(/s$/, '').replace(/ie$/, 'y');
      throw new FactBaseError(`${dir}/${COLLECTIONS[coll].file}`, entryId, field, `unknown ${kind} "${value}"`);
    }
  };
  for (const e of fb.entities) check('entities', e.id, 'org', 'entities', e.org);
  for (const e of fb.events) {
    e.entities.forEach((v, i) => check('events', e.id, `entities.${i}`, 'entities', v));
    e.sources.forEach((v, i) => check('events', e.id, `sources.${i}`, 'sources', v));
  }
  for (const f of fb.figures) {
    check('figures', f.id, 'event', 'events', f.event);
    check('figures', f.id, 'from', 'entities', f.from);
    check('figures', f.id, 'to', 'entities', f.to);
    f.sources.forEach((v, i) => check('figures', f.id, `sources.${i}`, 'sources', v));
    f.parts?.forEach((v, i) => check('figures', f.id, `parts.${i}`, 'figures', v));
  }
  for (const t of fb.terms) {
    check('terms', t.id, 'figure', 'figures', t.figure);
    t.sources.forEach((v, i) => check('terms', t.id, `sources.${i}`, 'sources', v));
  }
  for (const q of fb.quotes) {
    check('quotes', q.id, 'speaker', 'entities', q.speaker);
    check('quotes', q.id, 'source', 'sources', q.source);
  }
  for (const g of fb.glossary) g.seeAlso.forEach((v, i) => check('glossary', g.id, `seeAlso.${i}`, 'glossary', v));
  for (const d of fb.differences) {
    d.sources.forEach((v, i) => check('differences', d.id, `sources.${i}`, 'sources', v));
    for (const field of ['article', 'record'] as const) {
      for (const m of d[field].matchAll(/\{\{([^}]+)\}\}/g)) check('differences', d.id, field, 'figures', m[1]!.trim());
    }
  }
}

function checkFigureValues(fb: FactBase, dir: string): void {
  const file = `${dir}/${COLLECTIONS.figures.file}`;
  for (const f of fb.figures) {
    if (f.qualifier === 'undisclosed' && f.value !== null) {
      throw new FactBaseError(file, f.id, 'value', 'an undisclosed figure must have value: null (a number was given)');
    }
    if (f.qualifier !== 'undisclosed' && f.value === null) {
      throw new FactBaseError(file, f.id, 'value', 'is null, but only an undisclosed figure may lack a value');
    }
    if (f.value !== null && f.value < 0) throw new FactBaseError(file, f.id, 'value', `must not be negative (got ${f.value})`);
    if (f.unit === 'percent' && f.value !== null && f.value > 100) {
      throw new FactBaseError(file, f.id, 'value', `a percentage cannot exceed 100 (got ${f.value})`);
    }
    if (f.parts) checkParts(fb, f, file);
  }
}

/** Qualifiers under which no part of the money is paid or settled yet. */
const UNSETTLED = new Set(['conditional', 'up-to', 'undisclosed']);

/** A figure made of parts must add up to them, and is conditional as a whole only if every part is (pitfall 21). */
function checkParts(fb: FactBase, f: FactBase['figures'][number], file: string): void {
  const parts = f.parts!.map((id) => fb.figures.find((x) => x.id === id)!);
  const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
  if (f.value !== null && parts.every((p) => p.value !== null) && Math.abs(sum - f.value) > 1e-6 * Math.max(1, f.value)) {
    throw new FactBaseError(file, f.id, 'parts', `the parts add up to ${sum}, not to the value ${f.value}`);
  }
  if (f.qualifier === 'conditional' && parts.some((p) => !UNSETTLED.has(p.qualifier))) {
    const paid = parts.filter((p) => !UNSETTLED.has(p.qualifier)).map((p) => p.id);
    throw new FactBaseError(file, f.id, 'qualifier', `is "conditional" as a whole, but part ${paid.map((id) => `"${id}"`).join(', ')} is not conditional: mark the parts, not the whole`);
  }
}

/**
 * Within one lane the contract can be in only one state on any day. The stake lane holds two measures (a profit
 * share and equity) that may run side by side, so each measure is its own row.
 */
export function checkTermOverlaps(terms: Term[], file: string): void {
  const byLane = new Map<string, Term[]>();
  for (const t of terms) {
    if (t.end !== undefined && t.end < t.start) throw new FactBaseError(file, t.id, 'end', `ends (${t.end}) before it starts (${t.start})`);
    const row = `${t.lane}:${t.measure ?? ''}`;
    byLane.set(row, [...(byLane.get(row) ?? []), t]);
  }
  for (const list of byLane.values()) {
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.end === undefined || cur.start <= prev.end) {
        throw new FactBaseError(
          file,
          cur.id,
          'start',
          `overlaps "${prev.id}" in lane "${cur.lane}" (${prev.start} to ${prev.end ?? 'open-ended'}); end the earlier interval the day before`,
        );
      }
    }
  }
}
