/**
 * rpo-exposure, server side only: every word the chart shows, filled at build time from content/charts/rpo-exposure.yaml
 * so the browser ships layout code and not sentence code.
 */
import type { RpoData } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatFigure } from '../../lib/format';
import { fill, type WordValues } from '../../lib/chart-words';
import type { ChartWords } from '../../lib/factbase/chart-words-schema';

export type PartKey = 'openai' | 'rest' | 'total';

export interface RpoWords {
  title: { wide: string; narrow: string; wideAmount: string; narrowAmount: string };
  disclosedShort: string;
  share: string;
  openaiShort: string;
  tiedTo: string;
  restShare: string;
  restShort: string;
  restLabel: { wide: string; narrow: string };
  half: string;
  details: Record<PartKey, string>;
  hint: string;
  aria: Record<PartKey, string>;
  /** The summary before the disclosure date and from it on ({date} is the chart's date). */
  summaryAfter: string;
  summaryBefore: string;
  note: string;
  empty: { title: string; wide: string[]; narrow: string[] };
  table: DataTable;
  /** The table's amount column before the disclosure. */
  notYet: string;
}

export function rpoWords(data: Omit<RpoData, 'words'>, w: ChartWords<'rpo-exposure'>): RpoWords {
  const { total, share, openai, names } = data;
  const rest = { value: total.value - openai.value, share: 100 - share.value };
  const restFig = { value: rest.value, unit: 'USD' as const, kind: 'rpo' as const, qualifier: share.qualifier };
  const restShare = { value: rest.share, unit: 'percent' as const, kind: 'share' as const, qualifier: share.qualifier };
  const short = { short: true };
  const disclosedOn = formatDate(data.event.date);
  const values: WordValues = {
    ...names,
    disclosed: { date: data.event.date },
    rest: restFig,
    restShare,
    date: '{date}',
    term: data.definition.term,
    definition: data.definition.text,
    commercialTerm: data.definition.commercialTerm,
    commercial: data.definition.commercial,
  };
  const f = (template: string, more: WordValues = {}) => fill(template, { ...values, ...more }, 'rpo-exposure').replace(/\s+/g, ' ').trim();
  const lines = (template: string) => fill(template, values, 'rpo-exposure').split('\n');
  const source = (x: { sourceNames: string[] }) => f(w.details.source, { publishers: x.sourceNames.join('; ') });
  const sureOf = (x: { qualifier: keyof typeof QUALIFIER_WORDS }) => QUALIFIER_WORDS[x.qualifier];
  return {
    title: { wide: f(w.heading.wide), narrow: f(w.heading.narrow), wideAmount: f(w.heading.wideAmount), narrowAmount: f(w.heading.narrowAmount) },
    disclosedShort: f(w.heading.disclosed),
    share: formatFigure(share),
    openaiShort: formatFigure(openai, short),
    tiedTo: f(w.labels.tiedTo),
    restShare: formatFigure(restShare),
    restShort: formatFigure(restFig, short),
    restLabel: { wide: f(w.labels.restWide), narrow: f(w.labels.restNarrow) },
    half: f(w.labels.half),
    details: {
      openai: f(w.details.openai, { sure: sureOf(share), source: source(share) }),
      rest: f(w.details.rest, { source: source(total) }),
      total: f(w.details.total, { sure: sureOf(total), note: total.note ?? '', source: source(total) }),
    },
    hint: f(w.details.hint),
    aria: { openai: f(w.aria.openai), rest: f(w.aria.rest), total: f(w.aria.total) },
    summaryAfter: f(w.summary.after),
    summaryBefore: f(w.summary.before),
    note: f(w.note.text),
    empty: { title: f(w.empty.title), wide: lines(w.empty.wide), narrow: lines(w.empty.narrow) },
    table: {
      columns: [
        { key: 'what', label: f(w.table.what) },
        { key: 'amount', label: f(w.table.amount), numeric: true },
        { key: 'sure', label: f(w.table.sure) },
        { key: 'date', label: f(w.table.date) },
      ],
      rows: [
        { what: f(w.table.total), amount: formatFigure(total), sure: sureOf(total), date: disclosedOn },
        { what: f(w.table.share), amount: formatFigure(share), sure: sureOf(share), date: disclosedOn },
        { what: f(w.table.openai), amount: formatFigure(openai), sure: sureOf(openai), date: disclosedOn },
        { what: f(w.table.rest), amount: f(w.table.restAmount), sure: sureOf(share), date: disclosedOn },
      ],
    },
    notYet: f(w.table.notYet),
  };
}
