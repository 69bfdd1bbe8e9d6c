/**
 * Downloads: /data/<widget>.csv and .json parse, agree with each other and with the fact base (amounts, units,
 * qualifiers, dates and sources per record), carry certainty and sources on every row, and every column is
 * explained on /data/, which links every file.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from '../../src/lib/csv';
import { COLUMN_DESCRIPTIONS } from '../../src/lib/data-files';
import { loadFactBase } from '../../src/lib/factbase/load';
import { CONFIDENCES, QUALIFIERS } from '../../src/lib/factbase/schema';
import { siteUrl } from '../../src/lib/site';
import { distDocument, distHas, embedWidgets, readDist } from './dist';

const widgets = embedWidgets();
const fb = loadFactBase();
const figures = new Map(fb.figures.map((f) => [f.id, f]));
const terms = new Map(fb.terms.map((t) => [t.id, t]));
const events = new Map(fb.events.map((e) => [e.id, e]));
const sources = new Map(fb.sources.map((s) => [s.id, s]));
const CERTAINTY = new Set<string>([...QUALIFIERS, ...CONFIDENCES]);
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

it('the build has widgets with downloads', () => {
  expect(widgets.length).toBeGreaterThan(0);
});

describe.each(widgets)('%s', (id) => {
  it('CSV and JSON parse, agree with each other and with the fact base', () => {
    expect(distHas(`/data/${id}.csv`), `/data/${id}.csv`).toBe(true);
    const text = readDist(`/data/${id}.csv`);
    expect(text.startsWith('\uFEFF'), 'UTF-8 BOM for Excel').toBe(true);
    expect(text.endsWith('\r\n'), 'CRLF line ends (RFC 4180)').toBe(true);
    const records = parseCsv(text);
    const header = records[0]!;
    for (const r of records) expect(r.length, 'same number of fields on every record').toBe(header.length);
    const rows = parseCsvObjects(text);
    expect(rows.length, 'rows').toBeGreaterThan(0);

    const json = JSON.parse(readDist(`/data/${id}.json`)) as { widget: string; fields: { name: string; description: string | null }[]; rows: Record<string, unknown>[] };
    expect(json.widget).toBe(id);
    expect(json.fields.map((f) => f.name), 'JSON fields are the CSV columns').toEqual(header);
    expect(json.rows.length).toBe(rows.length);
    json.rows.forEach((jr, i) => {
      for (const c of header) expect(rows[i]![c], `row ${i} ${c}: CSV = JSON`).toBe(jr[c] === null || jr[c] === undefined ? '' : String(jr[c]));
    });

    for (const c of header) expect(COLUMN_DESCRIPTIONS[c], `column "${c}" has a description on /data/ (src/lib/data-files.ts)`).toBeTruthy();
    for (const c of ['qualifier', 'source_ids', 'source_urls', 'source_pages']) expect(header, `every file has ${c}`).toContain(c);

    let matched = 0;
    rows.forEach((row, i) => {
      const at = `${id} row ${i + 2} (${row.id ?? '?'})`;
      // Certainty and sources on every row.
      expect(CERTAINTY.has(row.qualifier!), `${at}: qualifier "${row.qualifier}"`).toBe(true);
      const ids = row.source_ids!.split(' ').filter(Boolean);
      expect(ids.length, `${at}: source ids`).toBeGreaterThan(0);
      for (const s of ids) expect(sources.has(s), `${at}: source ${s} is in the fact base`).toBe(true);
      const urls = ids.map((s) => sources.get(s)!.url).filter(Boolean).join(' ');
      expect(row.source_urls, `${at}: source_urls are the sources' own addresses, in order`).toBe(urls);
      expect(row.source_pages, `${at}: a note page per source`).toBe(ids.map((s) => `${siteUrl()}/sources/#source-${s}`).join(' '));
      if (row.event) expect(events.has(row.event), `${at}: event ${row.event}`).toBe(true);

      // Agreement with the record the row stands for.
      const f = figures.get(row.id!);
      const t = terms.get(row.id!);
      if (f) {
        matched++;
        if ('value' in row) expect(row.value, `${at}: value`).toBe(f.value === null ? '' : String(f.value));
        if ('unit' in row) expect(row.unit, `${at}: unit`).toBe(f.unit);
        expect(row.qualifier, `${at}: qualifier`).toBe(f.qualifier);
        if ('kind' in row) expect(row.kind, `${at}: kind`).toBe(f.kind);
        if (row.from) expect(row.from, `${at}: from`).toBe(f.from);
        if (row.to) expect(row.to, `${at}: to`).toBe(f.to);
        if ('event' in row) expect(row.event, `${at}: event`).toBe(f.event);
        if (row.date && 'event' in row) expect(row.date, `${at}: date is the event's`).toBe(events.get(f.event)!.date);
        expect(ids, `${at}: sources`).toEqual(f.sources);
      } else if (t) {
        matched++;
        expect(row.start ?? row.date, `${at}: start`).toBe(t.start);
        if ('end' in row) expect(row.end, `${at}: end`).toBe(t.end ?? '');
        expect(row.qualifier, `${at}: qualifier is the term's confidence`).toBe(t.confidence);
        if ('lane' in row) expect(row.lane).toBe(t.lane);
        if ('state' in row) expect(row.state).toBe(t.state);
        expect(ids, `${at}: sources`).toEqual(t.sources);
      } else if (events.has(row.id!)) {
        matched++;
        const e = events.get(row.id!)!;
        if (row.date) expect(row.date, `${at}: date`).toBe(e.date);
        expect(ids, `${at}: sources`).toEqual(e.sources);
      }
      // Otherwise a row of the chart's own (a cell of the cloud matrix): its sources and event were checked above.
    });
    // A file whose rows stand for no record at all would prove nothing about agreement.
    if (id !== 'cloud-matrix') expect(matched, `${id}: rows matched to fact-base records`).toBeGreaterThan(0);
  });
});

it('/data/ links every file and explains every column with its description', () => {
  const doc = distDocument('/data/');
  const columns = new Set<string>();
  for (const id of widgets) {
    expect(doc.querySelectorAll(`a[href="/data/${id}.csv"]`), `/data/ links ${id}.csv once`).toHaveLength(1);
    expect(doc.querySelectorAll(`a[href="/data/${id}.json"]`), `/data/ links ${id}.json once`).toHaveLength(1);
    for (const c of parseCsv(readDist(`/data/${id}.csv`))[0]!) columns.add(c);
  }
  expect(columns.size).toBeGreaterThan(0);
  for (const c of columns) {
    const rows = doc.querySelectorAll(`[id="col-${c}"]`);
    expect(rows, `dictionary row for ${c}`).toHaveLength(1);
    expect(norm(rows[0]!.querySelector('td')?.textContent), `description of ${c}`).toBe(norm(COLUMN_DESCRIPTIONS[c]));
  }
});
