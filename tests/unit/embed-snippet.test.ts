import { describe, expect, it } from 'vitest';
import {
  FALLBACK_HEIGHT,
  defaultHeight,
  embedQuery,
  embedUrl,
  escapeHtml,
  iframeHtml,
  oembedJson,
  snippetHtml,
} from '../../src/lib/embed/snippet';
import { COLUMN_WIDTHS, DEFAULT_HEIGHTS as heights, EMBED_WIDTHS } from '../../src/lib/embed/default-heights';
import { WIDGET_IDS } from '../../src/lib/widgets';

const defaults = { defaultAsOf: '2026-06-01' };
const HOSTILE_TITLE = `Microsoft's "bet" <script>alert(1)</script> & co`;

/** Parses HTML the way a CMS would and returns its elements. */
function parse(html: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return doc.body;
}

describe('embed URLs', () => {
  it('carry only what differs from the defaults, in a stable order', () => {
    expect(embedQuery({}, defaults)).toBe('');
    expect(embedQuery({ state: { asOf: '2026-06-01', highlight: null }, theme: 'auto', plain: false }, defaults)).toBe('');
    expect(embedQuery({ state: { asOf: '2024-01-02', highlight: 'openai' }, theme: 'dark', plain: true }, defaults)).toBe(
      '?asOf=2024-01-02&highlight=openai&theme=dark&plain=1',
    );
    expect(embedUrl('https://reset.example/', 'timeline', { theme: 'light' }, defaults)).toBe('https://reset.example/embed/timeline/?theme=light');
  });
});

describe('snippet', () => {
  it('is one iframe (fluid width, measured height, lazy, no border) and the async loader', () => {
    const html = snippetHtml({ origin: 'https://reset.example', src: 'https://reset.example/embed/timeline/?asOf=2024-01-02', title: 'The timeline', height: 640 });
    const body = parse(html);
    const iframes = body.querySelectorAll('iframe');
    expect(iframes).toHaveLength(1);
    const f = iframes[0]!;
    expect(f.getAttribute('src')).toBe('https://reset.example/embed/timeline/?asOf=2024-01-02');
    expect(f.getAttribute('title')).toBe('The timeline');
    expect(f.getAttribute('width')).toBe('100%');
    expect(f.getAttribute('height')).toBe('640');
    expect(f.getAttribute('loading')).toBe('lazy');
    expect(f.getAttribute('style')).toContain('border:0');
    // No inline max-width: a host's column rule (max-width on the blocks of a WordPress block theme) must win.
    expect(f.getAttribute('style')).not.toMatch(/max-width/);
    const scripts = body.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('src')).toBe('https://reset.example/embed.js');
    expect(scripts[0]!.hasAttribute('async')).toBe(true);
  });

  it('escapes titles and URLs so nothing can break out of an attribute', () => {
    const html = iframeHtml({ src: 'https://reset.example/embed/x/?a="><script>', title: HOSTILE_TITLE, height: 100 });
    expect(html).not.toContain('<script>');
    const f = parse(html).querySelector('iframe')!;
    expect(f.getAttribute('title')).toBe(HOSTILE_TITLE);
    expect(f.getAttribute('src')).toBe('https://reset.example/embed/x/?a="><script>');
    expect(parse(html).children).toHaveLength(1);
    expect(escapeHtml(`<&>"'`)).toBe(`&lt;&amp;&gt;&quot;'`);
    // Single-quoted context never occurs: every attribute is double-quoted, so an apostrophe cannot break out.
    expect(iframeHtml({ src: "https://r.example/embed/x/?a='b", title: "Microsoft's", height: 1 })).toContain(`title="Microsoft's"`);
  });
});

describe('oEmbed', () => {
  const json = oembedJson({
    origin: 'https://reset.example/',
    id: 'money-flows',
    title: HOSTILE_TITLE,
    height: 612,
    providerName: 'The Reset',
    authorName: 'The Reset graphics desk',
    thumbnailPath: '/og/widgets/money-flows.png',
  });

  it('has every field oEmbed 1.0 "rich" requires, plus provider, author, cache age and thumbnail', () => {
    expect(json).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: HOSTILE_TITLE,
      width: 700,
      height: 612,
      provider_name: 'The Reset',
      provider_url: 'https://reset.example/',
      author_name: 'The Reset graphics desk',
      cache_age: 86400,
      thumbnail_url: 'https://reset.example/og/widgets/money-flows.png',
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    for (const k of ['width', 'height', 'cache_age', 'thumbnail_width', 'thumbnail_height'] as const) expect(Number.isInteger(json[k])).toBe(true);
  });

  it('the full view has its own answer: the iframe asks for view=full at its own height', () => {
    const full = oembedJson({ origin: 'https://reset.example', id: 'money-flows', view: 'full', title: 't', height: 1040, providerName: 'p', authorName: 'a', thumbnailPath: '/x.png' });
    expect(parse(full.html).querySelector('iframe')!.getAttribute('src')).toBe('https://reset.example/embed/money-flows/?view=full');
    expect(parse(full.html).querySelector('iframe')!.getAttribute('height')).toBe('1040');
    expect(full.height).toBe(1040);
    expect(parse(json.html).querySelector('iframe')!.getAttribute('src')).toBe('https://reset.example/embed/money-flows/');
    expect(embedQuery({ view: 'full' }, defaults)).toBe('?view=full');
    expect(embedQuery({ view: 'compact' }, defaults)).toBe('');
  });

  it("html is WordPress's provider shape: a blockquote linking to the chart, then one iframe, both wp-embedded-content, no script", () => {
    const body = parse(json.html);
    expect([...body.children].map((e) => e.tagName)).toEqual(['BLOCKQUOTE', 'IFRAME']);
    expect(json.html).not.toMatch(/<script/i);
    const [quote, frame] = [body.querySelector('blockquote')!, body.querySelector('iframe')!];
    expect(quote.className).toBe('wp-embedded-content');
    expect(frame.className).toBe('wp-embedded-content');
    const a = quote.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://reset.example/embed/money-flows/');
    expect(a.textContent).toBe(HOSTILE_TITLE);
    expect(frame.getAttribute('src')).toBe('https://reset.example/embed/money-flows/');
    expect(frame.getAttribute('title')).toBe(HOSTILE_TITLE);
    expect(frame.getAttribute('height')).toBe('612');
    expect(frame.getAttribute('width')).toBe('100%');
    for (const [k, v] of [['frameborder', '0'], ['marginwidth', '0'], ['marginheight', '0']]) expect(frame.getAttribute(k!), k).toBe(v);
  });

  it('carries no secret, no sandbox and no scrolling="no": WordPress adds its own, other hosts keep a whole chart', () => {
    expect(json.html).not.toMatch(/secret|sandbox|scrolling/);
  });

  it('on a host that inserts html as it is, shows the iframe alone, visible', () => {
    const body = parse(json.html);
    expect(body.querySelector('blockquote')!.getAttribute('style')).toBe('display:none');
    expect(body.querySelector('iframe')!.getAttribute('style')).toBe('border:0;width:100%');
  });

  it("passes WordPress's own filter for untrusted providers (wp_filter_oembed_result): blockquote kept, iframe found", () => {
    // WordPress first keeps only a[href], blockquote and a few iframe attributes, then needs the blockquote at the
    // very start of what is left: `|(<blockquote>.*?</blockquote>)?.*(<iframe.*?></iframe>)|ms` (wp-includes/embed.php).
    const kept = json.html
      .replace(/<blockquote[^>]*>/, '<blockquote>')
      .replace(/<iframe([^>]*)>/, (_m, attrs: string) => `<iframe${attrs.replace(/\s(class|style|loading)="[^"]*"/g, '')}>`);
    const m = kept.match(/(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s);
    expect(m?.[1], 'the blockquote WordPress keeps, so it loads wp-embed.js').toMatch(/^<blockquote><a href="[^"]+">/);
    expect(m?.[2]).toMatch(/^<iframe src="https:\/\/reset\.example\/embed\/money-flows\/"/);
  });
});

describe('default heights', () => {
  it('are stored per width for known widgets only, as sane whole pixels; a snippet gets the tallest in an article column', () => {
    const column = (h: Record<string, number>) => Math.max(...COLUMN_WIDTHS.map((w) => h[`${w}`]!));
    for (const [id, views] of Object.entries(heights)) {
      expect(WIDGET_IDS as readonly string[]).toContain(id);
      for (const view of ['compact', 'full'] as const) {
        const h = views[view];
        for (const w of EMBED_WIDTHS) {
          expect(Number.isInteger(h.framed[`${w}`]) && h.framed[`${w}`] >= 150 && h.framed[`${w}`] <= 4000, `${id} ${view} ${w}`).toBe(true);
          expect(Number.isInteger(h.plain[`${w}`]) && h.plain[`${w}`] >= 100 && h.plain[`${w}`] <= h.framed[`${w}`], `${id} ${view} ${w} plain`).toBe(true);
        }
        expect(defaultHeight(id, { view, plain: true })).toBe(column(h.plain));
        expect(defaultHeight(id, { view })).toBe(column(h.framed));
      }
      // The compact default is what a pasted address and a bare snippet get (its limits: embed-heights.spec.ts).
      expect(defaultHeight(id)).toBe(column(views.compact.framed));
      expect(column(views.compact.framed)).toBeLessThan(column(views.full.framed));
    }
  });
  it('fall back to a generous height for an unmeasured widget', () => {
    expect(defaultHeight('not-a-widget')).toBe(FALLBACK_HEIGHT);
  });
});
