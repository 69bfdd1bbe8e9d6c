/**
 * The response headers of the build on real hosts. Cloudflare Pages: `wrangler pages dev` over the build (its own
 * runtime applies _headers, joining the values of a header that several rules set unless "! Name" detaches it).
 * Netlify: its own parser of _headers, matched as Netlify matches. nginx: the block in README.md. For every kind of
 * path: exactly one frame-ancestors ('*' only on the embed pages /embed/<id>/, 'self' elsewhere, the builder /embed/
 * included), nosniff, Referrer-Policy and Permissions-Policy everywhere, CORS on data, oEmbed, embed.js and the
 * fingerprinted assets, their cache rules, and the 404 page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtPages,
  netlifyHeadersFor,
  netlifyRules,
  nginxBlock,
  nginxHeadersFor,
  outDir,
  parseNginx,
  readme,
  startWrangler,
  type Wrangler,
} from './hosts';
import type { Header } from '@netlify/headers-parser';

const dir = outDir();
const widgets = readdirSync(join(dir, 'embed'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const asset = (ext: string) => `/_astro/${readdirSync(join(dir, '_astro')).find((f) => f.endsWith(ext))}`;
const MISSING = '/no-such-page/';

/** Every page, every data and oEmbed file of one chart, the loader, a script, a font and a missing page. */
const paths = [
  ...builtPages(dir).filter((p) => p !== '/404.html'),
  ...widgets.flatMap((id) => [`/embed/${id}/?asOf=2024-06-01&theme=dark`, `/data/${id}.csv`, `/data/${id}.json`, `/oembed/${id}.json`]),
  ...readdirSync(join(dir, 'oembed/chapters')).map((f) => `/oembed/chapters/${f}`),
  '/embed.js',
  asset('.js'),
  asset('.css'),
  asset('.woff2'),
  MISSING,
];

const EVERYWHERE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};
const CSP_REST = "object-src 'none'; base-uri 'self'; form-action 'self'";
const isEmbedPage = (p: string) => /^\/embed\/[^/]+\/(\?|$)/.test(p);
const isOpen = (p: string) => /^\/(data|oembed)\/|^\/embed\.js$|^\/_astro\//.test(p);

/** What every host must send for a path (names lower-case). */
function expected(path: string): Record<string, string> {
  const want: Record<string, string> = {
    ...EVERYWHERE,
    'content-security-policy': `frame-ancestors ${isEmbedPage(path) ? '*' : "'self'"}; ${CSP_REST}`,
  };
  if (isOpen(path)) want['access-control-allow-origin'] = '*';
  if (path.startsWith('/_astro/')) want['cache-control'] = 'public, max-age=31536000, immutable';
  if (path === '/embed.js') want['cache-control'] = 'public, max-age=3600';
  return want;
}

const frameAncestors = (csp: string | null | undefined) => (csp ?? '').split(/[;,]/).map((d) => d.trim()).filter((d) => d.startsWith('frame-ancestors'));

it('samples every kind of path', () => {
  expect(widgets.length).toBeGreaterThan(3);
  for (const kind of [/^\/$/, /^\/chapters\/[^/]+\/$/, /^\/charts\/$/, /^\/embed\/$/, /^\/teach\/[^/]+\/handout\/$/, /^\/data\/$/, /^\/glossary\/$/])
    expect(paths.some((p) => kind.test(p)), String(kind)).toBe(true);
});

describe('Cloudflare Pages (wrangler pages dev)', () => {
  let cf: Wrangler;
  const responses = new Map<string, Response>();

  beforeAll(async () => {
    cf = await startWrangler(dir);
    console.log(`wrangler pages dev ready in ${cf.startup.toFixed(1)} s`);
    for (const p of paths) responses.set(p, await fetch(`${cf.origin}${p}`, { redirect: 'manual' }));
  });
  afterAll(async () => {
    await cf?.stop();
  });

  it('reads every rule of _headers', () => {
    expect(cf.log()).toMatch(/Parsed 7 valid header rules/);
    expect(cf.log()).not.toMatch(/invalid header rule/i);
  });

  it('sends exactly one frame-ancestors on every path: * on the embed pages, self elsewhere (the builder too)', () => {
    for (const [p, r] of responses) {
      const fa = frameAncestors(r.headers.get('content-security-policy'));
      expect(fa, `${p}: ${r.headers.get('content-security-policy')}`).toHaveLength(1);
      expect(fa[0], p).toBe(isEmbedPage(p) ? 'frame-ancestors *' : "frame-ancestors 'self'");
    }
  });

  it('sends the headers of _headers on every path', () => {
    for (const [p, r] of responses) {
      for (const [name, value] of Object.entries(expected(p))) expect(r.headers.get(name), `${p}: ${name}`).toBe(value);
    }
  });

  it('serves pages, files and the 404 page', async () => {
    for (const [p, r] of responses) expect(r.status, p).toBe(p === MISSING ? 404 : 200);
    const missing = await (await fetch(`${cf.origin}${MISSING}`)).text();
    expect(missing).toContain('<title>Page not found');
  });
});

describe("Netlify (its own parser of _headers, matched as Netlify matches)", () => {
  let rules: Header[];
  beforeAll(async () => {
    rules = await netlifyRules(join(dir, '_headers'));
  });

  it('reads the same seven rules, and no "! Name" line as a header', () => {
    expect(rules.map((r) => r.for)).toEqual(['/*', '/embed/*', '/embed/', '/embed.js', '/data/*', '/oembed/*', '/_astro/*']);
    for (const r of rules) for (const name of Object.keys(r.values)) expect(name).not.toMatch(/^!/);
  });

  it('gives every path what every host must send, and nothing more', () => {
    for (const p of paths) expect(netlifyHeadersFor(rules, p.split('?')[0]!), p).toEqual(expected(p));
  });
});

describe("nginx (the block in README.md)", () => {
  const server = parseNginx(nginxBlock(readme()));

  it('sends, rule by rule, what _headers says, on every path', async () => {
    const rules = await netlifyRules(join(dir, '_headers'));
    for (const p of paths) {
      const uri = p.split('?')[0]!;
      expect(nginxHeadersFor(server, uri), p).toEqual(netlifyHeadersFor(rules, uri));
    }
  });

  it("answers a missing page with the site's 404 page, with the site-wide headers", () => {
    expect(server.errorPages['404']).toBe('/404.html');
    expect(nginxHeadersFor(server, '/404.html')).toEqual(expected(MISSING));
  });
});
