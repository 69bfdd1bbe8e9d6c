/**
 * The script policy, read from the built pages: every page carries one Content-Security-Policy <meta>, before any
 * script, whose script-src allows our origin and exactly the page's inline scripts by their SHA-256 hashes, never
 * 'unsafe-inline', 'unsafe-eval' or another origin, with default-src 'self' and 'wasm-unsafe-eval' exactly where search runs; and no page has script that a hash cannot allow (an inline event
 * handler, a javascript: URL). The pages are parsed by jsdom, not by the build's own scanner (src/lib/csp.ts), so a
 * script the build's scanner misses is a failure here. The response headers (_headers) are checked on real hosts in
 * their own tests; here only that the build ships the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distDocument, distHas, distPages, readDist } from './dist';

/** Script types a browser does not run (data blocks): CSP does not apply to them. */
const CODE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'importmap', 'speculationrules']);
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

it('the build has pages, and ships the _headers file from public/', () => {
  expect(distPages().length).toBeGreaterThan(10);
  expect(distHas('/_headers'), 'dist/_headers').toBe(true);
  expect(readDist('/_headers')).toBe(readFileSync('public/_headers', 'utf8'));
});

describe.each(distPages().map((p) => p.path))('%s', (path) => {
  it("has one script policy, before any script, allowing exactly its inline scripts, never 'unsafe-inline'", () => {
    const doc = distDocument(path);
    const metas = [...doc.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
    expect(metas, 'one CSP <meta>').toHaveLength(1);
    const meta = metas[0]!;
    expect(meta.parentElement, 'the CSP <meta> is in <head>').toBe(doc.head);
    const firstScript = doc.querySelector('script');
    if (firstScript) expect(meta.compareDocumentPosition(firstScript) & 4, 'the CSP <meta> comes before the first script').toBeTruthy();

    const directives = new Map(
      meta.getAttribute('content')!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values] as const),
    );
    const scriptSrc = directives.get('script-src');
    expect(scriptSrc, 'script-src').toBeTruthy();
    expect(scriptSrc).toContain("'self'");
    for (const v of scriptSrc!) expect(v, 'script-src allows only self, wasm and hashes').toMatch(/^(?:'self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    // Only search compiles WebAssembly: the allowance goes with it and nowhere else.
    const search = doc.querySelector('[data-csp-wasm]') !== null;
    expect(scriptSrc!.includes("'wasm-unsafe-eval'"), search ? 'a page with search compiles WebAssembly' : 'no WebAssembly without search').toBe(search);

    const inline = [...doc.querySelectorAll('script:not([src])')].filter((s) => CODE_TYPES.has((s.getAttribute('type') ?? '').trim().toLowerCase()));
    const wanted = new Set(inline.map((s) => hashOf(s.textContent ?? '')));
    const allowed = new Set(scriptSrc!.filter((v) => v.startsWith("'sha256-")));
    for (const s of inline) expect(allowed, `hash of the inline script «${(s.textContent ?? '').trim().slice(0, 80)}…»`).toContain(hashOf(s.textContent ?? ''));
    expect([...allowed].filter((h) => !wanted.has(h)), 'hashes for scripts the page does not have').toEqual([]);

    // Script no hash can allow.
    const handlers: string[] = [];
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) handlers.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
      }
    }
    expect(handlers, 'inline event handlers or javascript: URLs (the policy blocks them)').toEqual([]);
  });
});
