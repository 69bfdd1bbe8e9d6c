/**
 * Real static hosts over a build, for the Node tier: Cloudflare's own local runtime (`wrangler pages dev`), Netlify's
 * own `_headers` parser, and the nginx block of README.md read as nginx reads it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';

export const outDir = (): string => resolve(process.env.RESET_OUT_DIR || 'dist');

/** Every built page as a path (/, /chapters/x/, /404.html). */
export function builtPages(dir: string = outDir()): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => `/${join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

export interface Wrangler {
  origin: string;
  /** Seconds from spawn to "Ready on". */
  startup: number;
  /** What wrangler printed. */
  log: () => string;
  stop: () => Promise<void>;
}

/** Serves `dir` with `wrangler pages dev` (Cloudflare Pages' runtime, offline) on a free port; stop() ends its process group. */
export async function startWrangler(dir: string = outDir(), timeoutMs = 90_000): Promise<Wrangler> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(
    resolve('node_modules/.bin/wrangler'),
    ['pages', 'dev', dir, '--ip', '127.0.0.1', '--port', String(port), '--compatibility-date=2025-06-01'],
    { env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        done();
      }
    });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`wrangler not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready on http/.test(out)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`wrangler exited (${code}) before it was ready:\n${out}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });
  return { origin: `http://127.0.0.1:${port}`, startup: (Date.now() - started) / 1000, log: () => out, stop };
}

// ── Netlify ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The rules of a `_headers` file as Netlify's own parser reads them. */
export async function netlifyRules(file: string): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return headers as Header[];
}

/**
 * The headers Netlify sends for a path: every matching rule, a later rule's value replacing an earlier one's, as
 * Netlify's headersForPath does (netlify/primitives, packages/headers/src/lib/headersForPath.ts). Names lower-cased.
 */
export function netlifyHeadersFor(rules: Header[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (rule.forRegExp.test(path)) for (const [k, v] of Object.entries(rule.values)) out[k.toLowerCase()] = v;
  return out;
}

// ── nginx ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface NginxLocation {
  modifier: '' | '=' | '~' | '^~';
  pattern: string;
  headers: [string, string][];
}

export interface NginxServer {
  headers: [string, string][];
  locations: NginxLocation[];
  /** error_page directives: status -> URI. */
  errorPages: Record<string, string>;
}

/** The ```nginx block of a Markdown text. */
export function nginxBlock(markdown: string): string {
  const m = /```nginx\n([\s\S]*?)```/.exec(markdown);
  if (!m) throw new Error('no ```nginx block');
  return m[1]!;
}

/** Reads the server block: its add_header lines (with `set` variables filled in), its locations and error pages. */
export function parseNginx(text: string): NginxServer {
  const vars: Record<string, string> = {};
  const fill = (s: string) => s.replace(/\$([a-z_]+)/g, (all, name: string) => vars[name] ?? all);
  const unquote = (s: string) => s.replace(/^"([\s\S]*)"$/, '$1');
  const server: NginxServer = { headers: [], locations: [], errorPages: {} };
  let current: NginxLocation | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const loc = /^location\s+(?:(=|~|\^~)\s+)?(\S+)\s*\{$/.exec(line);
    if (loc) {
      current = { modifier: (loc[1] ?? '') as NginxLocation['modifier'], pattern: loc[2]!, headers: [] };
      server.locations.push(current);
      continue;
    }
    if (line === '}') {
      current = null;
      continue;
    }
    const set = /^set\s+\$([a-z_]+)\s+("[^"]*"|\S+);$/.exec(line);
    if (set) vars[set[1]!] = unquote(set[2]!);
    const header = /^add_header\s+(\S+)\s+("[^"]*"|\S+)(\s+always)?;$/.exec(line);
    if (header) (current ?? server).headers.push([header[1]!.toLowerCase(), fill(unquote(header[2]!))]);
    const error = /^error_page\s+([\d\s]+?)\s+(\S+);$/.exec(line);
    if (error) for (const code of error[1]!.split(/\s+/)) server.errorPages[code] = error[2]!;
  }
  return server;
}

/** The location nginx picks for a URI: exact match, else the longest prefix unless a regex (in order) matches first. */
export function nginxLocation(server: NginxServer, uri: string): NginxLocation | null {
  const exact = server.locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return exact;
  const prefix = server.locations
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length)[0];
  if (prefix?.modifier === '^~') return prefix;
  return server.locations.find((l) => l.modifier === '~' && new RegExp(l.pattern).test(uri)) ?? prefix ?? null;
}

/** The headers nginx adds for a URI: a location's own add_header lines replace the server's entirely (no inheritance). */
export function nginxHeadersFor(server: NginxServer, uri: string): Record<string, string> {
  const loc = nginxLocation(server, uri);
  const lines = loc && loc.headers.length ? loc.headers : server.headers;
  const out: Record<string, string> = {};
  for (const [k, v] of lines) {
    if (k in out) throw new Error(`nginx would send ${k} twice for ${uri}`);
    out[k] = v;
  }
  return out;
}

export const readme = () => readFileSync('README.md', 'utf8');
