/**
 * How to cite a chapter or a chart of this site, in APA 7, MLA 9, Chicago 17 (notes and bibliography) and
 * BibTeX (biblatex @online). Pure: the pages render these at build time, and the chart frame's "Cite" panel
 * builds them in the browser when a reader opens it.
 *
 * Each style comes as plain text (what the copy button copies) and as HTML, where italics are <i> and the access
 * date is wrapped in <span data-cite-accessed="…"> so a script can set it to the reader's own day.
 */

import { MONTHS, formatCiteDate, type DateFormat } from './cite-date';

export type CiteStyle = 'apa' | 'mla' | 'chicago' | 'bibtex';
export const CITE_STYLES: readonly CiteStyle[] = ['apa', 'mla', 'chicago', 'bibtex'];
export const CITE_LABELS: Record<CiteStyle, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago', bibtex: 'BibTeX' };

export interface CiteInput {
  /** A chapter is a web page; a chart is cited as an interactive chart on that site. */
  kind: 'chapter' | 'chart';
  /** As the site prints it. APA keeps it as written; MLA and Chicago put it in title case. */
  title: string;
  /** Absolute, stable URL. */
  url: string;
  /** Date last updated, YYYY-MM-DD. */
  updated: string;
  /** Date the reader accessed it, YYYY-MM-DD. */
  accessed: string;
  /** The organisation credited as author. */
  author: string;
  siteName: string;
  /** Base of the BibTeX key, e.g. the chapter slug or the widget id. */
  key: string;
}

export interface Citation {
  style: CiteStyle;
  label: string;
  text: string;
  html: string;
}

export type { DateFormat } from './cite-date';
export { formatCiteDate, todayIso } from './cite-date';

// Words MLA and Chicago leave in lower case inside a title: articles, coordinating conjunctions, prepositions.
const MINOR = new Set(
  'a an the and but or nor for so yet as at by from in into of on onto per than to via vs with'.split(' '),
);

/**
 * Title case for MLA and Chicago. Only ever raises a first letter: words with capitals or digits inside
 * (OpenAI, AWS, 2019–2026) are left as they are, and minor words stay lower case unless first, last or after a colon.
 */
export function titleCase(title: string): string {
  const words = title.split(' ');
  return words
    .map((w, i) => {
      const first = i === 0 || /[:?!—]$/.test(words[i - 1] ?? '');
      const last = i === words.length - 1;
      const parts = w.split('-');
      return parts
        .map((part, j) => {
          const core = part.replace(/^[^A-Za-z]+/, '');
          if (!core || /[A-Z0-9]/.test(core)) return part;
          const edge = (first && j === 0) || (last && j === parts.length - 1);
          if (!edge && MINOR.has(core.toLowerCase().replace(/[^a-z]/g, ''))) return part;
          const lead = part.length - core.length;
          return part.slice(0, lead) + core[0]!.toUpperCase() + core.slice(1);
        })
        .join('-');
    })
    .join(' ');
}

// A citation is a list of pieces: plain text, italic text, or the access date.
type Piece = string | { i: string } | { accessed: DateFormat };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function build(style: CiteStyle, pieces: Piece[], accessed: string): Citation {
  let text = '';
  let html = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      text += p;
      html += escapeHtml(p);
    } else if ('i' in p) {
      text += p.i;
      html += `<i>${escapeHtml(p.i)}</i>`;
    } else {
      const d = formatCiteDate(accessed, p.accessed);
      text += d;
      html += `<span data-cite-accessed="${p.accessed}">${d}</span>`;
    }
  }
  return { style, label: CITE_LABELS[style], text, html };
}

/** A title followed by a period, unless it already ends in a mark of its own. */
const closed = (title: string) => (/[.?!]$/.test(title) ? title : `${title}.`);

export function apa(c: CiteInput): Citation {
  const [y, m, d] = c.updated.split('-').map(Number) as [number, number, number];
  const date = `(${y}, ${MONTHS[m - 1]} ${d}). `;
  const title: Piece[] = c.kind === 'chart' ? [{ i: c.title }, ' [Interactive chart]. '] : [{ i: closed(c.title) }, ' '];
  return build('apa', [`${closed(c.author)} `, date, ...title, `${closed(c.siteName)} Retrieved `, { accessed: 'long' }, `, from ${c.url}`], c.accessed);
}

/** MLA 9 leaves out the scheme: "example.org/chapters/the-bet/". */
const bareUrl = (url: string) => url.replace(/^https?:\/\//, '');

export function mla(c: CiteInput): Citation {
  const title = titleCase(c.title);
  const quoted = /[.?!]$/.test(title) ? `"${title}" ` : `"${title}." `;
  const what = c.kind === 'chart' ? ' Interactive chart.' : '';
  return build(
    'mla',
    [`${closed(c.author)} `, quoted, { i: c.siteName }, `, ${formatCiteDate(c.updated, 'mla')}, ${bareUrl(c.url)}.${what} Accessed `, { accessed: 'mla' }, '.'],
    c.accessed,
  );
}

/** Chicago bibliography entry. */
export function chicago(c: CiteInput): Citation {
  const title = titleCase(c.title);
  const quoted = /[.?!]$/.test(title) ? `"${title}" ` : `"${title}." `;
  const what = c.kind === 'chart' ? 'Interactive chart. ' : '';
  return build(
    'chicago',
    [`${closed(c.author)} `, quoted, what, `${closed(c.siteName)} Last modified ${formatCiteDate(c.updated, 'long')}. Accessed `, { accessed: 'long' }, `. ${c.url}.`],
    c.accessed,
  );
}

/** Chicago note (the footnote form; the writer adds the number). */
export function chicagoNote(c: CiteInput): Citation {
  const title = titleCase(c.title);
  const quoted = /[.?!]$/.test(title) ? `"${title}" ` : `"${title}," `;
  const what = c.kind === 'chart' ? 'interactive chart, ' : '';
  return build(
    'chicago',
    [`${c.author}, `, quoted, what, `${c.siteName}, last modified ${formatCiteDate(c.updated, 'long')}, accessed `, { accessed: 'long' }, `, ${c.url}.`],
    c.accessed,
  );
}

/** Escapes LaTeX's special characters and writes dashes the TeX way. */
const TEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '—': '---',
  '–': '--',
  '‘': "'",
  '’': "'",
  '“': '``',
  '”': "''",
};
export function texEscape(s: string): string {
  return s.replace(/[\\~^—–‘’“”&%$#_{}]/g, (ch) => TEX[ch] ?? `\\${ch}`);
}

export function bibtexKey(c: Pick<CiteInput, 'kind' | 'key' | 'updated'>): string {
  return `thereset-${c.kind === 'chart' ? 'chart-' : ''}${c.key}-${c.updated.slice(0, 4)}`;
}

/** biblatex @online; the double braces keep the title's capitals and the organisation's name whole. */
export function bibtex(c: CiteInput): Citation {
  const fields: Piece[][] = [
    [`  author = {{${texEscape(c.author)}}},\n`],
    [`  title = {{${texEscape(c.title)}}},\n`],
    [`  organization = {${texEscape(c.siteName)}},\n`],
    ...(c.kind === 'chart' ? [[`  note = {Interactive chart},\n`]] : []),
    [`  date = {${c.updated}},\n`],
    [`  url = {${c.url}},\n`],
    ['  urldate = {', { accessed: 'iso' as const }, '},\n'],
  ];
  return build('bibtex', [`@online{${bibtexKey(c)},\n`, ...fields.flat(), '}'], c.accessed);
}

/** The four styles the site offers, in the order it shows them. */
export function citeAll(c: CiteInput): Citation[] {
  return [apa(c), mla(c), chicago(c), bibtex(c)];
}

/**
 * The four citations as HTML: a label, a copy button (hidden until a script can copy) and the text, for each style.
 * The same markup on chapter pages (rendered at build) and in a chart's Cite panel (built in the browser).
 */
export function citeListHtml(citations: Citation[], prefix: string): string {
  const items = citations
    .map((c) => {
      const id = `${prefix}-${c.style}`;
      const body = c.style === 'bibtex' ? `<pre class="cite-text cite-bib" id="${id}">${c.html}</pre>` : `<p class="cite-text" id="${id}">${c.html}</p>`;
      return `<div class="cite-item" data-cite-style="${c.style}"><div class="cite-head"><span class="cite-label">${c.label}</span><button type="button" class="cite-copy" data-cite-copy="${id}" hidden>Copy<span class="visually-hidden"> ${c.label} citation</span></button></div>${body}</div>`;
    })
    .join('');
  return `<div class="cite-list">${items}<p class="cite-status" role="status" aria-live="polite"></p></div>`;
}
