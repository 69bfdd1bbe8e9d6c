// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadChartWords, loadFactBase } from '../../src/lib/factbase/load';
import { widget } from '../../src/widgets/RpoExposure/data';
import { embedBuilderHref, publisherLinks } from '../../src/widgets/shared/frame';
import WidgetFrame from '../../src/widgets/shared/WidgetFrame.astro';

const fb = loadFactBase();
const meta = widget.buildData(fb).meta;
const words = loadChartWords(fb).shared.source;
/** As Astro writes text into HTML. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const ids = { title: 'x-title', summary: 'x-summary', cite: 'x-cite', legend: 'x-key' };

describe('frame helpers', () => {
  it('links each publisher once, to its first source, with a count', () => {
    const links = publisherLinks([
      { id: 'a', publisher: 'Microsoft', title: 'A', date: '', href: '/sources/#source-a' },
      { id: 'b', publisher: 'Reuters', title: 'B', date: '', href: '/sources/#source-b' },
      { id: 'c', publisher: 'Microsoft', title: 'C', date: '', href: '/sources/#source-c' },
    ]);
    expect(links).toEqual([
      { publisher: 'Microsoft', href: '/sources/#source-a', count: 2 },
      { publisher: 'Reuters', href: '/sources/#source-b', count: 1 },
    ]);
  });
  it('opens the embed builder on the chart, leaving out the default date and encoding the rest', () => {
    expect(embedBuilderHref(meta, meta.defaultAsOf, null)).toBe(`/embed/?widget=${meta.id}`);
    expect(embedBuilderHref(meta, '2026-02-01', 'openai')).toBe(`/embed/?widget=${meta.id}&asOf=2026-02-01&highlight=openai`);
  });
});

describe('WidgetFrame.astro', () => {
  const render = async (props: Record<string, unknown>, slots: Record<string, string> = { default: '<div class="island">chart</div>' }) =>
    (await AstroContainer.create()).renderToString(WidgetFrame, { props: { meta, asOf: meta.defaultAsOf, highlight: null, context: 'page', plain: false, ids, words, ...props }, slots });

  it('frames the chart at build time: title, takeaway, key, chart, sources, Embed, Data and a written-out Cite panel', async () => {
    const html = await render({}, { default: '<div class="island">chart</div>', legend: '<ul class="key"><li>k</li></ul>' });
    expect(html).toMatch(new RegExp(`<figure[^>]*data-widget="${meta.id}"[^>]*data-as-of="${meta.defaultAsOf}"`));
    expect(html).toMatch(/aria-labelledby="x-title"/);
    expect(html).toMatch(/aria-describedby="x-summary"/);
    expect(html).toMatch(/<p class="w-title" id="x-title"/);
    expect(html).toContain(esc(meta.takeaway));
    expect(html).toMatch(/<div class="w-legend"[^>]*><ul class="key">/);
    expect(html).toContain('<div class="island">chart</div>');
    for (const p of publisherLinks(meta.sources)) expect(html).toContain(`href="${p.href}"`);
    expect(html).toContain(`href="/embed/?widget=${meta.id}" data-embed-link`);
    expect(html).toContain(`href="/data/${meta.id}.csv"`);
    // Every citation style is in the page before any script runs; the copy buttons wait for it (hidden).
    for (const style of ['apa', 'mla', 'chicago', 'bibtex']) expect(html).toContain(`id="x-cite-${style}"`);
    expect(html).toContain(`/charts/#chart-${meta.id}`);
    expect(html).toMatch(/class="cite-copy"[^>]*hidden/);
  });

  it('carries a non-default state into its attributes and Embed link', async () => {
    const html = await render({ asOf: '2026-02-01', highlight: 'openai' });
    expect(html).toMatch(/data-as-of="2026-02-01"/);
    expect(html).toMatch(/data-highlight="openai"/);
    expect(html).toContain(`/embed/?widget=${meta.id}&amp;asOf=2026-02-01&amp;highlight=openai`);
  });

  it('in an embed: no Embed or Data link (the embed page has its own), and source links open in the top window', async () => {
    const html = await render({ context: 'embed' });
    expect(html).not.toContain('data-embed-link');
    expect(html).not.toContain(`/data/${meta.id}.csv`);
    expect(html).toMatch(/<a href="\/sources\/#source-[^"]+" target="_top"/);
  });

  it('plain: no title or takeaway, and the figure names itself', async () => {
    const html = await render({ plain: true });
    expect(html).not.toContain(esc(meta.takeaway));
    expect(html).toContain(`aria-label="${meta.title}"`);
    expect(html).not.toContain('aria-labelledby');
  });
});
