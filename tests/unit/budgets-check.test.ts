// @vitest-environment node
// The budget check (scripts/checks/20-budgets.mjs) run on small built sites made here: it passes a site within issue
// 13's JS budgets, and fails, naming the page, as soon as one page of any type goes over its budget, counting the
// chunks a page's scripts import as well as the scripts themselves. No page may be let off.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

const CHECK = resolve(import.meta.dirname, '../../scripts/checks/20-budgets.mjs');
const KB = 1024;
const BUDGET = { home: 2 * KB, chapter: 12 * KB, embed: 8 * KB };

/** JavaScript that gzips to `bytes` or a little more (random text, which gzip cannot shrink much). */
function scriptOf(bytes: number, head = ''): string {
  let text = '';
  while (gzipSync(`${head}export const x = "${text}";`).length < bytes) text += randomBytes(64).toString('base64');
  return `${head}export const x = "${text}";`;
}

const page = (title: string, scripts: string[]) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><link rel="canonical" href="http://localhost:4321/"></head><body><p>${title}</p>${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('')}</body></html>`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A built site with one home, one chapter and one embed page; `files` adds or replaces files (path → content). */
function site(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgets-check-'));
  dirs.push(dir);
  const all: Record<string, string> = {
    'index.html': page('home', ['/_astro/home.js']),
    '_astro/home.js': scriptOf(0.5 * KB),
    'chapters/one/index.html': page('chapter', ['/_astro/chapter.js']),
    '_astro/chapter.js': scriptOf(4 * KB),
    'embed/chart/index.html': page('embed', ['/_astro/embed.js']),
    '_astro/embed.js': scriptOf(3 * KB),
    'embed.js': scriptOf(0.5 * KB),
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function check(dir: string) {
  const r = spawnSync(process.execPath, [CHECK], { env: { ...process.env, RESET_OUT_DIR: dir, SITE_URL: 'http://localhost:4321' }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the budget check (scripts/checks/20-budgets.mjs)', () => {
  it('passes a site whose every page is within its JS budget', () => {
    const r = check(site());
    expect(r.out).toContain('0 budget failure(s)');
    expect(r.status).toBe(0);
  });

  for (const [type, path, file] of [
    ['home', '/', '_astro/home.js'],
    ['chapter', '/chapters/one/', '_astro/chapter.js'],
    ['embed', '/embed/chart/', '_astro/embed.js'],
  ] as const) {
    it(`fails when the ${type} page's JS is over ${BUDGET[type] / KB} KB gzip`, () => {
      const r = check(site({ [file]: scriptOf(BUDGET[type] + 0.2 * KB) }));
      expect(r.status).toBe(1);
      expect(r.out).toMatch(new RegExp(`FAIL  ${path} \\[${type}\\] JS [\\d.]+ KB / ${(BUDGET[type] / KB).toFixed(1)} KB`));
      expect(r.out).toContain(`${path}: client JS`);
    });
  }

  it("counts the chunks a page's script imports: two halves over the budget fail together", () => {
    const half = BUDGET.embed / 2 + 0.2 * KB;
    const r = check(site({ '_astro/embed.js': scriptOf(half, 'import "./shared.js";'), '_astro/shared.js': scriptOf(half) }));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/\/embed\/chart\/: client JS [\d.]+ KB gzip > 8\.0 KB \([\d.]+ KB in 2 file\(s\)/);
  });

  it('fails when a page type has no page to measure', () => {
    const dir = site();
    rmSync(join(dir, 'embed'), { recursive: true });
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('no embed page in the build: its budget was not measured');
  });
});
