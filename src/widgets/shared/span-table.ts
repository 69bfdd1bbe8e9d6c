/**
 * One data table for every span of dates. A chart whose data change with its date used to write a whole table per
 * span; most rows are the same from one span to the next, so the copies cost thousands of elements per page. Here
 * the per-span tables are merged: row i of every span is written once for each unbroken run of spans that has one,
 * and carries that run's `data-span` (live.ts); a cell whose text changes within the run is written once per
 * wording, each with its own span, and so are header cells. The phases the build and the runtime write then show
 * exactly one span's table: one cell per column, its rows in its order. Tables are merged only while their columns (keys and
 * number kind) match and their spans follow on; a change of columns starts another table.
 */
import { span } from './live';
import type { DataTable } from './types';

/** A table written for the dates of one span. */
export interface TableForSpan {
  span: string;
  table: DataTable;
}

/** One wording of a column's header, for the dates of `span` (absent: for the whole table). */
export interface SpanHead {
  label: string;
  asOfText?: string;
  span?: string;
}

export interface SpanColumn {
  key: string;
  numeric?: boolean;
  heads: SpanHead[];
}

/** A cell's text for the dates of `span` (absent: for the whole row). */
export interface SpanCell {
  text: string;
  span?: string;
}

/** A row for the dates of `span` (absent: for the whole table); a cell whose text changes meanwhile has a wording per run. */
export interface SpanRow {
  cells: Record<string, SpanCell[]>;
  span?: string;
}

/** The tables of consecutive spans with the same columns, merged; `span` is the dates of all of them. */
export interface SpanTable {
  span: string;
  columns: SpanColumn[];
  rows: SpanRow[];
}

const bounds = (s: string) => s.split(' ') as [string, string];
const follows = (prev: string, next: string) => bounds(prev)[1] !== '' && bounds(prev)[1] === bounds(next)[0];
const columnsKey = (t: DataTable) => JSON.stringify(t.columns.map((c) => [c.key, c.numeric ?? false]));

/** Runs of equal values over consecutive spans (values[i] holds in spans[i]; undefined: nothing there). */
function runs<T>(spans: readonly string[], values: readonly (T | undefined)[], same: (a: T, b: T) => boolean) {
  const out: { value: T; span: string; from: number; to: number }[] = [];
  let open: { value: T; from: number; to: number } | undefined;
  const close = () => {
    if (open) out.push({ ...open, span: span(bounds(spans[open.from]!)[0], bounds(spans[open.to]!)[1]) });
    open = undefined;
  };
  values.forEach((v, i) => {
    if (v === undefined) return close();
    if (open && open.to === i - 1 && same(open.value, v)) open.to = i;
    else {
      close();
      open = { value: v, from: i, to: i };
    }
  });
  close();
  return out;
}

function merge(group: readonly TableForSpan[]): SpanTable {
  const spans = group.map((g) => g.span);
  const whole = span(bounds(spans[0]!)[0], bounds(spans.at(-1)!)[1]);
  const part = (s: string) => (s === whole ? {} : { span: s });
  const columns = group[0]!.table.columns.map((c, ci) => ({
    key: c.key,
    ...(c.numeric ? { numeric: true } : {}),
    heads: runs(
      spans,
      group.map((g) => g.table.columns[ci]!),
      (a, b) => a.label === b.label && a.asOfText === b.asOfText,
    ).map((r) => ({ label: r.value.label, ...(r.value.asOfText ? { asOfText: r.value.asOfText } : {}), ...part(r.span) })),
  }));
  const most = Math.max(...group.map((g) => g.table.rows.length));
  // Row i of every span in turn: whatever the date, the rows that show are one span's, in that span's order.
  const rows = Array.from({ length: most }, (_, i) =>
    runs(
      spans,
      group.map((g) => g.table.rows[i]),
      () => true,
    ).map((r) => {
      const inRun = spans.slice(r.from, r.to + 1);
      const rowsInRun = group.slice(r.from, r.to + 1).map((g) => g.table.rows[i]!);
      const cells = Object.fromEntries(
        columns.map((c) => [
          c.key,
          runs(
            inRun,
            rowsInRun.map((row) => row[c.key] ?? ''),
            (a, b) => a === b,
          ).map((cell) => ({ text: cell.value, ...(cell.span === r.span ? {} : { span: cell.span }) })),
        ]),
      );
      return { cells, ...part(r.span) };
    }),
  ).flat();
  return { span: whole, columns, rows };
}

/** The per-span tables of a chart (in order of their dates) as few merged tables as their columns allow. */
export function spanTables(tables: readonly TableForSpan[]): SpanTable[] {
  const groups: TableForSpan[][] = [];
  for (const t of tables) {
    const last = groups.at(-1)?.at(-1);
    if (last && follows(last.span, t.span) && columnsKey(last.table) === columnsKey(t.table)) groups.at(-1)!.push(t);
    else groups.push([t]);
  }
  return groups.map(merge);
}
