/** What every widget hands its frame: serializable, computed at build time from the fact base. */
import type { WidgetId } from './widgets';

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  /** Human date of publication. */
  date: string;
  /** The source note on this site: /sources/#source-<id>. */
  href: string;
  url?: string;
}

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** The label's template when it names the chart's date (live.ts asOfColumn). */
  asOfText?: string;
}

export interface DataTable {
  columns: TableColumn[];
  rows: Record<string, string>[];
}

export interface HighlightOption {
  id: string;
  label: string;
}

/** The part of every widget's data that the frame, the embeds and the builder read. */
export interface WidgetMeta {
  id: WidgetId;
  title: string;
  /** The compact embed's title, where the chart's own names more than that view shows (src/lib/embed/compact.ts). */
  compactTitle?: string;
  takeaway: string;
  sources: SourceRef[];
  highlights: HighlightOption[];
  range: { min: string; max: string };
  defaultAsOf: string;
}

/** A row of a widget's downloadable data: what the chart draws, with certainty and sources on every row. */
export type DataRow = Record<string, string | number | null>;
