// Static charts, live state (src/widgets/shared/live.ts, artboards.ts): the attributes the build writes, the state the
// browser applies, and the CSS bands the artboards are shown in.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyLiveState, lights, litOf, phaseOf, span, timedText, when } from '../../src/widgets/shared/live';
import { ARTBOARDS, CHAPTER_FIGURES, artboardsUpTo } from '../../src/widgets/shared/artboards';
import { startLive } from '../../src/widgets/shared/live-dom';

describe('phases and highlights', () => {
  it('places a date before, inside or after a span (from inclusive, until exclusive, either open)', () => {
    const s = span('2026-01-28', '2026-04-27');
    expect(phaseOf(s, '2026-01-27')).toBe('before');
    expect(phaseOf(s, '2026-01-28')).toBe('in');
    expect(phaseOf(s, '2026-04-26')).toBe('in');
    expect(phaseOf(s, '2026-04-27')).toBe('after');
    expect(phaseOf(span(null, '2020-01-01'), '1999-01-01')).toBe('in');
    expect(phaseOf(span('2020-01-01', null), '2099-01-01')).toBe('in');
    expect(when('2020-01-01', null, '2019-12-31')).toEqual({ 'data-span': '2020-01-01 ', 'data-phase': 'before' });
  });
  it('lights what a highlight names, dims the rest, and says nothing when nothing is highlighted', () => {
    expect(litOf('openai microsoft', 'openai')).toBe('on');
    expect(litOf('microsoft', 'openai')).toBe('off');
    expect(litOf('', 'openai')).toBe('off');
    expect(litOf('openai', null)).toBeUndefined();
    expect(lights(['a', 'b'], 'b')).toEqual({ 'data-ids': 'a b', 'data-hl': 'on' });
  });
  it('writes the date into the sentence that holds on it, and nothing when none does', () => {
    const texts = [
      { span: span(null, '2026-01-28'), text: 'As of {date}, not yet.' },
      { span: span('2026-01-28', null), text: 'As of {date}: disclosed.' },
    ];
    expect(timedText(texts, '2026-01-27')).toBe('As of January 27, 2026, not yet.');
    expect(timedText(texts, '2026-06-01')).toBe('As of June 1, 2026: disclosed.');
    expect(timedText(texts.slice(1), '2020-01-01')).toBe('');
  });
});

describe('applyLiveState', () => {
  it('brings every dated and highlightable element to the state, and clears highlights', () => {
    document.body.innerHTML = `
      <figure>
        <div id="a" data-span="2026-01-28 " data-phase="before"></div>
        <svg><rect id="b" data-span=" 2026-01-28" data-phase="in" data-ids="openai"></rect></svg>
        <p id="c" data-ids="microsoft"></p>
      </figure>`;
    const fig = document.querySelector('figure')!;
    applyLiveState(fig, '2026-02-01', 'openai');
    expect(document.getElementById('a')!.dataset.phase).toBe('in');
    expect(document.getElementById('b')!.getAttribute('data-phase')).toBe('after');
    expect(document.getElementById('b')!.getAttribute('data-hl')).toBe('on');
    expect(document.getElementById('c')!.dataset.hl).toBe('off');
    applyLiveState(fig, '2026-01-01', null);
    expect(document.getElementById('a')!.dataset.phase).toBe('before');
    expect(document.getElementById('b')!.hasAttribute('data-hl')).toBe(false);
    expect(document.getElementById('c')!.hasAttribute('data-hl')).toBe(false);
  });
});

describe('startLive: a mark\'s details', () => {
  const meta = { id: 'x', title: 'X', range: { min: '2019-01-01', max: '2026-12-31' }, defaultAsOf: '2026-01-01', highlights: [] };
  const setup = () => {
    document.body.innerHTML = `
      <a id="before" href="#a">before</a>
      <figure data-widget="x">
        <div class="w-chart"><svg><g data-mark="m1" tabindex="0"></g><g data-mark="m2" tabindex="0"></g></svg></div>
        <div>
          <p data-detail-for="">hint</p>
          <div data-detail-for="m1" hidden><a id="src1" href="#s1">source one</a> <a id="src2" href="#s2">source two</a></div>
          <div data-detail-for="m2" hidden><a href="#s3">source three</a></div>
        </div>
        <a id="embed" href="#e">Embed</a>
        <p id="sum"></p>
      </figure>`;
    const live = startLive(document.querySelector('.w-chart')!, { meta: meta as never, summaryId: 'sum', summaries: [], highlightMarks: {} });
    const shown = () => [...document.querySelectorAll<HTMLElement>('[data-detail-for]')].filter((b) => !b.hidden).map((b) => b.dataset.detailFor);
    return { live, shown, el: (sel: string) => document.querySelector<HTMLElement>(sel)! };
  };
  it('shows the focused mark\'s block, keeps it while focus moves on through its links, hides it when focus leaves', () => {
    const { live, shown, el } = setup();
    expect(shown()).toEqual(['']);
    el('[data-mark="m1"]').focus();
    expect(shown()).toEqual(['m1']);
    el('#src1').focus();
    expect(document.activeElement?.id, 'focus stays on the link inside the block').toBe('src1');
    expect(shown()).toEqual(['m1']);
    el('#src2').focus();
    expect(shown()).toEqual(['m1']);
    el('#embed').focus();
    expect(shown()).toEqual(['']);
    el('[data-mark="m2"]').focus();
    expect(shown()).toEqual(['m2']);
    el('#before').focus();
    expect(shown()).toEqual(['']);
    live.destroy();
  });
});

describe('artboards', () => {
  it('are shown by container queries whose bands match the list, and cover every width', () => {
    const css = readFileSync('src/widgets/shared/body.css', 'utf8');
    const bands = [...css.matchAll(/@container \(([^)]*)\) \{ \.w-artboard\[data-artboard='(\d+)'\]/g)].map((m) => ({ query: m[1], width: Number(m[2]) }));
    expect(bands.map((b) => b.width)).toEqual(ARTBOARDS.map((a) => a.width));
    const expected = ARTBOARDS.map((a, i) => {
      const next = ARTBOARDS[i + 1];
      if (a.from === 0) return `width < ${next!.from}px`;
      return next ? `${a.from}px <= width < ${next.from}px` : `${a.from}px <= width`;
    });
    expect(bands.map((b) => b.query)).toEqual(expected);
    // The widest artboard a page draws, when it leaves wider ones out, stands for every width above its band.
    const open = [...css.matchAll(/@container \(([^)]*)\) \{ \.w-artboard\[data-artboard-open\]\[data-artboard='(\d+)'\]/g)].map((m) => `${m[2]}: ${m[1]}`);
    expect(open).toEqual(ARTBOARDS.slice(0, -1).map((a, i) => `${a.width}: ${ARTBOARDS[i + 1]!.from}px <= width`));
  });
  it("leave out, for a chapter's text column, only the artboards a figure that wide never shows", () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(css).toMatch(new RegExp(`--measure: ${CHAPTER_FIGURES.inline / 16}rem;`));
    // A sequence's graphic: one column up to 52rem, beside the steps 3/5 of --wide less the gap.
    expect(readFileSync('src/components/story/Scrolly.astro', 'utf8')).toMatch(new RegExp(`@media \\(max-width: ${CHAPTER_FIGURES.story / 16}rem\\)`));
    expect(Number(css.match(/--wide: (\d+)rem;/)![1]) * 16 * 0.6).toBeLessThan(CHAPTER_FIGURES.story);
    expect(artboardsUpTo(CHAPTER_FIGURES.inline).map((a) => a.width)).toEqual([320, 440]);
    expect(artboardsUpTo(CHAPTER_FIGURES.story).map((a) => a.width)).toEqual([320, 440, 640]);
    expect(artboardsUpTo().map((a) => a.width)).toEqual(ARTBOARDS.map((a) => a.width));
  });
  it('never scale text by more than about a third either way between 320 and 1200 pixels', () => {
    ARTBOARDS.forEach((a, i) => {
      const lo = Math.max(320, a.from);
      const hi = (ARTBOARDS[i + 1]?.from ?? 1200) - 1;
      expect(lo / a.width).toBeGreaterThan(0.85);
      expect(hi / a.width).toBeLessThan(1.34);
    });
  });
});
