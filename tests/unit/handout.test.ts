// The handout's unrolling of scroll sequences (src/lib/handout.ts): each step wrapped in a figure with its chart.
import { describe, expect, it } from 'vitest';
import { blocksByAttr, closingDivEnd, interleaveSteps, removeDivsByClass, scopeIds } from '../../src/lib/handout';

const CHAPTER = [
  '<p id="p-1">Intro</p>',
  '<section class="scrolly" data-scrolly><div class="scrolly-graphic"><div>chart</div></div><div class="scrolly-steps">',
  '<div class="step" id="step-1" data-step data-as-of="2019-07-22"><p id="p-2">One <span>x</span></p><div class="inner">nested</div></div>',
  '<div class="step" id="step-2" data-step data-as-of="2022-12-31"><p id="p-3">Two</p></div>',
  '</div></section>',
  '<p id="p-4">After</p>',
].join('');

describe('closingDivEnd', () => {
  it('finds the matching close across nested divs', () => {
    const start = CHAPTER.indexOf('<div class="step" id="step-1"');
    expect(CHAPTER.slice(start, closingDivEnd(CHAPTER, start)).endsWith('nested</div></div>')).toBe(true);
    expect(closingDivEnd('<div><div></div>', 0)).toBe(-1);
  });
});

describe('blocksByAttr', () => {
  it('cuts out each marked block', () => {
    const figs = blocksByAttr('<div data-fig="1"><figure>a</figure></div><div data-fig="2"><div>b</div></div>', 'data-fig');
    expect([...figs.keys()]).toEqual(['1', '2']);
    expect(figs.get('2')).toBe('<div data-fig="2"><div>b</div></div>');
  });
});

describe('interleaveSteps', () => {
  it('wraps every step in a figure with its chart first and the step as caption', () => {
    const { html, steps } = interleaveSteps(CHAPTER, (n) => `<figure data-widget="w">chart ${n}</figure>`);
    expect(steps).toEqual([1, 2]);
    expect(html).toContain(
      '<figure class="handout-step" data-handout-step="1"><figure data-widget="w">chart 1</figure><figcaption class="handout-caption"><span class="handout-step-no">Step 1</span><div class="step" id="step-1"',
    );
    expect(html).toContain('nested</div></div></figcaption></figure><figure class="handout-step" data-handout-step="2">');
    expect(html.startsWith('<p id="p-1">Intro</p>')).toBe(true);
    expect(html.endsWith('</div></section><p id="p-4">After</p>')).toBe(true);
  });
  it('fails when a step has no figure', () => {
    expect(() => interleaveSteps(CHAPTER, (n) => (n === 1 ? 'x' : undefined))).toThrow('step-2: no figure rendered for it');
  });
  it('leaves a chapter without steps alone', () => {
    expect(interleaveSteps('<p>Only prose</p>', () => 'x')).toEqual({ html: '<p>Only prose</p>', steps: [] });
  });
});

describe('removeDivsByClass', () => {
  it('drops the sticky charts, nested content and all, and nothing else', () => {
    const out = removeDivsByClass(CHAPTER.replace('class="scrolly-graphic"', 'class="scrolly-graphic" data-astro-cid-x'), 'scrolly-graphic');
    expect(out).not.toContain('chart</div>');
    expect(out).toContain('<section class="scrolly" data-scrolly><div class="scrolly-steps">');
    expect(out).toContain('id="step-2"');
    expect(removeDivsByClass('<div class="scrolly-graphics">x</div>', 'scrolly-graphic')).toBe('<div class="scrolly-graphics">x</div>');
  });
});

describe('scopeIds', () => {
  it('prefixes ids and every reference to them, and nothing else', () => {
    const chart =
      '<figure aria-labelledby="s1-title" aria-describedby="s1-sum other"><p id="s1-title">T</p><svg><linearGradient id="fz-a"></linearGradient>' +
      '<rect fill="url(#fz-a)"/><use href="#fz-a"/></svg><label for="x1">L</label><input id="x1"><a href="#elsewhere">x</a><p id="s1-sum">S</p></figure>';
    expect(scopeIds(chart, 'h3')).toBe(
      '<figure aria-labelledby="h3-s1-title" aria-describedby="h3-s1-sum other"><p id="h3-s1-title">T</p><svg><linearGradient id="h3-fz-a"></linearGradient>' +
        '<rect fill="url(#h3-fz-a)"/><use href="#h3-fz-a"/></svg><label for="h3-x1">L</label><input id="h3-x1"><a href="#elsewhere">x</a><p id="h3-s1-sum">S</p></figure>',
    );
    expect(scopeIds('<p>no ids</p>', 'h1')).toBe('<p>no ids</p>');
  });
});
