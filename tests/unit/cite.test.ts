// Citation formatting against examples written out by hand from the style guides (APA 7 web page with a group
// author and a retrieval date; MLA 9 web page; Chicago 17 notes-bibliography, web page; biblatex @online).
import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, chicagoNote, citeAll, formatCiteDate, mla, texEscape, titleCase, todayIso, type CiteInput } from '../../src/lib/cite';

const chapter: CiteInput = {
  kind: 'chapter',
  title: 'Five days in November',
  url: 'https://example.org/chapters/five-days-in-november/',
  updated: '2026-11-26',
  accessed: '2026-12-03',
  author: 'The Reset graphics desk',
  siteName: 'The Reset',
  key: 'five-days-in-november',
};

const chart: CiteInput = {
  ...chapter,
  kind: 'chart',
  title: 'Money in & out of OpenAI, 2019–2026',
  url: 'https://example.org/charts/#chart-money-flows',
  key: 'money-flows',
};

const question: CiteInput = { ...chapter, title: 'Who comes out ahead?', url: 'https://example.org/chapters/who-comes-out-ahead/', key: 'who-comes-out-ahead' };

describe('APA 7', () => {
  it('cites a chapter as a web page with a group author and a retrieval date', () => {
    expect(apa(chapter).text).toBe(
      'The Reset graphics desk. (2026, November 26). Five days in November. The Reset. Retrieved December 3, 2026, from https://example.org/chapters/five-days-in-november/',
    );
  });
  it('cites a chart with a bracketed description after the italic title', () => {
    expect(apa(chart).text).toBe(
      'The Reset graphics desk. (2026, November 26). Money in & out of OpenAI, 2019–2026 [Interactive chart]. The Reset. Retrieved December 3, 2026, from https://example.org/charts/#chart-money-flows',
    );
  });
  it('adds no period after a title ending in a question mark', () => {
    expect(apa(question).text).toBe(
      'The Reset graphics desk. (2026, November 26). Who comes out ahead? The Reset. Retrieved December 3, 2026, from https://example.org/chapters/who-comes-out-ahead/',
    );
  });
  it('italicises the title and marks the access date in HTML, escaping markup', () => {
    expect(apa(chapter).html).toBe(
      'The Reset graphics desk. (2026, November 26). <i>Five days in November.</i> The Reset. Retrieved <span data-cite-accessed="long">December 3, 2026</span>, from https://example.org/chapters/five-days-in-november/',
    );
    expect(apa(chart).html).toContain('<i>Money in &amp; out of OpenAI, 2019–2026</i> [Interactive chart]');
  });
});

describe('MLA 9', () => {
  it('cites a chapter: title case in quotes, italic site, abbreviated months, no scheme, access date', () => {
    expect(mla(chapter).text).toBe(
      'The Reset graphics desk. "Five Days in November." The Reset, 26 Nov. 2026, example.org/chapters/five-days-in-november/. Accessed 3 Dec. 2026.',
    );
    expect(mla(chapter).html).toContain('<i>The Reset</i>, 26 Nov. 2026');
  });
  it('cites a chart with a description of the type of work', () => {
    expect(mla(chart).text).toBe(
      'The Reset graphics desk. "Money in & Out of OpenAI, 2019–2026." The Reset, 26 Nov. 2026, example.org/charts/#chart-money-flows. Interactive chart. Accessed 3 Dec. 2026.',
    );
  });
  it('keeps a question mark inside the quotes without a period', () => {
    expect(mla(question).text).toBe(
      'The Reset graphics desk. "Who Comes Out Ahead?" The Reset, 26 Nov. 2026, example.org/chapters/who-comes-out-ahead/. Accessed 3 Dec. 2026.',
    );
  });
});

describe('Chicago 17, notes and bibliography', () => {
  it('bibliography entry for a chapter', () => {
    expect(chicago(chapter).text).toBe(
      'The Reset graphics desk. "Five Days in November." The Reset. Last modified November 26, 2026. Accessed December 3, 2026. https://example.org/chapters/five-days-in-november/.',
    );
  });
  it('bibliography entry for a chart', () => {
    expect(chicago(chart).text).toBe(
      'The Reset graphics desk. "Money in & Out of OpenAI, 2019–2026." Interactive chart. The Reset. Last modified November 26, 2026. Accessed December 3, 2026. https://example.org/charts/#chart-money-flows.',
    );
  });
  it('note form', () => {
    expect(chicagoNote(chapter).text).toBe(
      'The Reset graphics desk, "Five Days in November," The Reset, last modified November 26, 2026, accessed December 3, 2026, https://example.org/chapters/five-days-in-november/.',
    );
    expect(chicagoNote(chart).text).toBe(
      'The Reset graphics desk, "Money in & Out of OpenAI, 2019–2026," interactive chart, The Reset, last modified November 26, 2026, accessed December 3, 2026, https://example.org/charts/#chart-money-flows.',
    );
  });
});

describe('BibTeX (biblatex @online)', () => {
  it('a chapter', () => {
    expect(bibtex(chapter).text).toBe(
      [
        '@online{thereset-five-days-in-november-2026,',
        '  author = {{The Reset graphics desk}},',
        '  title = {{Five days in November}},',
        '  organization = {The Reset},',
        '  date = {2026-11-26},',
        '  url = {https://example.org/chapters/five-days-in-november/},',
        '  urldate = {2026-12-03},',
        '}',
      ].join('\n'),
    );
  });
  it('a chart, escaping TeX specials and writing the en dash as --', () => {
    expect(bibtex(chart).text).toBe(
      [
        '@online{thereset-chart-money-flows-2026,',
        '  author = {{The Reset graphics desk}},',
        '  title = {{Money in \\& out of OpenAI, 2019--2026}},',
        '  organization = {The Reset},',
        '  note = {Interactive chart},',
        '  date = {2026-11-26},',
        '  url = {https://example.org/charts/#chart-money-flows},',
        '  urldate = {2026-12-03},',
        '}',
      ].join('\n'),
    );
  });
  it('escapes every TeX special character', () => {
    expect(texEscape('50% of $10 #1 a_b {x} ~ ^ \\ — “q”')).toBe(
      "50\\% of \\$10 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} --- ``q''",
    );
  });
});

describe('helpers', () => {
  it('title case raises only what the styles raise', () => {
    expect(titleCase('the bet')).toBe('The Bet');
    expect(titleCase('All in')).toBe('All In');
    expect(titleCase('Outgrowing one cloud')).toBe('Outgrowing One Cloud');
    expect(titleCase('Amazon moves in')).toBe('Amazon Moves In');
    expect(titleCase('OpenAI and AWS: a deal for the ages')).toBe('OpenAI and AWS: A Deal for the Ages');
    expect(titleCase('an up-to-date view of RPO')).toBe('An Up-to-Date View of RPO');
    expect(titleCase('who could do what, 2019–2026')).toBe('Who Could Do What, 2019–2026');
  });
  it('formats dates for each style', () => {
    expect(formatCiteDate('2026-06-01', 'long')).toBe('June 1, 2026');
    expect(formatCiteDate('2026-06-01', 'mla')).toBe('1 June 2026');
    expect(formatCiteDate('2026-09-15', 'mla')).toBe('15 Sept. 2026');
    expect(formatCiteDate('2026-05-04', 'mla')).toBe('4 May 2026');
    expect(formatCiteDate('2026-09-15', 'iso')).toBe('2026-09-15');
  });
  it('today is the local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('gives the four styles in order, each with the access date marked once', () => {
    const all = citeAll(chapter);
    expect(all.map((c) => c.label)).toEqual(['APA', 'MLA', 'Chicago', 'BibTeX']);
    for (const c of all) expect(c.html.match(/data-cite-accessed/g)).toHaveLength(1);
  });
});
