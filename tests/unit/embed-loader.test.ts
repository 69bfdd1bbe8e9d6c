// The loader (public/embed.js) in jsdom: which messages it obeys and which it ignores.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_HEIGHT, readOwnHeight } from '../../src/lib/embed/messages';

const CODE = readFileSync('public/embed.js', 'utf8');
const ORIGIN = 'https://reset.example';

/** Listeners the loader added, removed after each test so every test starts from a page without the loader. */
const added: [string, EventListenerOrEventListenerObject][] = [];

function load(src = `${ORIGIN}/embed.js`) {
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => ({ src }) });
  const add = window.addEventListener;
  window.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: unknown) => {
    added.push([type, fn]);
    add.call(window, type, fn, opts as AddEventListenerOptions);
  }) as typeof window.addEventListener;
  try {
    // eslint-disable-next-line no-new-func
    new Function(CODE)();
  } finally {
    window.addEventListener = add;
    Object.defineProperty(document, 'currentScript', { configurable: true, get: () => null });
  }
}

function frame(src: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.setAttribute('src', src);
  document.body.append(f);
  return f;
}

function send(data: unknown, origin: string, source: Window | null) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const msg = (height: unknown) => ({ source: 'the-reset', type: 'height', widget: 'timeline', height });

describe('embed.js', () => {
  beforeEach(() => {
    for (const k of Object.keys(window)) if (k.startsWith('__theResetEmbed')) delete (window as unknown as Record<string, unknown>)[k];
    document.body.innerHTML = '';
  });
  afterEach(() => {
    for (const [type, fn] of added.splice(0)) window.removeEventListener(type, fn);
    document.body.innerHTML = '';
  });

  it('sizes the iframe a height message came from', () => {
    load();
    const a = frame(`${ORIGIN}/embed/timeline/`);
    const b = frame(`${ORIGIN}/embed/money-flows/?asOf=2024-01-01`);
    send(msg(432), ORIGIN, b.contentWindow);
    expect(b.style.height).toBe('432px');
    expect(a.style.height).toBe('');
    send(msg(511.3), ORIGIN, a.contentWindow);
    expect(a.style.height).toBe('512px');
  });

  it('finds iframes added after it ran', () => {
    load();
    const late = frame(`${ORIGIN}/embed/timeline/`);
    send(msg(300), ORIGIN, late.contentWindow);
    expect(late.style.height).toBe('300px');
  });

  it('ignores messages from any other origin, even with the right frame', () => {
    load();
    const f = frame(`${ORIGIN}/embed/timeline/`);
    send(msg(300), 'https://evil.example', f.contentWindow);
    send(msg(300), 'http://reset.example', f.contentWindow);
    expect(f.style.height).toBe('');
  });

  it('ignores messages from our origin but another window', () => {
    load();
    const f = frame(`${ORIGIN}/embed/timeline/`);
    const other = frame('https://elsewhere.example/page');
    send(msg(300), ORIGIN, other.contentWindow);
    send(msg(300), ORIGIN, window);
    send(msg(300), ORIGIN, null);
    expect(f.style.height).toBe('');
    expect(other.style.height).toBe('');
  });

  it('never touches iframes that are not our embeds', () => {
    load();
    const builder = frame(`${ORIGIN}/embed/`);
    const page = frame(`${ORIGIN}/chapters/the-bet/`);
    send(msg(300), ORIGIN, builder.contentWindow);
    send(msg(300), ORIGIN, page.contentWindow);
    expect(builder.style.height).toBe('');
    expect(page.style.height).toBe('');
  });

  it('ignores NaN, strings, negative, zero and huge heights, and other message shapes', () => {
    load();
    const f = frame(`${ORIGIN}/embed/timeline/`);
    send(msg(250), ORIGIN, f.contentWindow);
    for (const h of [NaN, '900', -20, 0, MAX_HEIGHT + 1, 1e12, Infinity, null, { valueOf: () => 5 }]) {
      send(msg(h), ORIGIN, f.contentWindow);
      expect(f.style.height, String(h)).toBe('250px');
    }
    send({ source: 'other', type: 'height', height: 400 }, ORIGIN, f.contentWindow);
    send('pymxPYMxcxPYMxheightxPYMx400', ORIGIN, f.contentWindow);
    send({ message: 'height', value: 400, secret: 'x' }, ORIGIN, f.contentWindow);
    expect(f.style.height).toBe('250px');
    send(msg(MAX_HEIGHT), ORIGIN, f.contentWindow);
    expect(f.style.height).toBe(`${MAX_HEIGHT}px`);
  });

  it('agrees with readOwnHeight, the rule the child and tests share', () => {
    load();
    const f = frame(`${ORIGIN}/embed/timeline/`);
    for (const h of [1, 0.3, 99.5, 640, 9999.2, 10_000, 10_000.5, -1, NaN, 0]) {
      f.style.height = '';
      send(msg(h), ORIGIN, f.contentWindow);
      const want = readOwnHeight(msg(h));
      expect(f.style.height, String(h)).toBe(want === null ? '' : `${want}px`);
    }
  });

  it('installs one listener per origin however many times the snippet is pasted', () => {
    load();
    load();
    load();
    const f = frame(`${ORIGIN}/embed/timeline/`);
    let sets = 0;
    const style = f.style;
    const orig = Object.getOwnPropertyDescriptor(CSSStyleDeclaration.prototype, 'height');
    Object.defineProperty(style, 'height', { configurable: true, set: () => sets++, get: () => '' });
    send(msg(300), ORIGIN, f.contentWindow);
    expect(sets).toBe(1);
    if (orig) delete (style as unknown as Record<string, unknown>).height;
  });

  it('does nothing without a script URL to take its origin from', () => {
    load('');
    const f = frame(`${ORIGIN}/embed/timeline/`);
    send(msg(300), ORIGIN, f.contentWindow);
    expect(f.style.height).toBe('');
  });

  it('asks for heights only frames that hold our page, never one still on about:blank', () => {
    // Two frames exist before the loader runs: one still loading (about:blank, the host's origin), one that has
    // loaded our embed (a cross-origin document, which the host cannot read).
    // (jsdom loads no frame: each frame's window is what a browser gives the host page at that point.)
    const blank = frame(`${ORIGIN}/embed/timeline/`);
    const toBlank: unknown[] = [];
    const stillBlank = { location: { origin: location.origin, href: 'about:blank' }, postMessage: (m: unknown) => void toBlank.push(m) };
    Object.defineProperty(blank, 'contentWindow', { configurable: true, get: () => stillBlank });
    const ready = frame(`${ORIGIN}/embed/money-flows/`);
    const toReady: [unknown, unknown][] = [];
    const crossOrigin = {
      get location(): Location {
        throw new DOMException('Blocked a frame with origin from accessing a cross-origin frame.', 'SecurityError');
      },
      postMessage: (m: unknown, target: unknown) => void toReady.push([m, target]),
    };
    Object.defineProperty(ready, 'contentWindow', { configurable: true, get: () => crossOrigin });
    load();
    expect(toReady).toEqual([[{ source: 'the-reset', type: 'request-height' }, ORIGIN]]);
    expect(toBlank, 'a frame still on about:blank would log a target-origin warning').toEqual([]);
  });

  it('never navigates the host page', () => {
    expect(CODE).not.toMatch(/location\s*(\.href\s*)?=|location\.(assign|replace)|window\.open|\.submit\(/);
  });
});
