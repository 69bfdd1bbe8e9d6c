/**
 * A Content-Security-Policy for script without 'unsafe-inline': every inline script a built page carries (Astro's
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

/**
 * script-src: our origin and the page's own inline scripts, by hash. 'wasm-unsafe-eval' lets search (Pagefind)
 * compile its WebAssembly; it does not allow eval() of JavaScript.
 */
export function scriptPolicy(hashes: Iterable<string>): string {
  const unique = [...new Set(hashes)].sort();
  return [`script-src 'self' 'wasm-unsafe-eval'${unique.length ? ` ${unique.join(' ')}` : ''}`, "object-src 'none'", "base-uri 'self'"].join('; ');
}

export function hasCspMeta(html: string): boolean {
  return CSP_META_RE.test(html);
}

/** Inserts the policy as the first thing after <meta charset> (or at the start of <head>). */
export function injectCsp(html: string, policy: string): string {
  const tag = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + tag + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('no <head> to put the Content-Security-Policy in');
  return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
}

/** The page with its policy; a page that already has a CSP <meta> is an error (two policies would both apply). */
export function withCsp(html: string): string {
  if (hasCspMeta(html)) throw new Error('the page already has a Content-Security-Policy <meta>');
  return injectCsp(html, scriptPolicy(inlineScripts(html).map(sha256)));
}
