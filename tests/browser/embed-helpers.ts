/**
 * Helpers for the embed tests: a host page on ANOTHER origin (a tiny HTTP server on 127.0.0.1, random port, serving
 * pages from memory), a static server that serves the build with the rules of its _headers file, and the checks
 * that an iframe is exactly as tall as its content.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, type Frame, type Page } from '@playwright/test';
import { outDir } from './helpers';

export { outDir, siteOrigin } from './helpers';

/** Widgets with an embed page in the build, in the build's order. */
export function builtWidgets(dir: string = outDir()): string[] {
  const embed = join(dir, 'embed');
  if (!existsSync(embed)) return [];
  return readdirSync(embed, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(embed, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** WordPress's wp-embed.js sets a frame's height from its "height" message clamped to this range (6.1, read there). */
export const WP_EMBED_HEIGHT = { min: 200, max: 1000 } as const;

/**
 * A stand-in for WordPress 6.1's wp-includes/js/wp-embed.js, line for line where it matters (the real file is in
 * Debian's `wordpress` package, which browser tests do not need): a message is trusted only with a secret of
 * letters and digits, from the window of the iframe carrying that secret; any such message hides the blockquotes
 * with the secret and removes the iframe's style (WordPress's clip that hides it); "height" sets the iframe's height
 * clamped to 200–1000 px; "link" moves the top window only to an http(s) address on the iframe's own host, and only
 * while that iframe has focus. On load it sends each iframe "ready". It also records what it obeyed (wpMessages).
 */
export const WP_EMBED_STAND_IN = `(function () {
  window.wpMessages = [];
  window.addEventListener('message', function (e) {
    var data = e.data, i, source, height, sourceURL, targetURL;
    if (!data) return;
    if (!(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    var iframes = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    var blockquotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
    for (i = 0; i < blockquotes.length; i++) blockquotes[i].style.display = 'none';
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      window.wpMessages.push({ id: source.getAttribute('data-test'), message: data.message, value: data.value });
      if ('height' === data.message) {
        height = parseInt(data.value, 10);
        if (height > ${WP_EMBED_HEIGHT.max}) height = ${WP_EMBED_HEIGHT.max};
        else if (~~height < ${WP_EMBED_HEIGHT.min}) height = ${WP_EMBED_HEIGHT.min};
        source.height = height;
      }
      if ('link' === data.message) {
        sourceURL = document.createElement('a');
        targetURL = document.createElement('a');
        sourceURL.href = source.getAttribute('src');
        targetURL.href = data.value;
        if (!/^https?:$/i.test(targetURL.protocol)) continue;
        if (targetURL.host === sourceURL.host && document.activeElement === source) window.top.location.href = data.value;
      }
    }
  });
  window.addEventListener('load', function () {
    var iframes = document.querySelectorAll('iframe.wp-embedded-content');
    for (var i = 0; i < iframes.length; i++) iframes[i].contentWindow.postMessage({ message: 'ready', secret: iframes[i].getAttribute('data-secret') }, '*');
  });
})();`;

/** What WordPress prints for a pasted address whose oEmbed answer has our blockquote (wp_filter_oembed_result). */
export function wordPressEmbedHtml(opts: { site: string; id: string; secret: string; height: number; title: string }): string {
  const src = `${opts.site}/embed/${opts.id}/`;
  return (
    `<blockquote class="wp-embedded-content" data-secret="${opts.secret}"><a href="${src}">${opts.title}</a></blockquote>` +
    `<iframe data-test="${opts.id}" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" ` +
    `title="${opts.title}" src="${src}#?secret=${opts.secret}" data-secret="${opts.secret}" width="100%" height="${opts.height}" frameborder="0" marginwidth="0" marginheight="0"></iframe>`
  );
}

export const PYM_JS = readFileSync(resolve('node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');

export interface TestServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `pages` (path → HTML or [type, body]) on 127.0.0.1 at a random port: an origin unlike the site's. */
export async function startHostServer(pages: Record<string, string | [string, string]>, host = '127.0.0.1'): Promise<TestServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const [type, body] = typeof page === 'string' ? ['text/html; charset=utf-8', page] : page;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  return listen(server, host);
}

function listen(server: Server, host: string, port = 0): Promise<TestServer> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      if (!addr || typeof addr === 'string') return fail(new Error('no port'));
      done({ origin: `http://${host}:${addr.port}`, close: () => new Promise((c) => server.close(() => c())) });
    });
  });
}

// ── _headers (Netlify / Cloudflare Pages format) ──────────────────────────────────────────────────────────────

export interface HeaderRule {
  path: string;
  set: [string, string][];
  detach: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: line, set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header before any path: ${line}`);
    if (line.startsWith('!')) rule.detach.push(line.slice(1).trim().toLowerCase());
    else {
      const i = line.indexOf(':');
      if (i < 1) throw new Error(`_headers: not a header: ${line}`);
      rule.set.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

/** A path pattern as both hosts read it: `*` matches anything, including nothing and slashes. */
export function matchesRule(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/**
 * Headers for a path: every matching rule in order; a rule's `! Name` drops what earlier rules set for Name, and a
 * later rule's value for the same header replaces an earlier one (what Netlify does; Cloudflare with the detaches).
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesRule(rule.path, path)) continue;
    for (const name of rule.detach) delete out[name];
    const own: Record<string, string> = {};
    for (const [name, value] of rule.set) own[name] = own[name] ? `${own[name]}, ${value}` : value;
    Object.assign(out, own);
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the build like a static host that reads _headers (directory index, 404.html); on a random port unless told. */
export async function startStaticServer(dir: string = outDir(), host = '127.0.0.1', port = 0): Promise<TestServer & { rules: HeaderRule[] }> {
  const headersFile = join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile() && !path.endsWith('/_headers');
    const status = found ? 200 : 404;
    const body = found ? readFileSync(file) : existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : Buffer.from('not found');
    const type = found ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/html; charset=utf-8';
    res.writeHead(status, { 'Content-Type': type, ...headersFor(rules, path) }).end(body);
  });
  return { ...(await listen(server, host, port)), rules };
}

// ── Host pages ────────────────────────────────────────────────────────────────────────────────────────────────

export const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;padding:16px;font:16px/1.5 Georgia,serif;background:#fff;color:#111}.slot{margin:0 0 40px}p{max-width:40rem}</style>${head}</head><body>${body}</body></html>`;

// ── Measuring ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface FrameFit {
  id: string;
  iframe: number;
  content: number;
  scrollHeight: number;
  innerHeight: number;
}

/** The iframe's box height on the host page and its content height inside. */
export async function measureFit(hostPage: Page, selector: string, id: string): Promise<FrameFit> {
  const handle = await hostPage.locator(selector).elementHandle();
  if (!handle) throw new Error(`${id}: no iframe ${selector}`);
  const frame = (await handle.contentFrame()) as Frame | null;
  if (!frame) throw new Error(`${id}: iframe has no frame`);
  const iframe = await handle.evaluate((el) => (el as HTMLElement).clientHeight);
  const inside = await frame.evaluate(() => {
    const root = document.querySelector('[data-embed-root]');
    return {
      content: root ? root.getBoundingClientRect().height : -1,
      scrollHeight: document.documentElement.scrollHeight,
      innerHeight: window.innerHeight,
    };
  });
  return { id, iframe, ...inside };
}

/** The frame height a host sets for a content height: our loader, pym and AMP take it as it is. */
export type HostHeight = (content: number) => number;
export const exactHeight: HostHeight = (content) => content;
/** What wp-embed.js does with a height message. */
export const wordPressHeight: HostHeight = (content) => Math.min(WP_EMBED_HEIGHT.max, Math.max(WP_EMBED_HEIGHT.min, Math.ceil(content)));

/**
 * Waits until every listed iframe is as tall as the host makes it for its content (±2px), with nothing to scroll
 * inside it unless the host caps the height below the content.
 */
export async function expectFramesFit(
  hostPage: Page,
  frames: { id: string; selector: string }[],
  label: string,
  timeout = 15_000,
  hostHeight: HostHeight = exactHeight,
): Promise<FrameFit[]> {
  let last: FrameFit[] = [];
  const misfits = () =>
    last.filter((m) => {
      const want = hostHeight(m.content);
      return m.content <= 0 || Math.abs(m.iframe - want) > 2 || (want >= m.content && m.scrollHeight > m.innerHeight);
    });
  try {
    await expect
      .poll(
        async () => {
          last = [];
          for (const f of frames) last.push(await measureFit(hostPage, f.selector, f.id));
          return misfits().map((m) => m.id);
        },
        { timeout },
      )
      .toEqual([]);
  } catch {
    throw new Error(`${label}: iframes whose height does not match their content: ${JSON.stringify(misfits())}`);
  }
  return last;
}

/** Scrolls each iframe into view in turn, so lazy frames load and client:visible charts hydrate. */
export async function visitFrames(hostPage: Page, selectors: string[]): Promise<void> {
  for (const s of selectors) {
    await hostPage.locator(s).scrollIntoViewIfNeeded();
    await hostPage.waitForTimeout(50);
  }
  await hostPage.evaluate(() => window.scrollTo(0, 0));
}

export const HOSTILE = ['<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', "'-alert(1)-'", `${'<img src=x onerror=alert(1)>'}${'A'.repeat(10 * 1024)}`];

/** Waits for the chart to hydrate and fonts to load, then for the content height to hold still; returns it. */
export async function settledContentHeight(target: Page | Frame): Promise<number> {
  await target.waitForFunction(() => !document.querySelector('reset-chart:not([data-awake])'), undefined, { timeout: 15_000 }).catch(() => {});
  await target.evaluate(() => document.fonts.ready.then(() => undefined));
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await target.evaluate(
      () =>
        new Promise<number>((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => r(document.querySelector('[data-embed-root]')?.getBoundingClientRect().height ?? -1))),
        ),
    );
    if (h === last) return h;
    last = h;
    await new Promise((r) => setTimeout(r, 150));
  }
  return last;
}

/** The title an embed page gives its chart (from the built HTML). */
export function embedTitle(id: string, dir: string = outDir()): string {
  const html = readFileSync(join(dir, 'embed', id, 'index.html'), 'utf8');
  const m = html.match(/<meta property="og:title" content="([^"]*)"/);
  return m ? m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : id;
}
