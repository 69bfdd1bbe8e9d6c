// @vitest-environment node
/**
 * Chart words as content: the template module (src/lib/chart-words.ts), the loader's checks of content/charts/
 * (file, entry and field in every message), every widget's words loading and filling, and no English sentence left
 * in the widgets' TypeScript.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ChartWordsError, fill, fillFigures, placeholders, templateProblem } from '../../src/lib/chart-words';
import { loadChartWords, loadFactBase } from '../../src/lib/factbase/load';
import { getWidget } from '../../src/widgets/registry';
import { WIDGET_IDS } from '../../src/lib/widgets';
import { STYLE, layout } from '../../src/widgets/ComputeCommitments/view';
import type { ComputeData } from '../../src/widgets/ComputeCommitments/data';
import { tagWidth } from '../../src/widgets/kit/text';

const fb = loadFactBase();
const fig = (id: string) => fb.figures.find((f) => f.id === id)!;

describe('filling a template', () => {
  it('fills named values with the site formatters', () => {
    expect(fill('{from} had committed {amount} to {to}', { from: 'Microsoft', to: 'OpenAI', amount: { usd: 13e9 } })).toBe('Microsoft had committed $13 billion to OpenAI');
    expect(fill('{a|short} by {d|short|month}', { a: { usd: 11.6e9 }, d: { date: '2025-06-30' } })).toBe('$11.6B by Jun 2025');
    expect(fill('on {d}', { d: { date: '2023-01-23' } })).toBe('on January 23, 2023');
    expect(fill('in {n|words} {n|plural:round:rounds}, {m|words} {m|plural:round:rounds}', { n: 3, m: 1 })).toBe('in three rounds, one round');
    expect(fill('{x|cap}', { x: { value: 27, unit: 'percent', kind: 'share', qualifier: 'about' } })).toBe('About 27%');
  });

  it('fills figures of the fact base with their certainty, and leaves named values for later', () => {
    const f = fig('openai-share-of-rpo-2026');
    expect(fillFigures('{figure:openai-share-of-rpo-2026|cap} of it, tied to {openai}', fb.figures)).toBe(`About ${f.value}% of it, tied to {openai}`);
  });

  it('leaves a live placeholder passed in as its own name for the browser, and never fills a value twice', () => {
    expect(fill('As of {date}: {clauses}.', { date: '{date}', clauses: 'the {date} stays' })).toBe('As of {date}: the {date} stays.');
  });

  it('fails loudly on an unknown placeholder, figure or modifier, never with empty words', () => {
    expect(() => fill('{from} into {too}', { from: 'Amazon' }, 'money-flows detail.text')).toThrow('money-flows detail.text: unknown placeholder "{too}"');
    expect(() => fillFigures('{figure:no-such-figure}', fb.figures)).toThrow('unknown figure "no-such-figure"');
    expect(() => fill('{n|loud}', { n: 1 })).toThrow(ChartWordsError);
    expect(() => fill('{s|words}', { s: 'three' })).toThrow('applies to a count');
    expect(() => placeholders('a stray } brace')).toThrow('brace');
    expect(templateProblem('{from} and {figure:x}', ['from'], new Set(['y']))).toBe('unknown figure "x"');
    expect(templateProblem('{from} and {to}', ['from'])).toMatch(/^unknown placeholder "\{to\}" \(this text may use \{from\}/);
  });
});

describe("every chart's words", () => {
  const all = loadChartWords(fb);

  it('has a file for every widget, and each widget builds its words from it', () => {
    expect(Object.keys(all).sort()).toEqual([...WIDGET_IDS, 'shared'].sort());
    for (const id of WIDGET_IDS) {
      const data = getWidget(id).buildData(fb) as Record<string, unknown> & { meta: { title: string } };
      expect(data.meta.title.startsWith(all[id].title.text.split('{')[0]!), id).toBe(true);
      // Every placeholder is filled, except the chart's date, which the browser writes ({date}, {short}).
      const { words: _templates, ...built } = data;
      const left = JSON.stringify(built).match(/\{[A-Za-z][\w:|-]*\}/g)?.filter((p) => p !== '{date}' && p !== '{short}') ?? [];
      expect(left, id).toEqual([]);
    }
  });
});

describe('words drawn in a chart', () => {
  it("draws shared.yaml's reported tag in capitals, and lays it out by the width of that word", () => {
    const shared = loadChartWords(fb).shared;
    const data = getWidget('compute-commitments').buildData(fb) as ComputeData;
    expect(data.words.tag).toBe(shared.tags.reported.toUpperCase());
    const tags = (d: ComputeData) => layout(d, 640).rows.flatMap((r) => (r.tag ? [r.tag.w] : []));
    expect(tags(data).length).toBeGreaterThan(0);
    expect(new Set(tags(data))).toEqual(new Set([tagWidth(data.words.tag, STYLE.tag)]));
    const longer = { ...data, words: { ...data.words, tag: 'PRESS REPORTS ONLY' } };
    expect(Math.min(...tags(longer))).toBeGreaterThan(Math.max(...tags(data)));
  });
});

describe('a broken chart words file stops the build with file, entry and field', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A copy of content/charts with one file's text changed; the error the loader throws for it. */
  function broken(file: string, change: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'chart-words-'));
    dirs.push(dir);
    cpSync('content/charts', dir, { recursive: true });
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    expect(after, 'the change applies').not.toBe(before);
    writeFileSync(path, after);
    try {
      loadChartWords(fb, dir);
    } catch (e) {
      const shown = relative(process.cwd(), dir);
      return (e as Error).message.replace(`${shown}/`, 'content/charts/');
    }
    return 'no error';
  }

  it('names an unknown figure id', () => {
    expect(broken('money-flows.yaml', (t) => t.replace('deal by deal:', 'deal by deal {figure:x}:'))).toBe(
      'content/charts/money-flows.yaml: entry "takeaway", field "text": unknown figure "x"',
    );
  });
  it('names a placeholder the field does not offer', () => {
    expect(broken('money-flows.yaml', (t) => t.replace('"{from} had committed {amount} to {to}"', '"{form} had committed {amount} to {to}"'))).toMatch(
      /^content\/charts\/money-flows\.yaml: entry "summary", field "committed": unknown placeholder "\{form\}"/,
    );
  });
  it('names a missing entry and a missing field', () => {
    expect(broken('rpo-exposure.yaml', (t) => t.replace(/^note: >-\n(?: {2}.*\n)+/m, ''))).toMatch(/^content\/charts\/rpo-exposure\.yaml: entry "note": /);
    expect(broken('compute-commitments.yaml', (t) => t.replace(/^ {2}hint: .*\n/m, ''))).toMatch(/^content\/charts\/compute-commitments\.yaml: entry "detail", field "hint": /);
  });
  it('names a field of the wrong type, and a key no chart uses', () => {
    expect(broken('rpo-exposure.yaml', (t) => t.replace('  half: half', '  half: 3'))).toMatch(/^content\/charts\/rpo-exposure\.yaml: entry "labels", field "half": .*expected string/);
    expect(broken('money-flows.yaml', (t) => t.replace('views:\n', 'views:\n  sideways: Sideways\n'))).toBe(
      'content/charts/money-flows.yaml: entry "views", field "sideways": is not a word this chart uses (a misspelt key?)',
    );
  });
  it("names what only the chart's data can check: a key moment that changes no cell, a hint without its line", () => {
    /** The error cloud-matrix's data throws on a copy of content/charts changed by `change`. */
    const built = (change: (text: string) => string) => {
      const dir = mkdtempSync(join(tmpdir(), 'chart-words-'));
      dirs.push(dir);
      cpSync('content/charts', dir, { recursive: true });
      const path = join(dir, 'cloud-matrix.yaml');
      writeFileSync(path, change(readFileSync(path, 'utf8')));
      process.env.RESET_CHARTS_DIR = dir;
      try {
        // A copy of the fact base: chartWords() reads each fact base's words once.
        getWidget('cloud-matrix').buildData({ ...fb });
      } catch (e) {
        return (e as Error).message;
      } finally {
        delete process.env.RESET_CHARTS_DIR;
      }
      return 'no error';
    };
    expect(built((t) => t.replace('moments:\n', 'moments:\n  chatgpt-launch-2022: ChatGPT\n'))).toBe(
      'content/charts/cloud-matrix.yaml: entry "moments", field "chatgpt-launch-2022": is not an event that changes a cell of this chart',
    );
    expect(built((t) => t.replace('the {line} line marks', 'the line marks'))).toMatch(/^content\/charts\/cloud-matrix\.yaml: entry "history", field "hint": must name \{line\} once/);
  });
  it('names a missing file and malformed YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-words-'));
    dirs.push(dir);
    expect(() => loadChartWords(fb, dir)).toThrow(/money-flows\.yaml: is missing/);
    expect(broken('cloud-matrix.yaml', (t) => t.replace('title: Whose models', 'title: [Whose models'))).toMatch(/^content\/charts\/cloud-matrix\.yaml: malformed YAML at line \d+/);
  });
});

/**
 * No English sentence in the widgets' TypeScript. The heuristic: a string or template literal in src/widgets/**\/*.ts
 * that holds a run of four or more words (letters, apostrophes) separated only by spaces, template holes counting as
 * a word, is prose. Selectors, paths, ids, CSS and number formats never have such runs; messages thrown for
 * developers (`throw new Error(…)`) are not chart words and are skipped. Shorter labels ("Azure only", "2019 deal")
 * are not caught: they are moved with their entries.
 */
const PROSE = /[A-Za-z][a-z’']*(?:,?\s+(?:[A-Za-z][a-z’']*|\u0000)){3,}/;
function sentencesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isThrowStatement(node)) return;
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\u0000');
    if (text !== null && PROSE.test(text)) out.push(`${relative('.', file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.replace(/\u0000/g, '${…}')}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? tsFiles(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));

/**
 * No English in the widgets' markup (.astro, .svelte). What a reader sees or hears there is a text node or a string
 * attribute a person reads (aria-label, title, alt, placeholder, a component's label, data-asof-text); every word of
 * two letters or more in one counts, since markup holds the short labels ("Terms as of", "Show all") the sentence
 * heuristic above lets through. Frontmatter, scripts, styles, comments and `{…}` expressions (where the words from
 * content/charts/ arrive) are left out, and so are attributes a reader never meets (class, id, href, data-*).
 */
const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label', 'data-asof-text'];
/** `text` with every character of the matches of `re` made a space (newlines kept), so positions still hold. */
const blank = (text: string, re: RegExp) => text.replace(re, (m) => m.replace(/[^\n]/g, ' '));
/** `text` with each `{…}` expression (braces balanced) made spaces. */
function blankExpressions(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    out += depth > 0 && ch !== '\n' ? ' ' : ch;
    if (ch === '}' && depth > 0) depth--;
  }
  return out;
}
function wordsInMarkup(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  let text = file.endsWith('.astro') ? blank(raw, /^---\n[\s\S]*?\n---\n/) : raw;
  text = blank(text, /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g);
  text = blankExpressions(text);
  const lineOf = (i: number) => raw.slice(0, i).split('\n').length;
  const out: string[] = [];
  const word = /[A-Za-z]{2,}/;
  for (const m of text.matchAll(/>([^<>]+)</g)) if (word.test(m[1]!)) out.push(`${relative('.', file)}:${lineOf(m.index!)}: ${m[1]!.trim()}`);
  const attrs = new RegExp(`\\s(${READ_ATTRIBUTES.join('|')})="([^"]*)"`, 'g');
  for (const m of text.matchAll(attrs)) if (word.test(m[2]!)) out.push(`${relative('.', file)}:${lineOf(m.index!)}: ${m[1]}="${m[2]!.trim()}"`);
  return out;
}
const markupFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? markupFiles(join(dir, n)) : /\.(astro|svelte)$/.test(n) ? [join(dir, n)] : []));

describe('no English sentence in the widgets’ TypeScript', () => {
  it('the heuristic catches a sentence, and passes selectors, paths and labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-words-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(
      file,
      [
        "const a = `${x} had committed ${y} to ${z}`;",
        "const b = 'none of these investments had been made';",
        "const c = 'figure[data-widget] a[data-embed-link]';",
        "const d = '../../lib/factbase/schema';",
        "const e = 'Azure only';",
        "if (!ok) throw new Error(`widget ${id} is missing or does not export it`);",
      ].join('\n'),
    );
    expect(sentencesIn(file).map((s) => s.split(': ').slice(1).join(': '))).toEqual(['${…} had committed ${…} to ${…}', 'none of these investments had been made']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds none in any widget', () => {
    expect(tsFiles('src/widgets').flatMap(sentencesIn)).toEqual([]);
  });
});

describe('no English in the widgets’ markup', () => {
  it('the check catches text and read attributes, and passes expressions, code and styles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-words-'));
    const file = join(dir, 'Sample.astro');
    writeFileSync(
      file,
      [
        '---',
        "const label = 'Terms as of';",
        '---',
        '<p class="d-hint" data-hint>Tap a bar for its dates</p>',
        '<Control label="Terms as of" value={asOf} />',
        '<ul class="key" aria-label={words.label}>{items.map((i) => <li>{i.text}</li>)}</ul>',
        '<svg viewBox="0 0 10 10" aria-hidden="true"><text x="0">{words.when}</text></svg>',
        '<!-- a comment in English -->',
        '<style>.key { display: flex; }</style>',
        '<script>const sentence = "no words here count";</script>',
      ].join('\n'),
    );
    expect(wordsInMarkup(file).map((s) => s.split(': ').slice(1).join(': '))).toEqual(['Tap a bar for its dates', 'label="Terms as of"']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds none in any widget', () => {
    expect(markupFiles('src/widgets').flatMap(wordsInMarkup)).toEqual([]);
  });
});
