// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findUnknownIds } from '../../src/lib/mdx/remark-fact-ids';
import remarkScrolly from '../../src/lib/mdx/remark-scrolly';
import rehypeParagraphIds from '../../src/lib/mdx/rehype-paragraph-ids';
import { chapterRefs, readingMinutes } from '../../src/lib/chapter-refs';

type N = { type: string; name?: string; attributes?: { type: string; name: string; value: string }[]; children?: N[]; tagName?: string; properties?: Record<string, unknown> };
const jsx = (name: string, attrs: Record<string, string>, children: N[] = []): N => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attrs).map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: v })),
  children,
});
const attr = (n: N, k: string) => n.attributes?.find((a) => a.name === k)?.value;

describe('remark-fact-ids', () => {
  it('finds unknown figure, quote and glossary ids, and missing ids', () => {
    const tree: N = { type: 'root', children: [jsx('Fact', { id: 'known' }), jsx('Fact', { id: 'nope' }), jsx('Quote', { id: 'q-x' }), jsx('Term', {}), jsx('Other', { id: 'x' })] };
    const known = { figures: new Set(['known']), quotes: new Set<string>(), glossary: new Set<string>() };
    expect(findUnknownIds(tree as never, known)).toEqual([
      { component: 'Fact', id: 'nope' },
      { component: 'Quote', id: 'q-x' },
      { component: 'Term', id: '(missing id)' },
    ]);
  });
});

describe('remark-scrolly', () => {
  it('numbers steps through the chapter and gives each sequence its final state and widget', () => {
    const s1 = jsx('Scrolly', { widget: 'money-flows' }, [jsx('Step', { asOf: '2019-07-22' }), jsx('Step', { asOf: '2023-01-23', highlight: 'openai' })]);
    const s2 = jsx('Scrolly', { widget: 'terms-timeline' }, [jsx('Step', { asOf: '2025-01-21', highlight: 'microsoft' })]);
    remarkScrolly()({ type: 'root', children: [s1, s2] } as never);
    expect(s1.children!.map((s) => attr(s, 'n'))).toEqual(['1', '2']);
    expect(attr(s2.children![0]!, 'n')).toBe('3');
    expect([attr(s1, 'firstStep'), attr(s1, 'finalAsOf'), attr(s1, 'finalHighlight')]).toEqual(['1', '2023-01-23', 'openai']);
    expect([attr(s2, 'firstStep'), attr(s2.children![0]!, 'widget')]).toEqual(['3', 'terms-timeline']);
  });
});

describe('rehype-paragraph-ids', () => {
  it('numbers paragraphs in order and keeps existing ids', () => {
    const p = (id?: string): N => ({ type: 'element', tagName: 'p', properties: id ? { id } : {}, children: [] });
    const tree: N = { type: 'root', children: [p(), { type: 'element', tagName: 'div', properties: {}, children: [p(), p('keep')] }, p()] };
    rehypeParagraphIds()(tree as never);
    const ids: unknown[] = [];
    const walk = (n: N) => { if (n.tagName === 'p') ids.push(n.properties!.id); n.children?.forEach(walk); };
    walk(tree);
    expect(ids).toEqual(['p-1', 'p-2', 'keep', 'p-3']);
  });
  it("marks each prose paragraph with the address its link copies: a step's first paragraph the step's", () => {
    const p = (): N => ({ type: 'element', tagName: 'p', properties: {}, children: [] });
    const tree: N = {
      type: 'root',
      children: [p(), jsx('Scrolly', { widget: 'money-flows' }, [jsx('Step', { n: '3' }, [p(), p()]), jsx('Step', { n: '4' }, [p()])]), jsx('Quote', { id: 'q' }, [p()]), p()],
    };
    rehypeParagraphIds()(tree as never);
    const marks: [unknown, unknown][] = [];
    const walk = (n: N) => { if (n.tagName === 'p') marks.push([n.properties!.id, n.properties!.dataLinkTo]); n.children?.forEach(walk); };
    walk(tree);
    expect(marks).toEqual([['p-1', 'p-1'], ['p-2', 'step-3'], ['p-3', 'p-3'], ['p-4', 'step-4'], ['p-5', undefined], ['p-6', 'p-6']]);
  });
});

describe('chapter refs', () => {
  it('lists cited figures, quotes and terms once each', () => {
    const body = 'A <Fact id="a" /> and <Fact id="b" bare /> then <Fact id="a"/>. <Quote id="q" block /> <Term id="t">x</Term>';
    expect(chapterRefs(body)).toEqual({ figures: ['a', 'b'], quotes: ['q'], terms: ['t'] });
  });
  it('estimates reading time from prose only', () => {
    expect(readingMinutes(`import X from 'y';\n${'word '.repeat(460)}<Fact id="a" />`)).toBe(2);
  });
});
