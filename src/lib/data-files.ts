/**
 * The downloadable data behind each chart (/data/<widget>.csv and .json) and the dictionary that explains its
 * columns on /data/. Rows come from each widget's own dataRows(fb): exactly what the chart draws.
 */
import { csvColumns, toCsv } from './csv';
import type { DataRow } from './widget-types';
import type { WidgetId } from './widgets';

/** What every column any chart exports means. tests/browser/embed-data.spec.ts fails on a column missing here. */
export const COLUMN_DESCRIPTIONS: Record<string, string> = {
  id: 'The record’s id in the fact base (a figure, term, event or commitment): stable, usable to join files.',
  label: 'The record in words, as the chart labels it.',
  title: 'The record’s headline, as the chart shows it.',
  summary: 'One or two sentences on what happened.',
  date: 'ISO date (YYYY-MM-DD) the chart places the record at: when it was announced, signed or disclosed.',
  precision: 'How precise the date is: day, month, quarter or year. A month-precise date is stored as the 1st.',
  date_precision: 'How precise the date is: day, month, quarter or year. A month-precise date is stored as the 1st.',
  start: 'ISO date the term or commitment starts.',
  end: 'ISO date the term ends (last day in force); empty while it is still in force with no known end.',
  end_precision: 'How precise the end date is: day, month, quarter or year.',
  event: 'Id of the event the record belongs to (see the timeline’s data).',
  kind: 'What the record is. For numbers, what they measure: investment (equity in), commitment (contracted spending on a cloud or chips, flowing the other way), capacity (gigawatts), total or paid-to-date (running totals: never add them to their parts), share, rpo, count. In the cloud matrix: model availability, compute supplier, or an undated claim. In the timeline, the kind of event: investment, commitment, terms, product, governance, earnings, legal, analysis.',
  value: 'The number in base units: dollars as dollars, percent as 27 for 27%, capacity in gigawatts. Empty when undisclosed.',
  value_usd: 'The amount in US dollars. Empty when undisclosed.',
  unit: 'Unit of value: USD, percent, GW, count, years or chips. Dollars and gigawatts are never on one axis.',
  qualifier: 'How sure and how bounded the record is. Numbers: exact, about, reported (only the press says so), up-to (a ceiling), at-least, conditional (on conditions or milestones), undisclosed. Terms and events: confirmed, reported or article-only.',
  confidence: 'Who says so: confirmed (the companies), reported (the press) or article-only (found only in one article).',
  certainty: 'How the chart draws it: solid (paid or confirmed), hatched (on conditions), outline (“up to”), undisclosed (dashed, “?”).',
  note: 'What a reader must know so as not to misread the number.',
  from: 'Id of the company the money or commitment comes from.',
  to: 'Id of the company it goes to.',
  from_name: 'Name of the company the money or commitment comes from.',
  to_name: 'Name of the company it goes to.',
  entity: 'Id of the company the record is about.',
  entities: 'Ids of everyone and everything involved (companies, people, products), separated by spaces.',
  companies: 'Ids of the companies involved, separated by spaces: the timeline’s lanes.',
  company: 'Name of the company.',
  lab: 'The AI lab (its name).',
  cloud: 'The cloud (its name).',
  provider: 'The cloud or chip provider.',
  lane: 'Which part of the contract the term belongs to: cloud, api, licence, revshare-to-openai, revshare-to-microsoft, stake or agi.',
  measure: 'profit-share or equity: they measure different things and are never joined on one line.',
  state: 'The state as a short code: for contract terms exclusive, non-exclusive, paying, dropped…; in the cloud matrix exclusive, available, preview, partial, in-app, open-weight, compute, claimed.',
  years: 'Contract length in years, where known.',
  chip: 'Chips the commitment runs on: trainium, nvidia-gpu, mixed or unspecified.',
  gw: 'Capacity in gigawatts.',
  share: 'A share, in percent.',
  chapter: 'Slug of the chapter that tells the story (/chapters/<slug>/).',
  figure: 'Id of the figure (number) the record refers to.',
  figures: 'Ids of the figures the record refers to, separated by spaces.',
  source_ids: 'Ids of the sources, separated by spaces: each is described on /sources/#source-<id>.',
  source_urls: 'Web addresses of the original sources, separated by spaces (sources with no public address, such as filings read on paper or paywalled pieces, are left out).',
  source_pages: 'Our note on each source, one address per id in source_ids, separated by spaces: publisher, title, date and what it supports.',
  date_note: 'What the date means when it is not the day something happened (e.g. the day a claim was published).',
  status: 'How the chart draws the amount: paid, conditional (on conditions or milestones), up-to (a ceiling), or an annotation that is never added to the investments.',
};

export interface DataFile {
  id: WidgetId;
  columns: string[];
  rows: DataRow[];
}

/**
 * A chart's rows, plus `source_pages`: our note on each source (/sources/#source-<id>, absolute), so every row has
 * a working address for every source even where the original has none online (filings, paywalled pieces).
 */
export function dataFile(id: WidgetId, rows: DataRow[], site: string): DataFile {
  const withPages = rows.map((row) => {
    const ids = typeof row.source_ids === 'string' ? row.source_ids.split(/\s+/).filter(Boolean) : [];
    const out: DataRow = {};
    for (const [k, v] of Object.entries(row)) {
      out[k] = v;
      if (k === 'source_urls') out.source_pages = ids.map((s) => `${site}/sources/#source-${s}`).join(' ');
    }
    if (!('source_pages' in out)) out.source_pages = ids.map((s) => `${site}/sources/#source-${s}`).join(' ');
    return out;
  });
  return { id, columns: csvColumns(withPages), rows: withPages };
}

export function dataCsv(file: DataFile): string {
  return toCsv(file.rows, file.columns);
}

export function dataJson(file: DataFile, meta: { title: string; site: string }): string {
  const body = {
    widget: file.id,
    title: meta.title,
    chart: `${meta.site}/embed/${file.id}/`,
    csv: `${meta.site}/data/${file.id}.csv`,
    fields: file.columns.map((name) => ({ name, description: COLUMN_DESCRIPTIONS[name] ?? null })),
    rows: file.rows,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
