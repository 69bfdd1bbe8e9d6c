/**
 * A chapter renamed by the documented steps (README, "How to write a chapter"): new slug in its frontmatter and in
 * every reference, both slugs in published-slugs.yaml, the old address in redirects.yaml. The site builds, and the
 * old address, served by Cloudflare's runtime, is a page with its own policy that sends readers to the new one.
 *
 * The one test here that needs a build of its own: content/ is copied into .builds/ and renamed there
 * (RESET_CONTENT_DIR), then built into a folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWrangler, type Wrangler } from './hosts';

const ROOT = resolve('.');
const WORK = join(ROOT, '.builds', 'renamed-chapter');
const CONTENT = join(WORK, 'content');
const OUT = join(WORK, 'dist');
const SITE = 'http://localhost:4321';
const [OLD, NEW] = ['the-bet', 'the-wager'];

/** The documented steps, on a copy of content/. */
function renameChapter(): void {
  rmSync(WORK, { recursive: true, force: true });
  cpSync('content', CONTENT, { recursive: true });
  const chapters = join(CONTENT, 'chapters');
  const file = readdirSync(chapters).find((f) => f.endsWith(`-${OLD}.mdx`))!;
  const mdx = readFileSync(join(chapters, file), 'utf8')
    .replace(new RegExp(`^slug: ${OLD}$`, 'm'), `slug: ${NEW}`)
    // The copy lives deeper than content/: its imports of the site's components point back at them.
    .replace(/'(\.\.\/)+src\//g, `'${ROOT}/src/`);
  rmSync(join(chapters, file));
  writeFileSync(join(chapters, file.replace(OLD, NEW)), mdx);
  for (const other of readdirSync(chapters)) {
    const path = join(chapters, other);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/'(\.\.\/)+src\//g, `'${ROOT}/src/`));
  }
  for (const data of ['activities.yaml', 'lesson-plans.yaml', 'events.yaml', 'corrections.yaml']) {
    const path = join(CONTENT, 'data', data);
    writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`\\b(chapter|guide): ${OLD}\\b`, 'g'), `$1: ${NEW}`));
  }
  writeFileSync(join(CONTENT, 'data/published-slugs.yaml'), `${readFileSync(join(CONTENT, 'data/published-slugs.yaml'), 'utf8')}- ${NEW}\n`);
  writeFileSync(join(CONTENT, 'data/redirects.yaml'), `/chapters/${OLD}/: /chapters/${NEW}/\n`);
}

let build: { status: number | null; output: string; seconds: number };
let cf: Wrangler | undefined;

beforeAll(async () => {
  renameChapter();
  const started = Date.now();
  const r = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    env: { ...process.env, RESET_CONTENT_DIR: CONTENT, RESET_OUT_DIR: OUT, RESET_CACHE_DIR: join(WORK, 'cache'), SITE_URL: SITE, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 400_000,
  });
  build = { status: r.status, output: `${r.stdout}\n${r.stderr}`, seconds: (Date.now() - started) / 1000 };
  console.log(`fixture build: ${build.seconds.toFixed(1)} s`);
  if (build.status === 0) cf = await startWrangler(OUT);
}, 500_000);

afterAll(async () => {
  await cf?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe(`chapter "${OLD}" renamed "${NEW}"`, () => {
  it('builds', () => {
    expect(build.status, build.output.split('\n').slice(-30).join('\n')).toBe(0);
    expect(existsSync(join(OUT, 'chapters', NEW, 'index.html'))).toBe(true);
  });

  it('writes a redirect page at the old address, with its own policy and no script', () => {
    const html = readFileSync(join(OUT, 'chapters', OLD, 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=/chapters/${NEW}/">`);
    expect(html).toContain(`<link rel="canonical" href="${SITE}/chapters/${NEW}/">`);
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp).toMatch(/^default-src 'self'; script-src 'self'; /);
    expect(html).not.toContain('<script');
    expect(html.indexOf('content-security-policy')).toBeLessThan(html.indexOf('http-equiv="refresh"'));
  });

  it('on Cloudflare Pages the old address answers with that page, and its target is the chapter', async () => {
    const old = await fetch(`${cf!.origin}/chapters/${OLD}/`);
    expect(old.status).toBe(200);
    expect(old.headers.get('content-security-policy')).toMatch(/^frame-ancestors 'self'; /);
    const body = await old.text();
    const target = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(body)?.[1];
    expect(target).toBe(`/chapters/${NEW}/`);
    const landed = await fetch(new URL(target!, cf!.origin));
    expect(landed.status).toBe(200);
    const page = await landed.text();
    expect(page).toMatch(/<title>The bet/);
    expect(page).toContain(`<link rel="canonical" href="${SITE}/chapters/${NEW}/">`);
  });
});
