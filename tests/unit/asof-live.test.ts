// @vitest-environment node
// The "as of" control written at build time and wired in the browser (src/widgets/shared/asof-live.ts), and the
// dated words live-dom rewrites (data-asof-text, live.ts dateText / asOfColumn).
// The control is rendered as the build renders it (a server render, so the node environment), into a jsdom document.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- jsdom (vitest's DOM) ships no declaration files, and @types/jsdom is not installed
import { JSDOM } from 'jsdom';
import { render } from 'svelte/server';
import AsOfControl from '../../src/widgets/shared/AsOfControl.svelte';
import { keyMove, nextState, startAsOfLive } from '../../src/widgets/shared/asof-live';
import { applyLiveState, asOfColumn, dateText } from '../../src/widgets/shared/live';
import { dayOf, isRealDate } from '../../src/lib/iso-date';
import { loadChartWords, loadFactBase } from '../../src/lib/factbase/load';

const { window } = new JSDOM('<!doctype html><body></body>');
beforeAll(() => {
  // live-dom finds the summary by id on the page.
  Object.assign(globalThis, { document: window.document });
});
const { document } = window;
const { Event, KeyboardEvent } = window;

const MIN = '2019-01-01';
const MAX = '2026-12-31';
const moments = [
  { id: 'first-deal', date: '2019-07-22', name: 'First deal', when: 'Jul 2019', title: 'The first deal' },
  { id: 'reset', date: '2026-04-27', name: 'Reset', when: 'Apr 2026', title: 'The reset' },
];

describe('keys, dates and highlights', () => {
  it('moves a month with the arrows, a year with PageUp/PageDown, to the ends with Home/End, never past them', () => {
    expect(keyMove('ArrowRight', '2024-01-31', MIN, MAX)).toBe('2024-02-29');
    expect(keyMove('ArrowDown', '2024-03-15', MIN, MAX)).toBe('2024-02-15');
    expect(keyMove('PageUp', '2024-03-15', MIN, MAX)).toBe('2025-03-15');
    expect(keyMove('PageUp', '2026-06-01', MIN, MAX)).toBe(MAX);
    expect(keyMove('PageDown', '2019-06-01', MIN, MAX)).toBe(MIN);
    expect(keyMove('Home', '2024-03-15', MIN, MAX)).toBe(MIN);
    expect(keyMove('End', '2024-03-15', MIN, MAX)).toBe(MAX);
    expect(keyMove('a', '2024-03-15', MIN, MAX)).toBeNull();
  });
  it('takes only real days from the date field', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2024-13-01')).toBe(false);
    expect(isRealDate('24-02-01')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });
  it('lets a moment highlight itself, and any other date let go of a moment but keep another highlight', () => {
    expect(nextState('2019-07-22', null, moments, moments[0])).toEqual({ asOf: '2019-07-22', highlight: 'first-deal' });
    expect(nextState('2020-01-01', 'first-deal', moments)).toEqual({ asOf: '2020-01-01', highlight: null });
    expect(nextState('2020-01-01', 'openai', moments)).toEqual({ asOf: '2020-01-01', highlight: 'openai' });
  });
});

describe('dated words', () => {
  it('writes the date into a template, in full or short, and heads a table column with it', () => {
    expect(dateText('In force on {date}', '2026-04-27')).toBe('In force on April 27, 2026');
    expect(dateText('By {short}', '2026-04-27')).toBe('By Apr 27, 2026');
    expect(asOfColumn('state', 'By {short}', '2026-06-01')).toEqual({ key: 'state', label: 'By Jun 1, 2026', asOfText: 'By {short}' });
  });
  it('are rewritten when the state is applied', () => {
    document.body.innerHTML = `<figure><span data-asof-text="Not yet on {date}">x</span><table><tr><th data-asof-text="On {short}">y</th></tr></table></figure>`;
    applyLiveState(document.body, '2025-11-03', null);
    expect(document.querySelector('span')!.textContent).toBe('Not yet on November 3, 2025');
    expect(document.querySelector('th')!.textContent).toBe('On Nov 3, 2025');
  });
});

describe('startAsOfLive on a control written at build time', () => {
  const words = loadChartWords(loadFactBase()).shared.controls;
  const meta = { id: 'x', title: 'X', range: { min: MIN, max: MAX }, defaultAsOf: '2026-06-01', highlights: [] };
  const setup = (asOf = '2026-06-01', highlight = '') => {
    const { body } = render(AsOfControl, { props: { min: MIN, max: MAX, value: asOf, label: 'Terms as of', words, moments } });
    document.body.innerHTML = `<figure data-widget="x" data-as-of="${asOf}" data-highlight="${highlight}">
      <div class="w-controls">${body}</div>
      <div class="w-chart"><i data-span="2019-07-22 2026-04-27">old terms</i><span class="anchor"></span></div>
      <p id="sum"></p></figure>`;
    const figure = document.querySelector<HTMLElement>('figure')!;
    const seen: string[] = [];
    const live = startAsOfLive(figure.querySelector('.anchor')!, { meta: meta as never, summaryId: 'sum', summaries: [], highlightMarks: {} }, moments, (s) => seen.push(`${s.asOf} ${s.highlight}`));
    const range = figure.querySelector<HTMLInputElement>('input[type=range]')!;
    const date = figure.querySelector<HTMLInputElement>('input.asof-date')!;
    const button = (id: string) => figure.querySelector<HTMLButtonElement>(`[data-moment="${id}"]`)!;
    return { figure, live, range, date, button, seen };
  };

  it('renders a slider over days, a date field and a pressed/unpressed button per moment, with no handlers inline', () => {
    const { range, date, button, live } = setup('2019-07-22', 'first-deal');
    expect(range.min).toBe(String(dayOf(MIN)));
    expect(range.value).toBe(String(dayOf('2019-07-22')));
    expect(date.value).toBe('2019-07-22');
    // Built as the date in words (a field in a skipped figure gets it laid out at load), a date field once awake.
    const { body } = render(AsOfControl, { props: { min: MIN, max: MAX, value: '2019-07-22', label: 'Terms as of', words, moments } });
    expect(body).toMatch(new RegExp(`<span[^>]*class="asof-date[^"]*"[^>]*data-asof-date="${MIN} ${MAX}"[^>]*>Jul 22, 2019</span>`));
    expect(body).not.toMatch(/<input(?![^>]*type="range")/);
    expect([date.type, date.min, date.max, date.id]).toEqual(['date', MIN, MAX, document.querySelector('label')!.htmlFor]);
    expect(document.querySelector('figure [data-asof-date]')).toBeNull();
    expect(button('first-deal').getAttribute('aria-pressed')).toBe('false');
    expect(document.body.innerHTML).not.toMatch(/\son[a-z]+=/);
    // Its words from content/charts/shared.yaml, the slider named after the chart's own label.
    expect(range.getAttribute('aria-label')).toBe(words.slider.replace('{label}', 'Terms as of'));
    expect(document.querySelector('[role=group]')!.getAttribute('aria-label')).toBe(words.moments);
    live.destroy();
  });
  it('a moment sets its date and highlight and shows pressed; the chart follows', () => {
    const { figure, button, range, date, seen, live } = setup();
    button('reset').click();
    expect(figure.dataset.asOf).toBe('2026-04-27');
    expect(figure.dataset.highlight).toBe('reset');
    expect(button('reset').getAttribute('aria-pressed')).toBe('true');
    expect(button('first-deal').getAttribute('aria-pressed')).toBe('false');
    expect(range.value).toBe(String(dayOf('2026-04-27')));
    expect(range.getAttribute('aria-valuetext')).toBe('April 27, 2026');
    expect(date.value).toBe('2026-04-27');
    expect(figure.querySelector('i')!.dataset.phase).toBe('after');
    expect(seen.at(-1)).toBe('2026-04-27 reset');
    live.destroy();
  });
  it('the slider keys move the date and let go of a moment; dragging sets the day', () => {
    const { figure, button, range, live } = setup();
    button('reset').click();
    range.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
    expect(figure.dataset.asOf).toBe('2025-04-27');
    expect(figure.dataset.highlight ?? '').toBe('');
    expect(button('reset').getAttribute('aria-pressed')).toBe('false');
    expect(figure.querySelector('i')!.dataset.phase).toBe('in');
    range.value = String(dayOf('2019-01-05'));
    range.dispatchEvent(new Event('input', { bubbles: true }));
    expect(figure.dataset.asOf).toBe('2019-01-05');
    expect(figure.querySelector('i')!.dataset.phase).toBe('before');
    live.destroy();
  });
  it('the date field takes a real day within the range and ignores the rest', () => {
    const { figure, date, live } = setup();
    date.value = '2030-01-01';
    date.dispatchEvent(new Event('change', { bubbles: true }));
    expect(figure.dataset.asOf).toBe(MAX);
    date.value = '2021-03-04';
    date.dispatchEvent(new Event('change', { bubbles: true }));
    expect(figure.dataset.asOf).toBe('2021-03-04');
    live.destroy();
    date.value = '2022-03-04';
    date.dispatchEvent(new Event('change', { bubbles: true }));
    expect(figure.dataset.asOf, 'destroyed: the control no longer moves the chart').toBe('2021-03-04');
  });
});
