/**
 * A Content-Security-Policy for each page, script without 'unsafe-inline': every inline script a built page carries (Astro's
 * island loader, the theme script, the embed page's early script…) is allowed by its SHA-256 hash, scripts from
 * our own origin by 'self', and nothing else. Pure functions; src/integrations/csp.ts applies them to the build.
 *
 * The policy goes into a <meta http-equiv> right after <meta charset>, before any script. Directives a <meta>
 * cannot carry (frame-ancestors) and the other security headers are in public/_headers.
 */
import { createHash } from 'node:crypto';

/** Script types that are data, not code: CSP does not apply to them, so they need no hash. */
const DATA_TYPES = new Set(['application/json', 'application/ld+json', 'text/plain', 'text/template']);

const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CSP_META_RE = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** The text of every inline script in the page that the browser would run. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(SCRIPT_RE)) {
    const attrs = m[1] ?? '';
    if (attr(attrs, 'src') !== null) continue;
    const type = (attr(attrs, 'type') ?? '').trim().toLowerCase();
    if (DATA_TYPES.has(type)) continue;
    out.push(m[2] ?? '');
  }
  return out;
}

export function sha256(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** Put on the element whose script compiles WebAssembly (search, with Pagefind): only its pages allow that. */
export const WASM_MARKER = 'data-csp-wasm';

/** Whether a page carries an element marked with WASM_MARKER. */
export function runsWasm(html: string): boolean {
  return new RegExp(`<[a-z][^>]*\\s${WASM_MARKER}(?=[\\s=>/])`, 'i').test(html);
}

/**
 * The page's policy. script-src: our origin and the page's own inline scripts, by hash; 'wasm-unsafe-eval' (it
 * allows no eval() of JavaScript) only where search runs: Pagefind compiles its WebAssembly in a worker, and in the
 * page itself when it falls back to the main thread. Everything else defaults to our origin, with what the site
 * legitimately uses besides: inline styles (Astro inlines page CSS and sets style attributes), data: and blob:
 * images and data: fonts (the chart image download draws an SVG blob with its fonts inlined).
 */
export function pagePolicy(hashes: Iterable<string>, { wasm = false }: { wasm?: boolean } = {}): string {
  const unique = [...new Set(hashes)].sort();
  const script = ["'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : []), ...unique].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

export function hasCspMeta(html: string): boolean {
  return CSP_META_RE.test(html);
}

/**
 * Inserts the policy as the first thing after <meta charset>, or at the start of <head>, or (a page without <head>,
 * such as Astro's redirect pages, whose parser opens the head implicitly) right after the doctype.
 */
export function injectCsp(html: string, policy: string): string {
  const tag = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const at =
    /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html) ??
    /<head\b[^>]*>/i.exec(html) ??
    /^\s*(?:<!doctype[^>]*>)?\s*(?:<html\b[^>]*>)?/i.exec(html)!;
  return html.slice(0, at.index + at[0].length) + tag + html.slice(at.index + at[0].length);
}

/** The page with its policy; a page that already has a CSP <meta> is an error (two policies would both apply). */
export function withCsp(html: string): string {
  if (hasCspMeta(html)) throw new Error('the page already has a Content-Security-Policy <meta>');
  return injectCsp(html, pagePolicy(inlineScripts(html).map(sha256), { wasm: runsWasm(html) }));
}
