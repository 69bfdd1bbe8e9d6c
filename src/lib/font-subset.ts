/**
 * Which characters a font subset must keep (src/integrations/font-subset.ts): every character the built pages can
 * draw (their text, attribute values and the strings CSS `content:` inserts) plus a fixed safety set for text that
 * scripts write later (numbers, dates, what a reader types into search), limited to a face's unicode-range.
 */
import { Parser } from 'htmlparser2';

export type CodeRange = readonly [from: number, to: number];

/** A CSS `unicode-range` value (`U+0000-00FF, U+0131, U+4??`) as inclusive code point ranges. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(part);
      if (!m || (m[2] && m[1]!.includes('?'))) throw new Error(`not a unicode-range: "${part}"`);
      if (m[1]!.includes('?')) return [parseInt(m[1]!.replaceAll('?', '0'), 16), parseInt(m[1]!.replaceAll('?', 'f'), 16)] as const;
      return [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)] as const;
    });
}

export function inUnicodeRange(ranges: readonly CodeRange[], codePoint: number): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Always kept: printable ASCII and the typography the site's scripts and formats may write. */
export const SAFETY_CHARS: ReadonlySet<string> = new Set([
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCodePoint(0x20 + i)),
  ...'–—‘’“”…•·−×≈←↑→↓€£',
  '\u00a0',
  '\u202f',
]);

const fromCodePoint = (cp: number) =>
  // What a browser draws for a reference to no character: U+FFFD.
  String.fromCodePoint(cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);

/** Decodes CSS escapes (`\2937 `, `\"`, a backslash before a newline). */
function decodeCssEscapes(text: string): string {
  return text.replace(/\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/gi, (_, hex?: string, newline?: string, char?: string) =>
    hex ? fromCodePoint(parseInt(hex, 16)) : newline ? '' : char!,
  );
}

const CSS_STRING = /"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'/g;

/** The characters the strings of a stylesheet's `content:` declarations insert. */
export function cssContentChars(css: string, into = new Set<string>()): Set<string> {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // `content` as a property, not the end of `align-content` and the like.
  const declarations = /(?<![\w-])content\s*:((?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|[^;}"'])*)/gi;
  for (const [, value] of noComments.matchAll(declarations)) {
    for (const [, double, single] of value!.matchAll(CSS_STRING)) {
      for (const ch of decodeCssEscapes(double ?? single ?? '')) into.add(ch);
    }
  }
  return into;
}

/**
 * The characters an HTML page can draw: its text and attribute values (htmlparser2 decodes the references) and the
 * `content:` strings of its inline stylesheets. What scripts say, comments and the doctype are not drawn.
 */
export function htmlChars(html: string, into = new Set<string>()): Set<string> {
  const add = (text: string) => {
    for (const ch of text) into.add(ch);
  };
  let inScript = false;
  let css: string | null = null;
  const parser = new Parser(
    {
      onopentagname: (name) => {
        if (name === 'script') inScript = true;
        if (name === 'style') css = '';
      },
      onattribute: (_, value) => add(value),
      ontext: (text) => {
        if (css !== null) css += text;
        else if (!inScript) add(text);
      },
      onclosetag: (name) => {
        if (name === 'script') inScript = false;
        if (name === 'style' && css !== null) {
          cssContentChars(css, into);
          css = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return into;
}

/** The characters to keep in a face: those given plus the safety set, inside its unicode-range, by code point. */
export function subsetText(chars: Iterable<string>, unicodeRange: string): string {
  const ranges = parseUnicodeRange(unicodeRange);
  return [...new Set([...chars, ...SAFETY_CHARS])]
    .map((ch) => ch.codePointAt(0)!)
    .filter((cp) => inUnicodeRange(ranges, cp))
    .sort((a, b) => a - b)
    .map((cp) => String.fromCodePoint(cp))
    .join('');
}
