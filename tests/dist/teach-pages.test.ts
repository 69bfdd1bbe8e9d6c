/**
 * The teacher's pages as built, read from the files: every link in the lesson plans (/teach/) lands where it says
 * (a page that exists, an element with that id, the words the plan quotes, a chart state the embed page's own URL
 * parser keeps as written, a step in the state the plan names), and each chapter's teaching guide carries its
 * frontmatter goals and questions, a charted activity whose chart and story step share one state, vocabulary and
 * primary sources. What needs a browser (copying, the deep link that moves a live chart) stays in tests/browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEmbedParams } from '../../src/lib/embed/params';
import { stateRules } from '../../src/lib/widget-state';
import { PRINT_ARTBOARD } from '../../src/widgets/shared/artboards';
import { chapterSlugs, distDocument, distHas } from './dist';

const slugs = chapterSlugs();
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function frontmatter(slug: string) {
  const name = readdirSync('content/chapters').find((f) => f.endsWith(`-${slug}.mdx`) || f === `${slug}.mdx`)!;
  const file = readFileSync(`content/chapters/${name}`, 'utf8');
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(file)![1]!) as { title: string; goals: string[]; questions: string[] };
}

/** The state rules an embed page's runtime parses its URL with: the meta in its chart's configuration. */
function embedRules(path: string) {
  const config = distDocument(path).querySelector('reset-chart[data-config]')?.getAttribute('data-config');
  if (!config) throw new Error(`${path}: no reset-chart with a data-config`);
  return stateRules(JSON.parse(config).meta);
}

describe('the lesson plans (/teach/)', () => {
  const doc = distDocument('/teach/');
  const links = [...doc.querySelectorAll('a[data-plan-link]')].map((a) => ({
    href: a.getAttribute('href')!,
    kind: a.getAttribute('data-kind'),
    quote: a.querySelector('.quote')?.textContent?.replace(/^“|…”$/g, '') ?? null,
  }));

  it('has both plans, with every kind of link', () => {
    const h2 = [...doc.querySelectorAll('h2')].map(text);
    expect(h2).toContain('The reset in one lesson');
    expect(h2).toContain('Seven years in three lessons');
    expect(links.length).toBeGreaterThan(20);
    const kinds = new Set(links.map((l) => l.kind));
    for (const k of ['Paragraph', 'Chart step', 'Chart', 'Section', 'Guide', 'Handout', 'Glossary']) expect(kinds, `plans have a ${k} link`).toContain(k);
  });

  it('every link lands where it says', () => {
    for (const { href, quote } of links) {
      const url = new URL(href, 'http://site.test/teach/');
      expect(distHas(url.pathname), `${href}: no page ${url.pathname} in the build`).toBe(true);
      const page = distDocument(url.pathname);
      if (url.hash) {
        const targets = page.querySelectorAll(`[id="${url.hash.slice(1)}"]`);
        expect(targets.length, `${href}: elements with that id`).toBe(1);
        if (quote) expect(text(targets[0]), `${href} should start with the words the plan quotes`).toMatch(new RegExp(`^${escape(quote)}`));
      }
      if (url.pathname.startsWith('/embed/')) {
        // A chart state link: the embed page's runtime keeps the date and highlight as the link writes them.
        const { state } = parseEmbedParams(url.search, '', embedRules(url.pathname));
        expect(state.asOf, `${href}: the date the chart opens on`).toBe(url.searchParams.get('asOf'));
        expect(state.highlight ?? '', `${href}: the highlight the chart opens with`).toBe(url.searchParams.get('highlight') ?? '');
      }
      if (url.hash.startsWith('#step-')) {
        const step = page.querySelector(url.hash)!;
        expect(step.hasAttribute('data-step'), `${href}: a scroll step`).toBe(true);
        expect(step.closest('section[data-scrolly]'), `${href}: inside a scroll sequence`).not.toBeNull();
        expect(step.getAttribute('data-as-of'), `${href}: the step names its chart's date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe.each(slugs)('the teaching guide of %s', (slug) => {
  const doc = distDocument(`/teach/${slug}/`);
  const fm = frontmatter(slug);

  it('has the frontmatter title, goals and questions, vocabulary, primary sources and the handout', () => {
    expect(text(doc.querySelector('h1'))).toBe(fm.title);
    expect(doc.querySelectorAll('ol.goals li').length).toBe(fm.goals.length);
    expect([...doc.querySelectorAll('ol.questions li')].map(text)).toEqual(fm.questions.map((q) => q.replace(/\s+/g, ' ').trim()));
    const h2 = [...doc.querySelectorAll('h2')].map(text);
    expect(h2).toContain('Vocabulary');
    expect(h2).toContain('Primary sources to read');
    const vocab = [...doc.querySelectorAll('.vocab dt a')].map((a) => a.getAttribute('href')!);
    expect(vocab.length).toBeGreaterThan(0);
    for (const a of vocab) expect(a).toMatch(/^\/glossary\/#term-[a-z0-9-]+$/);
    const handout = [...doc.querySelectorAll('a')].find((a) => text(a) === 'Printable handout');
    expect(handout?.getAttribute('href')).toBe(`/teach/${slug}/handout/`);
  });

  it('has an activity whose chart link, live chart and story step show one state', () => {
    const open = [...doc.querySelectorAll('a')].find((a) => text(a) === 'Open the chart in this state');
    const href = open?.getAttribute('href') ?? '';
    expect(href).toMatch(/^\/embed\/[a-z-]+\/\?asOf=\d{4}-\d{2}-\d{2}/);
    const state = new URL(href, 'http://site.test').searchParams;
    expect(doc.querySelectorAll('.activity .tasks li').length).toBeGreaterThan(0);
    expect(doc.querySelector('.activity figure[data-widget]')?.getAttribute('data-as-of')).toBe(state.get('asOf'));
    const stepHref = doc.querySelector('.activity .where a[href*="#step-"]')?.getAttribute('href') ?? '';
    expect(stepHref).toMatch(new RegExp(`^/chapters/${slug}/#step-\\d+$`));
    const step = distDocument(`/chapters/${slug}/`).querySelector(new URL(stepHref, 'http://site.test').hash);
    expect(step?.getAttribute('data-as-of')).toBe(state.get('asOf'));
    expect(step?.getAttribute('data-highlight') ?? '').toBe(state.get('highlight') ?? '');
  });
});

it('each handout draws its charts once, at the artboard paper shows', () => {
  let drawn = 0;
  for (const slug of slugs) {
    const figures = [...distDocument(`/teach/${slug}/handout/`).querySelectorAll('[data-handout-figure] figure[data-widget]')];
    expect(figures.length, slug).toBeGreaterThan(0);
    for (const f of figures) {
      // The timeline's full view is a list, drawn without artboards.
      const boards = [...f.querySelectorAll('.w-artboard')];
      drawn += boards.length;
      const others = boards.filter((b) => b.getAttribute('data-artboard') !== String(PRINT_ARTBOARD) || !b.classList.contains('w-artboard-only'));
      expect(others.map((b) => b.getAttribute('data-artboard')), `${slug}, ${f.getAttribute('data-widget')}: artboards other than the print one`).toEqual([]);
    }
  }
  expect(drawn).toBeGreaterThan(0);
});

it("each chapter's prose paragraphs carry their copy-link button in the HTML, a step's first paragraph the step's address", () => {
  let buttons = 0;
  for (const slug of slugs) {
    const doc = distDocument(`/chapters/${slug}/`);
    const prose = [...doc.querySelectorAll('.chapter-body p[id^="p-"]')].filter((p) => !p.closest('figure, aside, .widget'));
    expect(prose.length, slug).toBeGreaterThan(5);
    for (const p of prose) {
      const own = [...p.children].filter((c) => c.matches('button.plink'));
      const step = p.closest('[data-step][id]');
      const target = step && step.querySelector('p') === p ? step.id : p.id;
      expect(own.map((b) => b.getAttribute('data-target')), `${slug} #${p.id}`).toEqual([target]);
      expect(own[0]!.getAttribute('aria-label'), `${slug} #${p.id}`).toBe(`Copy link to ${target.startsWith('step-') ? 'this step' : 'this paragraph'}`);
    }
    // Only the chapter's prose: no button beside a quote, a note or a citation.
    expect(doc.querySelectorAll('button.plink').length, slug).toBe(prose.length);
    buttons += prose.length;
  }
  expect(buttons).toBeGreaterThan(100);
});
