// @vitest-environment node
// The merged data table (src/widgets/shared/span-table.ts, DataTable.svelte): on any date it shows exactly the table
// the chart used to write for that date's span, header and rows in order, for every span of every widget.
import { describe, expect, it, vi } from 'vitest';
// vitest.config's svelteTesting() resolves `svelte` to its browser build; a server render needs the server one.
// @ts-expect-error -- svelte's server entries have no declaration files of their own
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-server.js'));
import { render } from 'svelte/server';
// @ts-expect-error -- jsdom ships no declaration file (a DOM for the browser side, in this node environment)
import { JSDOM } from 'jsdom';
import { loadFactBase } from '../../../src/lib/factbase/load';
import { phaseOf, span } from '../../../src/widgets/shared/live';
import { spanTables, type TableForSpan } from '../../../src/widgets/shared/span-table';
import DataTable from '../../../src/widgets/shared/DataTable.svelte';
import * as cloud from '../../../src/widgets/CloudMatrix/data';
import * as cloudView from '../../../src/widgets/CloudMatrix/view';
import * as compute from '../../../src/widgets/ComputeCommitments/data';
import * as computeView from '../../../src/widgets/ComputeCommitments/view';
import * as money from '../../../src/widgets/MoneyFlows/data';
import * as moneyView from '../../../src/widgets/MoneyFlows/view';
import * as rpo from '../../../src/widgets/RpoExposure/data';
import * as rpoView from '../../../src/widgets/RpoExposure/view';
import * as terms from '../../../src/widgets/TermsTimeline/data';
import * as termsView from '../../../src/widgets/TermsTimeline/view';
import * as timeline from '../../../src/widgets/Timeline/data';
import * as timelineView from '../../../src/widgets/Timeline/view';

const fb = loadFactBase();
const perSpan: Record<string, TableForSpan[]> = (() => {
  const c = compute.widget.buildData(fb);
  const m = money.widget.buildData(fb);
  const t = terms.widget.buildData(fb);
  return {
    'cloud-matrix': cloudView.tables(cloud.widget.buildData(fb)),
    'compute-commitments': computeView.tables(c, c.meta.defaultAsOf),
    'money-flows': moneyView.tables(m, m.meta.defaultAsOf),
    'rpo-exposure': rpoView.tables(rpo.widget.buildData(fb)),
    'terms-timeline': termsView.tables(t, t.meta.defaultAsOf),
    timeline: timelineView.tables(timeline.widget.buildData(fb)),
  };
})();

/** A date inside a span: its first day, or the day before it ends, or any day when it is open at both ends. */
function dateIn(s: string): string {
  const [from, until] = s.split(' ');
  if (from) return from;
  if (!until) return '2026-01-01';
  return new Date(Date.parse(`${until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const hidden = (el: Element) => ['before', 'after'].includes(el.getAttribute('data-phase') ?? '');
const shown = (els: Iterable<Element>) => [...els].filter((el) => !hidden(el) && !el.closest('.w-when[data-phase="before"], .w-when[data-phase="after"]'));

/** What a reader sees of the merged tables on a date: the header and the rows, as text. */
function seenOn(tables: TableForSpan[], date: string) {
  const html = spanTables(tables)
    .map((t) => {
      return `<div class="w-when" data-phase="${phaseOf(t.span, date)}">${render(DataTable, { props: { label: 'Data: T', caption: 'T: the data drawn', table: t, asOf: date } }).body}</div>`;
    })
    .join('');
  const doc = new JSDOM(`<details class="w-data">${html}</details>`).window.document as Document;
  return shown(doc.querySelectorAll('table')).map((tb) => ({
    head: shown(tb.querySelectorAll('th')).map((th) => th.textContent),
    rows: shown(tb.querySelectorAll('tbody tr')).map((tr) => shown(tr.querySelectorAll('td')).map((td) => td.textContent)),
  }));
}

describe('the merged data table', () => {
  for (const [id, tables] of Object.entries(perSpan)) {
    it(`${id}: one table that shows exactly the rows of each span's own table (${tables.length} spans)`, () => {
      expect(spanTables(tables)).toHaveLength(1);
      for (const t of tables) {
        const date = dateIn(t.span);
        expect(seenOn(tables, date), `${id} on ${date}`).toEqual([
          { head: t.table.columns.map((c) => c.label), rows: t.table.rows.map((r) => t.table.columns.map((c) => r[c.key] ?? '')) },
        ]);
      }
    });
  }

  it('writes a row once per unbroken run of spans that has it, and a cell or header once per wording', () => {
    const cols = (label: string) => [{ key: 'a', label }];
    const merged = spanTables([
      { span: span(null, '2020'), table: { columns: cols('Then'), rows: [{ a: 'x' }, { a: 'y' }] } },
      { span: span('2020', '2021'), table: { columns: cols('Then'), rows: [{ a: 'x' }, { a: 'z' }] } },
      { span: span('2021', null), table: { columns: cols('Now'), rows: [{ a: 'x' }] } },
    ]);
    expect(merged).toEqual([
      {
        span: ' ',
        columns: [{ key: 'a', heads: [{ label: 'Then', span: ' 2021' }, { label: 'Now', span: '2021 ' }] }],
        rows: [
          { cells: { a: [{ text: 'x' }] } },
          { cells: { a: [{ text: 'y', span: ' 2020' }, { text: 'z', span: '2020 2021' }] }, span: ' 2021' },
        ],
      },
    ]);
  });

  it('starts another table where the columns change', () => {
    const split = [
      { span: span(null, '2020'), table: { columns: [{ key: 'a', label: 'A' }], rows: [{ a: '1' }] } },
      { span: span('2020', null), table: { columns: [{ key: 'b', label: 'B' }], rows: [{ b: '2' }] } },
    ];
    expect(spanTables(split).map((t) => t.span)).toEqual([' 2020', '2020 ']);
    expect(seenOn(split, '2020-06-01')).toEqual([{ head: ['B'], rows: [['2']] }]);
  });
});
