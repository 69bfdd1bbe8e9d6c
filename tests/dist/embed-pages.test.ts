/**
 * The embed pages' <head> and frame, as built: a title, a canonical address, noindex, their own social card, both
 * colour schemes, and none of the site's chrome (header, navigation, footer): an embed lives in someone else's page.
 * (The oEmbed discovery link is checked in oembed.test.ts, the page at run time in tests/browser/embed-page.spec.ts.)
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
});

it("the timeline's compact embed is titled for the few events it shows, its full view for every event", () => {
  const doc = distDocument('/embed/timeline/');
  const compact = doc.querySelector('[data-embed-view="compact"] .w-title')?.textContent;
  const full = doc.querySelector<HTMLTemplateElement>('template[data-embed-shelf]')!.content.querySelector('.w-title')?.textContent;
  const { title } = parse(readFileSync('content/charts/timeline.yaml', 'utf8')) as { title: { text: string; compact: string } };
  expect(full).toBe(title.text);
  expect(compact).toBe(title.compact);
});
