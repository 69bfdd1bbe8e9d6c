import { describe, expect, it } from 'vitest';
import { cssContentChars, htmlChars, inUnicodeRange, parseUnicodeRange, SAFETY_CHARS, subsetText } from '../../src/lib/font-subset';
import { LATIN } from '../../src/lib/fonts';

const sorted = (chars: Set<string>) => [...chars].sort().join('');

describe('parseUnicodeRange', () => {
  it('reads single code points, spans and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,u+4??')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]]);
  });

  it("reads fontsource's Latin ranges", () => {
    const latin = parseUnicodeRange(LATIN);
    expect(inUnicodeRange(latin, 'é'.codePointAt(0)!)).toBe(true);
    expect(inUnicodeRange(latin, 0x2212)).toBe(true); // −
    expect(inUnicodeRange(latin, 0x2192)).toBe(false); // → is not Latin: Inter's face adds the arrows
    expect(inUnicodeRange(latin, 0x0142)).toBe(false); // ł is Latin Extended
  });

  it('refuses what is not a range', () => {
    expect(() => parseUnicodeRange('U+00-ZZ')).toThrow(/U\+00-ZZ/);
    expect(() => parseUnicodeRange('0041')).toThrow();
  });
});

describe('htmlChars', () => {
  it('collects text and attribute values, not scripts or styles', () => {
    const html =
      '<!doctype html><html lang="en"><head><title>Ω</title><script>const s = "ж";</script><style>p{color:red} /* ⅓ */</style></head>' +
      '<body><p title="Café ½" data-x=\'ü\'>Tom &amp; Jerry &#8594; ok</p><!-- ¿ --><svg><text>¼</text></svg><img alt=ñ></body></html>';
    const chars = htmlChars(html);
    for (const ch of 'Ω Café½üTom&Jerry→¼ñ') expect(chars, ch).toContain(ch);
    for (const ch of 'ж⅓¿') expect(chars, ch).not.toContain(ch);
  });

  it('decodes numeric and named character references', () => {
    expect(sorted(htmlChars('<p>&amp;&#8594;&#x2191;&nbsp;&eacute;&mdash;&#39;&quot;</p>'))).toBe('"&\'\u00a0é—↑→');
  });

  it("collects the strings inline stylesheets insert with content:", () => {
    expect(sorted(htmlChars('<style>a::after{content:" (" attr(href) ")"}</style><p>x</p>'))).toBe(' ()x');
  });

  it('reads a ">" inside a quoted attribute value as part of the value', () => {
    expect(sorted(htmlChars('<a title="a > b ÷">z</a>'))).toBe(' >abz÷');
  });
});

describe('cssContentChars', () => {
  it('decodes escapes in content strings and ignores other properties', () => {
    const css = '.a::before{content:"\\2937  "}.b{justify-content:"é";align-content:center}.c::after{content:\'\\"·\'} /* content:"ß" */';
    expect(sorted(cssContentChars(css))).toBe(' "·⤷');
  });
});

describe('subsetText', () => {
  it('keeps the safety set for text scripts write later, in code point order', () => {
    for (const ch of '09azAZ$%–—‘’“”…•·−×€£\u00a0') expect(SAFETY_CHARS).toContain(ch);
    const text = subsetText([], LATIN);
    expect(text.startsWith(' !"#$')).toBe(true);
    expect([...text].map((c) => c.codePointAt(0)!)).toEqual([...text].map((c) => c.codePointAt(0)!).sort((a, b) => a - b));
  });

  it("adds the site's characters that lie in the face's range, and only those", () => {
    const text = subsetText(new Set(['é', 'ł', '→', '↑', 'é']), LATIN);
    expect(text).toContain('é');
    expect(text).toContain('↑');
    expect(text).not.toContain('ł'); // outside the Latin range: the file has no glyph for it
    expect(text).not.toContain('→');
    expect(text.match(/é/g)).toHaveLength(1);
  });
});
