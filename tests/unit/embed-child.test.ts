// The embed page's side of WordPress's protocol (src/client/embed/child.ts, messages.ts) in jsdom: when link routing
// turns on, where each link goes, and the "ready" handshake of wp-embed.js.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeLinksThroughWordPress, startEmbedPage, startHeightReports, wordPressSecret } from '../../src/client/embed/child';
import { isWpReady, sandboxLinkTarget } from '../../src/lib/embed/messages';
import { parseEmbedParams } from '../../src/lib/embed/params';

const ORIGIN = 'https://reset.example';
const rules = { min: '2019-01-01', max: '2032-12-31', defaultAsOf: '2026-06-01', highlights: [] };

/** The footer and source line of an embed page, as the build writes them. */
function embedRoot(): { root: HTMLElement; host: HTMLElement; links: Record<string, HTMLAnchorElement> } {
  const root = document.createElement('div');
  root.innerHTML = `<div data-embed-host></div>
    <a class="story" href="/chapters/the-bet/" target="_top">Explore the story</a>
    <a class="source" href="https://news.example/deal" target="_top">News</a>
    <a class="data" href="/data/money-flows.csv" download="the-reset-money-flows.csv">Get the data</a>
    <a class="image" href="/og/widgets/money-flows.png" download="the-reset-money-flows.png">Download image</a>
    <a class="inpage" href="#note">Note</a>`;
  document.body.append(root);
  const links = Object.fromEntries([...root.querySelectorAll('a')].map((a) => [a.className, a])) as Record<string, HTMLAnchorElement>;
  return { root, host: root.querySelector<HTMLElement>('[data-embed-host]')!, links };
}

/** Clicks like a reader (primary button, no modifier); true if the page let the browser follow the link. */
function click(a: HTMLElement, init: MouseEventInit = {}): boolean {
  return a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
}

/** A framed window as the embed page sees it: a parent that records messages, an address with or without a secret. */
function framedWindow(hash: string) {
  const sent: unknown[] = [];
  const parent = { postMessage: (m: unknown) => void sent.push(m) };
  // Its origin is jsdom's, against which the links' relative addresses resolve.
  return { win: { top: parent, parent, location: { hash, origin: location.origin } } as unknown as Window, sent };
}

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('when link routing turns on', () => {
  it('needs both a frame and #?secret=', () => {
    expect(wordPressSecret(framedWindow('#?secret=abc123').win)).toBe('abc123');
    expect(wordPressSecret(framedWindow('').win), 'framed without a secret: a pym or snippet host').toBeNull();
    expect(wordPressSecret(framedWindow('#?secret=<bad>').win)).toBeNull();
    const topLevel = { location: { hash: '#?secret=abc123' } } as unknown as Window & { top: unknown };
    topLevel.top = topLevel;
    expect(wordPressSecret(topLevel), 'a top-level tab with the secret in its address is not WordPress').toBeNull();
  });

  it('a reader who opens an address with #?secret= in a tab of its own gets ordinary links', () => {
    history.replaceState(null, '', '/embed/money-flows/#?secret=abc123');
    expect(window.top).toBe(window);
    const { root, host, links } = embedRoot();
    const posted = vi.spyOn(window, 'postMessage');
    const page = startEmbedPage(window, { widget: 'money-flows', rules, root, host });
    expect(page.inWordPress).toBe(false);
    for (const name of ['story', 'source', 'data', 'image']) {
      expect(click(links[name]!), `${name}: the browser follows it`).toBe(true);
    }
    expect(posted.mock.calls.filter(([m]) => (m as { message?: string })?.message === 'link')).toEqual([]);
    posted.mockRestore();
  });
});

describe('inside the sandbox', () => {
  let sent: unknown[];
  let links: Record<string, HTMLAnchorElement>;
  beforeEach(() => {
    const framed = framedWindow('#?secret=abc123');
    sent = framed.sent;
    const built = embedRoot();
    links = built.links;
    routeLinksThroughWordPress(framed.win, built.root, 'money-flows', () => wordPressSecret(framed.win));
  });

  it('the story, a source and both downloads go through wp-embed, each to a page on our own host', () => {
    expect(click(links.story!)).toBe(false);
    expect(click(links.source!)).toBe(false);
    expect(click(links.data!)).toBe(false);
    expect(click(links.image!)).toBe(false);
    expect(sent).toEqual([
      { message: 'link', value: `${location.origin}/chapters/the-bet/`, secret: 'abc123' },
      { message: 'link', value: `${location.origin}/sources/`, secret: 'abc123' },
      { message: 'link', value: `${location.origin}/data/#data-money-flows`, secret: 'abc123' },
      { message: 'link', value: `${location.origin}/data/#data-money-flows`, secret: 'abc123' },
    ]);
  });

  it('leaves in-page links and modified clicks alone', () => {
    expect(click(links.inpage!)).toBe(true);
    expect(click(links.story!, { ctrlKey: true })).toBe(true);
    expect(click(links.story!, { button: 1 })).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('where a sandboxed click goes', () => {
  const go = (href: string, top: boolean, download = false) => sandboxLinkTarget({ href, top, download }, ORIGIN, 'timeline');
  it('keeps links on our host, sends other hosts to our sources page, downloads to the data page', () => {
    expect(go(`${ORIGIN}/chapters/the-bet/`, true)).toBe(`${ORIGIN}/chapters/the-bet/`);
    expect(go('https://news.example/a', true)).toBe(`${ORIGIN}/sources/`);
    expect(go(`${ORIGIN}/data/timeline.csv`, false, true)).toBe(`${ORIGIN}/data/#data-timeline`);
    expect(go(`${ORIGIN}/x/`, false)).toBeNull();
    expect(go('javascript:alert(1)', true)).toBeNull();
    expect(go('not a url', true)).toBeNull();
  });
});

describe("wp-embed.js's ready message", () => {
  it('is recognised only with our secret', () => {
    expect(isWpReady({ message: 'ready', secret: 'abc123' }, 'abc123')).toBe(true);
    expect(isWpReady({ message: 'ready', secret: 'other' }, 'abc123')).toBe(false);
    expect(isWpReady({ message: 'height', secret: 'abc123' }, 'abc123')).toBe(false);
    expect(isWpReady('ready', 'abc123')).toBe(false);
  });

  it('makes a framed page send its height again, with the secret', () => {
    const { root } = embedRoot();
    root.getBoundingClientRect = () => ({ height: 321 }) as DOMRect;
    const listeners: ((e: MessageEvent) => void)[] = [];
    const sent: unknown[] = [];
    const parent = { postMessage: (m: unknown) => void sent.push(m) };
    const win = {
      parent,
      top: parent,
      location: { hash: '#?secret=abc123', origin: ORIGIN },
      document: { readyState: 'loading' },
      requestAnimationFrame: () => 0,
      addEventListener: (type: string, fn: (e: MessageEvent) => void) => type === 'message' && listeners.push(fn),
    } as unknown as Window;
    startHeightReports(win, root, parseEmbedParams('', '', rules), 'money-flows', () => wordPressSecret(win));
    const before = sent.length;
    for (const fn of listeners) fn({ source: parent, data: { message: 'ready', secret: 'abc123' } } as unknown as MessageEvent);
    expect(sent.slice(before)).toContainEqual({ message: 'height', value: 321, secret: 'abc123' });
    const after = sent.length;
    for (const fn of listeners) fn({ source: parent, data: { message: 'ready', secret: 'nope' } } as unknown as MessageEvent);
    for (const fn of listeners) fn({ source: {}, data: { message: 'ready', secret: 'abc123' } } as unknown as MessageEvent);
    expect(sent.length, 'a wrong secret or another window asks nothing').toBe(after);
  });
});
