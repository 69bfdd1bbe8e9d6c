// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hasCspMeta, injectCsp, inlineScripts, pagePolicy, runsWasm, sha256, withCsp } from '../../src/lib/csp';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>console.log(1)</script>
<script is:inline type="module">import('/a.js')</script>
<script type="module" src="/_astro/x.js"></script>
<script type="application/ld+json">{"@type":"Thing"}</script>
<script type='application/json' id=data>{"a":1}</script>
<script
  data-x="1">const multi = 'line';
</script>
</head><body><script>document.body.dataset.ok = '1'</script></body></html>`;

describe('script CSP', () => {
  it('finds every inline script the browser would run, and only those', () => {
    expect(inlineScripts(PAGE)).toEqual(['console.log(1)', "import('/a.js')", "const multi = 'line';\n", "document.body.dataset.ok = '1'"]);
  });

  it('hashes with SHA-256 in base64, as browsers compute it', () => {
    const want = createHash('sha256').update('console.log(1)').digest('base64');
    expect(sha256('console.log(1)')).toBe(`'sha256-${want}'`);
    expect(sha256('é')).toBe(`'sha256-${createHash('sha256').update(Buffer.from('é', 'utf8')).digest('base64')}'`);
  });

  it('allows self and the hashes, never unsafe-inline or unsafe-eval for script; everything else defaults to self', () => {
    const p = pagePolicy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);
    expect(p).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'",
    );
    const script = p.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(script).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });

  it("allows WebAssembly ('wasm-unsafe-eval') only on a page that runs search", () => {
    expect(pagePolicy([], { wasm: true })).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(withCsp(PAGE)).not.toContain('wasm-unsafe-eval');
    const withSearch = PAGE.replace('<body>', '<body><div class="site-search" data-csp-wasm><button>Search</button></div>');
    expect(runsWasm(withSearch)).toBe(true);
    expect(withCsp(withSearch)).toContain("'wasm-unsafe-eval'");
    // The word in text or in another attribute's name is not the marker.
    expect(runsWasm(PAGE.replace('<body>', '<body><p>data-csp-wasm</p><i data-csp-wasmy></i>'))).toBe(false);
  });

  it('puts the policy right after <meta charset>, before any script', () => {
    const out = withCsp(PAGE);
    expect(hasCspMeta(out)).toBe(true);
    const metaAt = out.indexOf('http-equiv="content-security-policy"');
    expect(metaAt).toBeGreaterThan(out.indexOf('<meta charset="utf-8">'));
    expect(metaAt).toBeLessThan(out.indexOf('<script'));
    for (const s of inlineScripts(PAGE)) expect(out).toContain(sha256(s));
  });

  it('falls back to the start of <head> and refuses a second policy', () => {
    expect(injectCsp('<html><head><title>t</title></head></html>', "script-src 'self'")).toBe(
      `<html><head><meta http-equiv="content-security-policy" content="script-src 'self'"><title>t</title></head></html>`,
    );
    expect(() => withCsp(withCsp(PAGE))).toThrow(/already/);
  });

  it("gives Astro's redirect page (no <head>, no script) a policy inside its implied head", () => {
    // What Astro 7 writes for a redirect (astro/dist/core/routing/3xx.js); the dist tier checks a real one.
    const page = `<!doctype html>
<title>Redirecting to: /chapters/new/</title>
<meta http-equiv="refresh" content="0;url=/chapters/new/">
<meta name="robots" content="noindex">
<link rel="canonical" href="https://r.example/chapters/new/">
<body>
	<a href="/chapters/new/">Redirecting from <code>/chapters/old/</code> to <code>/chapters/new/</code></a>
</body>`;
    const out = withCsp(page);
    expect(out).toMatch(/^<!doctype html>\s*<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; /);
    expect(out.indexOf('http-equiv="content-security-policy"')).toBeLessThan(out.indexOf('http-equiv="refresh"'));
    expect(inlineScripts(out)).toEqual([]);
  });
});
