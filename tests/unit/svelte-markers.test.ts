import { describe, expect, it } from 'vitest';
import { hasSvelteMarkers, stripSvelteMarkers } from '../../src/lib/svelte-markers';

describe('stripSvelteMarkers', () => {
  it("removes every kind of Svelte hydration comment from markup", () => {
    const html = '<figure><!--[--><svg><!--[-1--><g></g><!--]--><!--[0--><text>a</text><!--]--></svg><!----><!--$s21-s1--><p>b</p><!--]--></figure>';
    const { html: out, removed } = stripSvelteMarkers(html);
    expect(out).toBe('<figure><svg><g></g><text>a</text></svg><p>b</p></figure>');
    expect(removed).toBe(8);
  });

  it('leaves scripts, styles and text areas as written, and other comments alone', () => {
    const script = '<script type="application/json">{"html":"<!--[--><b>x</b><!--]-->"}</script>';
    const style = '<style>/* <!--[--> */ p{}</style>';
    const area = '<textarea><!--[--></textarea>';
    const html = `<p><!--[-->a</p>${script}<p>b<!--]--></p>${style}${area}<!-- a note -->`;
    expect(stripSvelteMarkers(html).html).toBe(`<p>a</p>${script}<p>b</p>${style}${area}<!-- a note -->`);
  });

  it('says whether a page still has markers', () => {
    expect(hasSvelteMarkers('<p><!----></p>')).toBe(true);
    expect(hasSvelteMarkers('<p>none</p><script>"<!--[-->"</script>')).toBe(false);
  });
});
