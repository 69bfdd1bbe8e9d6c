/**
 * CSV as RFC 4180 writes it, through d3-dsv (a field is quoted when it holds a comma, a quote or a line break; quotes
 * inside are doubled), with CRLF between records and a byte-order mark. Plus the strict reader the tests (and anyone)
 * can use to read it back.
 *
 * Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a tab or a
 * carriage return) as a formula. Such a text cell is written with a `'` in front, which spreadsheets show as text and
 * do not run. A plain number stays a number: a numeric value, or a text that is exactly a decimal number ("-5",
 * "+2.5", "1e9"), is left as it is, because a spreadsheet reads it as that number and runs nothing.
 */
import { csvFormatRows } from 'd3-dsv';

export type CsvValue = string | number | boolean | null | undefined;

/** UTF-8 byte-order mark: without it Excel reads "—" and curly quotes as mojibake. The reader below drops it. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The text a cell holds: numbers as JavaScript writes them, nothing for null or a non-finite number, formulas defused. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = String(value);
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One field as written in the file (quoted where it must be). */
export const csvField = (value: CsvValue): string => csvFormatRows([[csvCell(value)]]);

/** Column names in first-seen order across all rows, so a key that only some rows carry still gets a column. */
export function csvColumns(rows: readonly Record<string, CsvValue>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  return [...seen];
}

export function toCsv(rows: readonly Record<string, CsvValue>[], columns: readonly string[] = csvColumns(rows), { bom = true } = {}): string {
  const records = [columns.map(csvCell), ...rows.map((r) => columns.map((c) => csvCell(r[c])))];
  // d3-dsv ends records with LF; RFC 4180 (and Excel) want CRLF, so each record is formatted on its own.
  return `${bom ? BOM : ''}${records.map((r) => csvFormatRows([r])).join('\r\n')}\r\n`;
}

/** Parses RFC 4180 CSV (also accepts bare LF line ends). Throws on a stray quote, so a broken file cannot pass. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new Error(`CSV: text after a closing quote at offset ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (!atFieldStart) throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parsed CSV as objects keyed by the header row; throws when a record's width differs from the header's. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rest] = parseCsv(text);
  if (!header) return [];
  return rest.map((r, n) => {
    if (r.length !== header.length) throw new Error(`CSV: record ${n + 2} has ${r.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j]!]));
  });
}
