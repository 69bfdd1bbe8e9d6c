/**
 * The embed pages' <head> and frame, as built: a title, a canonical address, noindex, their own social card, both
 * colour schemes, and none of the site's chrome (header, navigation, footer): an embed lives in someone else's page.
 * Without JavaScript (as the file is) it shows the chart's title, text alternative, one data table, the source line and
 * the links out. (The oEmbed discovery link is checked in oembed.test.ts, the page at run time in
 * tests/browser/embed-page.spec.ts, and that its chart shows without JavaScript in tests/browser/sweep.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { distDocument, embedWidgets, metaContent } from './dist';

const widgets = embedWidgets();

it('the build has embed pages, and the gallery /charts/ shows every one of those widgets', () => {
  expect(widgets.length).toBeGreaterThan(0);
  const shown = new Set([...distDocument('/charts/').querySelectorAll('figure[data-widget]')].map((f) => f.getAttribute('data-widget')));
  expect(widgets.filter((id) => !shown.has(id)), 'widgets missing from /charts/').toEqual([]);
});

describe.each(widgets)('/embed/%s/', (id) => {
  it('has a title, canonical, noindex, its og:image, light and dark, and no site chrome', () => {
    const doc = distDocument(`/embed/${id}/`);
    expect(doc.title).toMatch(/· The Reset$/);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`/embed/${id}/$`));
    expect(metaContent(doc, 'robots')).toBe('noindex');
    expect(metaContent(doc, 'og:image')).toMatch(new RegExp(`/og/widgets/${id}\\.png$`));
    expect(metaContent(doc, 'color-scheme')).toBe('light dark');
    expect(doc.querySelectorAll('.site-header, .site-footer, nav'), 'site header, navigation or footer').toHaveLength(0);
    expect(doc.querySelectorAll(`figure.widget[data-widget="${id}"]`), 'the chart').toHaveLength(1);
  });

  it('holds, without JavaScript, the title, text alternative, one table, source line and links out', () => {
    const doc = distDocument(`/embed/${id}/`);
    const fig = doc.querySelector(`figure.widget[data-widget="${id}"]`)!;
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(fig.querySelector('.w-chart svg'), 'the drawn chart').not.toBeNull();
    expect(text(fig.querySelector('.w-title')).length, 'title').toBeGreaterThan(5);
    expect(text(fig.querySelector('.w-summary')).length, 'spoken summary').toBeGreaterThan(40);
    expect(text(fig.querySelector('.w-source'))).toContain('Source');
    // One table for the state shown (a static chart writes one per span of dates and shows the one in force).
    const tables = [...fig.querySelectorAll('.w-data table')].filter((t) => !t.closest('.w-when:not([data-phase="in"])'));
    expect(tables, 'tables for the state shown').toHaveLength(1);
    const story = doc.querySelector('a.embed-story')!;
    expect(text(story)).toContain('From The Reset — explore the story');
    expect(story.getAttribute('target')).toBe('_top');
    expect(story.getAttribute('href')).toMatch(/^\/(chapters\/[a-z0-9-]+\/|charts\/#chart-[a-z-]+)$/);
    expect(text(doc.querySelector(`a[href="/data/${id}.csv"]`))).toContain('Get the data');
    expect(text(doc.querySelector('a[data-embed-image-toggle]'))).toContain('Download image');
    expect(doc.querySelector('#embed-image-menu')?.hasAttribute('hidden'), 'the image menu starts closed').toBe(true);
    // Source links leave the iframe for the top window.
    const sources = [...fig.querySelectorAll('.w-source a')];
    expect(sources.length).toBeGreaterThan(0);
    for (const a of sources) expect(a.getAttribute('target'), a.getAttribute('href') ?? '').toBe('_top');
  });
});

it("the timeline's compact embed is titled for the few events it shows, its full view for every event", () => {
  const doc = distDocument('/embed/timeline/');
  const compact = doc.querySelector('[data-embed-view="compact"] .w-title')?.textContent;
  const full = doc.querySelector<HTMLTemplateElement>('template[data-embed-shelf]')!.content.querySelector('.w-title')?.textContent;
  const { title } = parse(readFileSync('content/charts/timeline.yaml', 'utf8')) as { title: { text: string; compact: string } };
  expect(full).toBe(title.text);
  expect(compact).toBe(title.compact);
});
