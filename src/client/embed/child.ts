/**
 * The embed page's side of embedding (DOM wiring; the pure parts live in params.ts and messages.ts):
 *   - reads its state from its own URL at run time and hands it to the chart the way scroll steps do (host
 *     attributes + STATE_EVENT), so no parameter is ever written into the page as HTML;
 *   - tells its parent its content height on load, after web fonts load and on every size change (one message per
 *     animation frame), in our own, pym.js's, AMP's and WordPress's formats;
 *   - inside WordPress's sandbox (framed, with #?secret=), asks wp-embed.js to open the story, sources and the data
 *     page in the reader's tab (the sandbox blocks target=_top and downloads).
 */
import { HOST_AS_OF, HOST_HIGHLIGHT, STATE_EVENT, type StateRules } from '../../lib/widget-state';
import { heightMessages, isHeightRequest, isWpReady, sandboxLinkTarget, wpLinkMessage } from '../../lib/embed/messages';
import { parseEmbedParams, parseWpSecret, type EmbedParams, type EmbedTheme, type EmbedView } from '../../lib/embed/params';

export const PLAIN_CLASS = 'embed-plain';

export function applyTheme(doc: Document, theme: EmbedTheme): void {
  if (theme === 'auto') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}

export function applyPlain(doc: Document, plain: boolean): void {
  doc.documentElement.classList.toggle(PLAIN_CLASS, plain);
}

export function applyState(host: HTMLElement, params: EmbedParams): void {
  host.setAttribute(HOST_AS_OF, params.state.asOf);
  host.setAttribute(HOST_HIGHLIGHT, params.state.highlight ?? '');
  host.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: { ...params.state } }));
}

/**
 * Shows one of the embed's two views. The page holds the compact chart in its host and the full one in a
 * `<template data-embed-shelf>`; switching trades the two, so only one chart is ever in the document. The
 * "Full chart" link names the view it would switch to (its words are on the link, data-label-*).
 */
export function applyView(root: HTMLElement, host: HTMLElement, view: EmbedView): void {
  const shelf = root.querySelector<HTMLTemplateElement>('template[data-embed-shelf]');
  if (!shelf || host.dataset.embedView === view) return;
  const shown = root.ownerDocument.createDocumentFragment();
  shown.append(...host.childNodes);
  host.append(shelf.content);
  shelf.content.append(shown);
  host.dataset.embedView = view;
  const link = root.querySelector<HTMLAnchorElement>('[data-embed-view-switch]');
  if (link) link.textContent = (view === 'full' ? link.dataset.labelCompact : link.dataset.labelFull) ?? link.textContent;
}

/** The "Full chart" link switches views in place (keeping the state and WordPress's secret), and back. */
export function wireViewSwitch(root: HTMLElement, host: HTMLElement, state: () => EmbedParams): void {
  root.querySelector<HTMLAnchorElement>('[data-embed-view-switch]')?.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    applyView(root, host, host.dataset.embedView === 'full' ? 'compact' : 'full');
    applyState(host, state());
  });
}

/** Content height: the embed root's box (the page has no margins outside it). */
export function contentHeight(root: HTMLElement): number {
  return root.getBoundingClientRect().height;
}

/**
 * WordPress's secret when this page sits in WordPress's sandbox, else null. Both must hold: the page is framed, and
 * its address carries `#?secret=`. A reader who opens such an address in a tab of its own is not in WordPress, and
 * their clicks must stay ordinary links.
 */
export function wordPressSecret(win: Pick<Window, 'top' | 'location'>): string | null {
  if (!win.top || win.top === win) return null;
  return parseWpSecret(win.location.hash);
}

/**
 * Starts the height reports; returns a function that sends one now (used by tests and the builder). `wpSecret` is
 * read at each send: wp-embed.js may add the secret to the frame's address after the page has loaded.
 */
export function startHeightReports(win: Window, root: HTMLElement, params: EmbedParams, widget: string, wpSecret: () => string | null = () => null): () => void {
  const parent = win.parent;
  const framed = parent && parent !== win;
  let last = -1;
  let frame = 0;
  const send = (force: boolean) => {
    const height = contentHeight(root);
    if (!framed || (!force && Math.ceil(height) === last)) return;
    last = Math.ceil(height);
    for (const m of heightMessages({ widget, height, childId: params.childId, secret: wpSecret() })) {
      // Height only, never state or secrets of the host: '*' is safe, and the only way to reach any parent.
      parent.postMessage(m, '*');
    }
  };
  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      send(false);
    });
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(schedule).observe(root);
  else win.addEventListener('resize', schedule);
  if (win.document.readyState === 'complete') send(true);
  else win.addEventListener('load', () => send(true), { once: true });
  win.document.fonts?.ready.then(() => send(true)).catch(() => {});
  win.addEventListener('hashchange', () => send(true));
  // Our loader and wp-embed.js ask once they run (the iframe may have loaded first); pym parents send their width.
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent) return;
    const secret = wpSecret();
    if (isHeightRequest(e.data) || (secret && isWpReady(e.data, secret))) send(true);
    else if (params.childId && typeof e.data === 'string' && e.data.startsWith(`pymxPYMx${params.childId}xPYMxwidthxPYMx`)) schedule();
  });
  send(true);
  return () => send(true);
}

/**
 * In WordPress's sandbox (scripts only: no top navigation, no downloads, no pop-ups) a click on the story, a source
 * or a download would do nothing. Each goes through wp-embed's "link" message instead, which opens the page in the
 * reader's tab (see sandboxLinkTarget for where each one goes). Off, clicks are left alone.
 */
export function routeLinksThroughWordPress(win: Window, root: HTMLElement, widget: string, wpSecret: () => string | null): void {
  root.addEventListener('click', (e) => {
    const secret = wpSecret();
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!secret || !a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const target = sandboxLinkTarget({ href: a.href, top: a.target === '_top', download: a.hasAttribute('download') }, win.location.origin, widget);
    if (!target) return;
    e.preventDefault();
    win.parent.postMessage(wpLinkMessage(secret, target), '*');
  });
}

export interface EmbedPageOptions {
  widget: string;
  rules: StateRules;
  root: HTMLElement;
  host: HTMLElement;
}

/** Starts the embed page; returns its parameters and whether it sits in WordPress's sandbox right now. */
export function startEmbedPage(win: Window, { widget, rules, root, host }: EmbedPageOptions): EmbedParams & { inWordPress: boolean } {
  const params = parseEmbedParams(win.location.search, win.location.hash, rules);
  applyTheme(win.document, params.theme);
  applyPlain(win.document, params.plain);
  applyView(root, host, params.view);
  applyState(host, params);
  wireViewSwitch(root, host, () => params);
  const wpSecret = () => wordPressSecret(win);
  startHeightReports(win, root, params, widget, wpSecret);
  routeLinksThroughWordPress(win, root, widget, wpSecret);
  return { ...params, inWordPress: wpSecret() !== null };
}
