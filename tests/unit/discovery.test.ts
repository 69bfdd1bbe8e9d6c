// @vitest-environment node
// Feeds, structured data, social cards and stable links: the pure parts (src/lib/feeds.ts, jsonld.ts, og.ts,
// og-colors.ts, png.ts, redirects.ts, chapter-info.ts), then the real published slugs and redirects.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import { chapterKicker, periodLabel, primarySources, vocabulary } from '../../src/lib/chapter-info';
import { correctionItems, isoDay } from '../../src/lib/feeds';
import { jsonLdText, newsArticle } from '../../src/lib/jsonld';
import { clip, renderCard, smarten, titleSize } from '../../src/lib/og';
import { companiesOf } from '../../src/lib/og-colors';
import { pngSize } from '../../src/lib/png';
import { checkStableLinks, loadPublishedSlugs, loadRedirects } from '../../src/lib/redirects';
import { siteUpdated } from '../../src/lib/site-dates';

const fb = loadFactBase();
const chapters = readdirSync('content/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const text = readFileSync(`content/chapters/${f}`, 'utf8');
    return { ...parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!), body: text } as { slug: string; title: string; published: string; updated: string; body: string };
  });

describe('corrections feed items', () => {
  const list = [
    { id: 'a', date: '2026-12-01', chapter: 'the-bet', what: 'Fixed a date.', why: 'The filing says July.' },
    { id: 'b', date: '2026-12-03', what: 'New chart.', why: 'Readers asked.' },
  ];
  it('lists newest first, titled by chapter, linking each entry', () => {
    expect(correctionItems(list, [{ slug: 'the-bet', title: 'The bet' }])).toEqual([
      { title: 'The whole site: New chart.', link: '/corrections/#correction-b', description: 'New chart. Why: Readers asked.', date: '2026-12-03', categories: ['Site'] },
      { title: 'The bet: Fixed a date.', link: '/corrections/#correction-a', description: 'Fixed a date. Why: The filing says July.', date: '2026-12-01', categories: ['Chapter: The bet'] },
    ]);
  });
  it('rejects a correction for a chapter that does not exist', () => {
    expect(() => correctionItems(list, [])).toThrow('content/data/corrections.yaml: entry "a", field "chapter": unknown chapter "the-bet"');
  });
  it('dates at midnight UTC', () => {
    expect(isoDay('2026-11-26').toUTCString()).toBe('Thu, 26 Nov 2026 00:00:00 GMT');
  });
  it('every real correction names a real chapter, and every updated chapter explains why', () => {
    expect(() => correctionItems(fb.corrections, chapters)).not.toThrow();
    for (const c of chapters) {
      if (c.updated === c.published) continue;
      expect(fb.corrections.some((x) => x.chapter === c.slug && x.date === c.updated), `${c.slug} was updated on ${c.updated} with no correction of that date`).toBe(true);
    }
    for (const x of fb.corrections) {
      const ch = chapters.find((c) => c.slug === x.chapter);
      if (ch) expect(x.date <= ch.updated, `correction ${x.id} is dated after ${ch.slug}'s updated date`).toBe(true);
    }
  });
});

describe('NewsArticle JSON-LD', () => {
  const a = newsArticle({
    headline: 'The bet',
    description: 'D',
    url: 'https://example.org/chapters/the-bet/',
    image: 'https://example.org/og/chapters/the-bet.png',
    datePublished: '2026-11-26',
    dateModified: '2026-12-01',
    author: 'The Reset graphics desk',
    publisher: 'The Reset',
    site: 'https://example.org/',
    logo: 'https://example.org/og/logo.png',
  });
  it('has what search engines ask for', () => {
    expect(a).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'The bet',
      datePublished: '2026-11-26',
      dateModified: '2026-12-01',
      image: ['https://example.org/og/chapters/the-bet.png'],
      author: [{ '@type': 'Organization', name: 'The Reset graphics desk' }],
      publisher: { '@type': 'Organization', name: 'The Reset', logo: { '@type': 'ImageObject', url: 'https://example.org/og/logo.png' } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/chapters/the-bet/' },
    });
  });
  it('cannot close its script element', () => {
    expect(jsonLdText({ x: '</script><script>alert(1)</script>' })).toBe('{"x":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
    expect(JSON.parse(jsonLdText({ x: '</script>' }))).toEqual({ x: '</script>' });
  });
});

describe('social cards', () => {
  it('clips at a word with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('Amazon bought into OpenAI, and then more', 27)).toBe('Amazon bought into OpenAI…');
    expect(clip('One sentence here. And a second one that runs on.', 25)).toBe('One sentence here.');
    expect(clip('Alpha beta gamma delta, epsilon zeta eta theta', 30)).toBe('Alpha beta gamma delta…');
    expect(clip('Alpha beta gamma, delta epsilon zeta eta', 30)).toBe('Alpha beta gamma, delta…');
  });
  it('sizes titles by length', () => {
    expect(titleSize('The bet')).toBeGreaterThan(titleSize('Who put money into OpenAI and Anthropic, and when'));
  });
  it('uses typographic quotes', () => {
    expect(smarten(`Microsoft's "bet"`)).toBe('Microsoft’s “bet”');
  });
  it('picks the companies a page is most about, colored companies only', () => {
    expect(companiesOf(fb, ['openai', 'microsoft', 'openai', 'sam-altman', 'azure', 'amazon']).map((c) => c.id)).toEqual(['openai', 'microsoft', 'amazon']);
    expect(companiesOf(fb, ['amazon'])[0]).toEqual({ id: 'amazon', name: 'Amazon', color: 'amazon' });
  });
  it('renders a 1200×630 PNG', async () => {
    const png = await renderCard({ kicker: 'Chapter 1 of 8 · July 2019', title: 'The bet', dek: 'A dek.', companies: [{ name: 'Microsoft', color: 'microsoft' }], host: 'example.org' });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.length).toBeGreaterThan(10_000);
  }, 30_000);
  it('reads PNG sizes and rejects other files', () => {
    expect(pngSize(new TextEncoder().encode('GIF89a not a png at all......'))).toBeNull();
  });
});

describe('chapter info', () => {
  it('labels periods compactly', () => {
    expect(periodLabel('2026-02-27', '2026-03-18')).toBe('Feb – Mar 2026');
    expect(periodLabel('2023-11-17', '2023-11-30')).toBe('November 2023');
    expect(periodLabel('2019-07-22', '2023-01-23')).toBe('Jul 2019 – Jan 2023');
    expect(chapterKicker({ order: 3, period: { start: '2023-11-17', end: '2023-11-30' } }, 8)).toBe('Chapter 3 of 8 · November 2023');
  });
  it('gives each chapter primary sources and vocabulary from what it cites', () => {
    for (const c of chapters) {
      const primary = primarySources(fb, c.body);
      expect(primary.every((s) => s.kind === 'primary'), c.slug).toBe(true);
      expect(primary.map((s) => s.published)).toEqual(primary.map((s) => s.published).sort());
      const vocab = vocabulary(fb, c.body, c.slug).map((g) => g.id);
      expect(new Set(vocab).size).toBe(vocab.length);
    }
    expect(chapters.some((c) => primarySources(fb, c.body).length > 0)).toBe(true);
  });
});

describe('stable links', () => {
  it('flags a renamed chapter without a redirect, and accepts one with', () => {
    expect(checkStableLinks(['old', 'b'], ['new', 'b'], {})).toEqual([
      'chapter "new" is not in content/data/published-slugs.yaml: add it when it is published',
      'published chapter "old" no longer exists and /chapters/old/ does not redirect to a chapter (content/data/redirects.yaml)',
    ]);
    expect(checkStableLinks(['old', 'new', 'b'], ['new', 'b'], { '/chapters/old/': '/chapters/new/' })).toEqual([]);
    expect(checkStableLinks(['a'], ['a'], { '/chapters/a/': '/chapters/b/' })).toEqual(['/chapters/a/ is a chapter and also redirects to /chapters/b/']);
  });
  it('every chapter slug is published, and every published slug still resolves', () => {
    expect(checkStableLinks(loadPublishedSlugs(), chapters.map((c) => c.slug), loadRedirects())).toEqual([]);
  });
  it('the site updated date is the newest chapter update or correction', () => {
    const newest = [...chapters.map((c) => c.updated), ...fb.corrections.map((c) => c.date)].sort().at(-1);
    expect(siteUpdated()).toBe(newest);
  });
});
