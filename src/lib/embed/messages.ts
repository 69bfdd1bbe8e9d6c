/**
 * The messages an embed page sends its parent when its height changes, in every dialect newsrooms already run:
 * our own loader (/embed.js), pym.js parents, AMP's <amp-iframe resizable>, and WordPress's oEmbed sandbox.
 * Pure functions, shared by the embed page (src/client/embed/child.ts) and the tests.
 */

/** Marks our own messages. */
export const MESSAGE_SOURCE = 'the-reset';
/** The loader asks an iframe for its height with this type (it may have loaded before the loader). */
export const REQUEST_HEIGHT = 'request-height';
/** Heights outside this range are nonsense: the loader clamps to it, the child never sends outside it. */
export const MIN_HEIGHT = 1;
export const MAX_HEIGHT = 10_000;

export interface OwnHeightMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'height';
  widget: string;
  height: number;
}
export interface AmpHeightMessage {
  sentinel: 'amp';
  type: 'embed-size';
  height: number;
}
export interface WpHeightMessage {
  message: 'height';
  value: number;
  secret: string;
}
export interface WpLinkMessage {
  message: 'link';
  value: string;
  secret: string;
}

/** A content height in whole CSS pixels, clamped: fractions round up so the last pixel row is never cut. */
export function normalizeHeight(height: number): number | null {
  if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) return null;
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
}

export function ownHeightMessage(widget: string, height: number): OwnHeightMessage {
  return { source: MESSAGE_SOURCE, type: 'height', widget, height };
}

/** pym.js's wire format: `pymxPYMx<childId>xPYMx<type>xPYMx<message>`. */
export function pymMessage(childId: string, type: string, message: string | number): string {
  return ['pym', childId, type, String(message)].join('xPYMx');
}

export function ampHeightMessage(height: number): AmpHeightMessage {
  return { sentinel: 'amp', type: 'embed-size', height };
}

export function wpHeightMessage(secret: string, height: number): WpHeightMessage {
  return { message: 'height', value: height, secret };
}

/** WordPress's sandbox blocks target=_top links; its wp-embed script navigates the top window on this message. */
export function wpLinkMessage(secret: string, href: string): WpLinkMessage {
  return { message: 'link', value: href, secret };
}

/** wp-embed.js asks each embed for its height with this once it has loaded (the frame may have loaded first). */
export function isWpReady(data: unknown, secret: string): boolean {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  return d.message === 'ready' && d.secret === secret;
}

/** Where a click inside the sandbox sends the host's tab: the link, described by what the page knows of it. */
export interface SandboxLink {
  href: string;
  /** The link leaves the frame (target=_top): the story and the source links. */
  top: boolean;
  /** The link downloads a file (the sandbox refuses downloads). */
  download: boolean;
}

export const dataPagePath = (widget: string) => `/data/#data-${widget}`;
export const SOURCES_PAGE_PATH = '/sources/';

/**
 * The page WordPress's host should open for a click in its sandbox, or null to leave the click alone. wp-embed.js
 * follows only links on the embed's own host, so a source on another site opens our sources page (which links to
 * it), and a download (blocked in the sandbox) opens the chart's entry on the data page, where the files are.
 */
export function sandboxLinkTarget(link: SandboxLink, origin: string, widget: string): string | null {
  if (link.download) return `${origin}${dataPagePath(widget)}`;
  if (!link.top) return null;
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.origin === origin ? url.href : `${origin}${SOURCES_PAGE_PATH}`;
}

/** Every message to send for one height, given what the URL asked for. Heights that make no sense send nothing. */
export function heightMessages(opts: { widget: string; height: number; childId: string | null; secret: string | null }): unknown[] {
  const h = normalizeHeight(opts.height);
  if (h === null) return [];
  const out: unknown[] = [ownHeightMessage(opts.widget, h), ampHeightMessage(h)];
  if (opts.childId) out.push(pymMessage(opts.childId, 'height', h));
  if (opts.secret) out.push(wpHeightMessage(opts.secret, h));
  return out;
}

/**
 * The height our loader accepts from an untrusted message payload, or null to ignore it: a number above 0 and at
 * most MAX_HEIGHT (a fraction rounds up). Strings, NaN, infinities, zero, negatives and huge values are ignored,
 * so a broken or hostile message can never collapse an iframe or stretch it across the host page.
 * public/embed.js implements the same rule; tests/unit/embed-loader.test.ts holds the two together.
 */
export function readOwnHeight(data: unknown): number | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.source !== MESSAGE_SOURCE || d.type !== 'height') return null;
  const h = d.height;
  if (typeof h !== 'number' || !(h > 0) || h > MAX_HEIGHT) return null;
  return Math.max(MIN_HEIGHT, Math.ceil(h));
}

/** True for the loader's "send me your height" ping. */
export function isHeightRequest(data: unknown): boolean {
  return !!data && typeof data === 'object' && (data as Record<string, unknown>).source === MESSAGE_SOURCE && (data as Record<string, unknown>).type === REQUEST_HEIGHT;
}
