/**
 * Every built page (redirect pages included) carries one CSP <meta> before any script: default-src 'self', a
 * script-src with no 'unsafe-inline' that lists the hash of each of its inline scripts, 'wasm-unsafe-eval' exactly
 * on the pages that carry search, and no inline event handlers (the policy would block them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, outDir } from './hosts';

const dir = outDir();
const pages = builtPages(dir).map((p) => {
  const html = readFileSync(join(dir, p.endsWith('/') ? `${p}index.html` : p), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)].map((m) => m[1]!.replace(/&quot;/g, '"'));
  const directives = new Map((metas[0] ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  return { path: p, html, metas, directives };
});

describe('the CSP <meta> of every page', () => {
  it('covers every page', () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  for (const { path, html, metas, directives } of pages) {
    it(path, () => {
      expect(metas, 'one policy').toHaveLength(1);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      const script = directives.get('script-src')!;
      expect(script[0]).toBe("'self'");
      for (const v of script.slice(1)) expect(v).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$|^'wasm-unsafe-eval'$/);
      const search = /<[a-z][^>]*\sdata-csp-wasm[\s>=]/.test(html);
      expect(script.includes("'wasm-unsafe-eval'"), search ? 'a page with search compiles WebAssembly' : 'no WebAssembly without search').toBe(search);
      const firstScript = html.indexOf('<script');
      if (firstScript >= 0) expect(html.indexOf('http-equiv="content-security-policy"'), 'before the first script').toBeLessThan(firstScript);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\ssrc=/.test(m[1]!) || /type="application\/(ld\+)?json"/.test(m[1]!)) continue;
        expect(script, 'hash of an inline script').toContain(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
      }
      expect(html, 'no inline event handlers').not.toMatch(/<[a-z][^>]*\son(click|load|error|submit|change|input|mouseover)\s*=/i);
    });
  }

  it('allows WebAssembly on the pages with search and on no embed page', () => {
    const withWasm = pages.filter((p) => p.directives.get('script-src')!.includes("'wasm-unsafe-eval'")).map((p) => p.path);
    expect(withWasm).toContain('/');
    expect(withWasm).toContain('/embed/');
    expect(withWasm.filter((p) => /^\/embed\/[^/]+\/$/.test(p))).toEqual([]);
  });
});
