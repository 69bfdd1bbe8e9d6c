/**
 * The embed page's side of embedding (DOM wiring; the pure parts live in params.ts and messages.ts):
 *   - reads its state from its own URL at run time and hands it to the chart the way scroll steps do (host
 *     attributes + STATE_EVENT), so no parameter is ever written into the page as HTML;
 *   - tells its parent its content height on load, after web fonts load and on every size change (one message per
 *     animation frame), in our own, pym.js's, AMP's and WordPress's formats;
 *   - inside WordPress's sandbox, asks wp-embed to follow "explore the story" links (the sandbox blocks target=_top).
 */
import { HOST_AS_OF, HOST_HIGHLIGHT, STATE_EVENT, type StateRules } from '../../lib/widget-state';
import { heightMessages, isHeightRequest, wpLinkMessage } from '../../lib/embed/messages';
import { parseEmbedParams, type EmbedParams, type EmbedTheme } from '../../lib/embed/params';

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

/** Content height: the embed root's box (the page has no margins outside it). */
export function contentHeight(root: HTMLElement): number {
  return root.getBoundingClientRect().height;
}

/** Starts the height reports; returns a function that sends one now (used by tests and the builder). */
export function startHeightReports(win: Window, root: HTMLElement, params: EmbedParams, widget: string): () => void {
  const parent = win.parent;
  const framed = parent && parent !== win;
  let last = -1;
  let frame = 0;
  const send = (force: boolean) => {
    const height = contentHeight(root);
    if (!framed || (!force && Math.ceil(height) === last)) return;
    last = Math.ceil(height);
    for (const m of heightMessages({ widget, height, childId: params.childId, secret: params.secret })) {
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
  // Our loader asks once it runs (the iframe may have loaded first); pym parents send their width on resize.
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent) return;
    if (isHeightRequest(e.data)) send(true);
    else if (params.childId && typeof e.data === 'string' && e.data.startsWith(`pymxPYMx${params.childId}xPYMxwidthxPYMx`)) schedule();
  });
  send(true);
  return () => send(true);
}

/** In WordPress's sandbox (no allow-top-navigation), links to the story go through wp-embed's "link" message. */
export function routeTopLinksThroughWordPress(win: Window, root: HTMLElement, secret: string): void {
  root.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[target="_top"]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    win.parent.postMessage(wpLinkMessage(secret, a.href), '*');
  });
}

export interface EmbedPageOptions {
  widget: string;
  rules: StateRules;
  root: HTMLElement;
  host: HTMLElement;
}

export function startEmbedPage(win: Window, { widget, rules, root, host }: EmbedPageOptions): EmbedParams {
  const params = parseEmbedParams(win.location.search, win.location.hash, rules);
  applyTheme(win.document, params.theme);
  applyPlain(win.document, params.plain);
  applyState(host, params);
  startHeightReports(win, root, params, widget);
  if (params.secret) routeTopLinksThroughWordPress(win, root, params.secret);
  return params;
}
