/**
 * rpo-exposure, server side only: every word the chart shows, built at build time so the browser ships layout code
 * and not sentence code.
 */
import type { RpoData } from './data';
import type { DataTable } from '../shared/types';
import { QUALIFIER_WORDS, formatDate, formatDateShort, formatFigure } from '../../lib/format';

export type PartKey = 'openai' | 'rest' | 'total';

export interface RpoWords {
  title: { wide: string; narrow: string; wideAmount: string; narrowAmount: string };
  disclosedShort: string;
  share: string;
  openaiShort: string;
  tiedTo: string;
  restShare: string;
  restShort: string;
  details: Record<PartKey, string>;
  aria: Record<PartKey, string>;
  /** The summary after "As of <date>: " once disclosed, and after "As of <date>, " before. */
  summaryAfter: string;
  summaryBefore: string;
  note: string;
  empty: { wide: string[]; narrow: string[] };
  table: DataTable;
  /** The table's amount column before the disclosure. */
  notYet: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function rpoWords(data: Omit<RpoData, 'words'>): RpoWords {
  const { total, share, openai, names } = data;
  const rest = { value: total.value - openai.value, share: 100 - share.value };
  const restFig = { value: rest.value, unit: 'USD' as const, kind: 'rpo' as const, qualifier: share.qualifier };
  const restShare = { value: rest.share, unit: 'percent' as const, kind: 'share' as const, qualifier: share.qualifier };
  const short = { short: true };
  const disclosedOn = formatDate(data.event.date);
  const sourcesLine = (f: { sourceNames: string[] }) => `Source: ${f.sourceNames.join('; ')}.`;
  return {
    title: {
      wide: `${names.microsoft}'s commercial RPO`,
      narrow: 'Commercial RPO',
      wideAmount: `${names.microsoft}'s commercial RPO: ${formatFigure(total)}`,
      narrowAmount: `Commercial RPO: ${formatFigure(total, short)}`,
    },
    disclosedShort: `disclosed ${formatDateShort(data.event.date)}`,
    share: formatFigure(share),
    openaiShort: formatFigure(openai, short),
    tiedTo: `tied to ${names.openai}`,
    restShare: formatFigure(restShare),
    restShort: formatFigure(restFig, short),
    details: {
      openai:
        `${capital(formatFigure(share))} of ${names.microsoft}'s commercial RPO, ${formatFigure(openai)}, is tied to ${names.openai} ` +
        `(${QUALIFIER_WORDS[share.qualifier]}). It is a share of all commercial RPO, not of Azure revenue. Disclosed ${disclosedOn}. ${sourcesLine(share)}`,
      rest:
        `Everything else: ${formatFigure(restShare)}, or ${formatFigure(restFig)}, our subtraction of ${names.openai}'s part from the total, ` +
        `so just as approximate. Disclosed ${disclosedOn}. ${sourcesLine(total)}`,
      total:
        `${names.microsoft}'s commercial remaining performance obligation: ${formatFigure(total)} (${QUALIFIER_WORDS[total.qualifier]}). ` +
        `${total.note ?? ''} Disclosed ${disclosedOn}. ${sourcesLine(total)}`.replace(/\s+/g, ' '),
    },
    aria: {
      openai: `${names.openai}: ${formatFigure(share)}, ${formatFigure(openai)}`,
      rest: `Everything else: ${formatFigure(restShare)}, ${formatFigure(restFig)}`,
      total: `Commercial RPO: ${formatFigure(total)}`,
    },
    summaryAfter:
      `on ${disclosedOn}, ${names.microsoft} reported ${formatFigure(total)} of commercial remaining performance obligation, ` +
      `${formatFigure(share)} of it (${formatFigure(openai)}) tied to ${names.openai}. That is a share of all its commercial contracts, not of Azure revenue.`,
    summaryBefore:
      `${names.microsoft} had not yet said how much of its commercial remaining performance obligation was tied to ${names.openai}. ` +
      `It disclosed this on ${disclosedOn}.`,
    note:
      `${data.definition.term} (RPO) is ${data.definition.text} ${data.definition.commercialTerm} is ${data.definition.commercial} ` +
      `So ${names.openai}'s share is of that whole backlog, not of Azure revenue.`,
    empty: { wide: [`${names.microsoft} disclosed this on ${disclosedOn}.`], narrow: [`${names.microsoft} disclosed this`, `on ${disclosedOn}.`] },
    table: {
      columns: [
        { key: 'what', label: 'What' },
        { key: 'amount', label: 'Amount', numeric: true },
        { key: 'sure', label: 'How sure' },
        { key: 'date', label: 'Disclosed' },
      ],
      rows: [
        { what: `${names.microsoft}'s commercial RPO`, amount: formatFigure(total), sure: QUALIFIER_WORDS[total.qualifier], date: disclosedOn },
        { what: `Share tied to ${names.openai}`, amount: formatFigure(share), sure: QUALIFIER_WORDS[share.qualifier], date: disclosedOn },
        { what: `Amount tied to ${names.openai}`, amount: formatFigure(openai), sure: QUALIFIER_WORDS[openai.qualifier], date: disclosedOn },
        { what: 'Everything else (our subtraction)', amount: `${formatFigure(restShare)}, ${formatFigure(restFig)}`, sure: QUALIFIER_WORDS[share.qualifier], date: disclosedOn },
      ],
    },
    notYet: 'not yet disclosed',
  };
}
