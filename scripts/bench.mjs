#!/usr/bin/env node
// `npm run bench`: what the site costs, measured, and what the architecture saves.
//
//   1. Build the site (timed, cold cache) and, for the side-by-side, the NAIVE variant (scripts/naive.config.mjs:
//      the whole `d3` bundle in the chart runtime, every chart woken on load), each into its own folder.
//   2. Serve each build on loopback (scripts/serve.mjs on a free port, in its own process group, killed at the end),
//      compressed with gzip as the hosts do: the bench checks that the server answers gzip before it measures.
//   3. Load EVERY built page in Chromium (Playwright) with a cold cache: record every response, scroll so every
//      chart wakes and lazy content loads, and sum HTML, JS, CSS, font, image and other bytes
//      (raw and gzip) and the request count; note the largest JS chunk.
//   4. Lighthouse (mobile preset, the found Chromium, flags per /work/shared/TOOLING.md) on the home page, EVERY
//      chapter and one embed, plus the naive variant of one chapter (the one with the most widgets): performance
//      score, TBT, LCP and CLS per page, against issue 13's targets (performance 100 and TBT ≤ 100 ms on every chapter).
//   5. Print markdown tables and write reports/bench-<timestamp>.json, reports/bench-latest.json and .md.
//
// Flags: --skip-build (reuse the folders), --no-naive, --no-lighthouse, --paint-holding (Chromium's default; see
// LH_CHROME_FLAGS), --lighthouse-runs=N (default 5: Lighthouse's
// numbers move with the machine's load and with when Chromium first paints, so each page is run N times and the
// median run is reported, with every run's score, TBT, Speed Index and the CPU benchmark Lighthouse measured).
// Environment: RESET_BENCH_DIR (default <tmp>/the-reset-bench: site/, naive/, caches), CHROME_PATH.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hydratableIslandsDone } from './quality/islands.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BIN = join(ROOT, 'node_modules', '.bin');

// Astro and Lighthouse need Node >= 22: re-run on the project's Node 24 when started by an older one.
if (Number(process.versions.node.split('.')[0]) < 22 && existsSync(join(BIN, 'node')) && !process.env.RESET_BENCH_REEXEC) {
  const r = spawnSync(join(BIN, 'node'), process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, RESET_BENCH_REEXEC: '1' } });
  process.exit(r.status ?? 1);
}

const args = new Set(process.argv.slice(2));
const SKIP_BUILD = args.has('--skip-build');
const NAIVE = !args.has('--no-naive');
const LIGHTHOUSE = !args.has('--no-lighthouse');
// Chromium's paint holding keeps the previous page on screen until the next one paints. In Lighthouse's runs here the
// frames the new page submits meanwhile go undrawn, so viz throttles it to one BeginFrame a second
// (ThrottleUndrawnFrames; GoogleChrome/lighthouse#17148) and its first paint lands one or two whole seconds after the
// page was ready, which Lighthouse then reads as the page's Speed Index. Interleaved on one build (all-in,
// amazon-moves-in, home): 7 of 18 headless runs held with Chromium's default, 0 of 18 with paint holding off; headful
// under Xvfb, 7 of 8 held. The hold is the same on every page (home, embed, the naive variant), so the bench turns paint
// holding off to measure the page; --paint-holding keeps Chromium's default, to compare.
const PAINT_HOLDING = args.has('--paint-holding');
const LH_CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...(PAINT_HOLDING ? [] : ['--disable-features=PaintHolding'])];
const LH_RUNS = Math.max(1, Number(process.argv.find((a) => a.startsWith('--lighthouse-runs='))?.split('=')[1]) || 5);
const BENCH_DIR = resolve(process.env.RESET_BENCH_DIR || join(tmpdir(), 'the-reset-bench'));
const VARIANTS = {
  site: { label: 'ours', out: join(BENCH_DIR, 'site'), cache: join(BENCH_DIR, 'cache-site'), config: null, env: {} },
  naive: {
    label: 'naive',
    out: join(BENCH_DIR, 'naive'),
    cache: join(BENCH_DIR, 'cache-naive'),
    config: 'scripts/naive.config.mjs',
    env: { RESET_NAIVE: '1' },
  },
};

const baseEnv = {
  ...process.env,
  NO_COLOR: '1',
  PATH: [BIN, process.env.PATH].filter(Boolean).join(delimiter),
};
delete baseEnv.FORCE_COLOR;
delete baseEnv.RESET_BENCH_REEXEC;

const KB = 1024;
const kb = (b) => (b == null ? '–' : `${(b / KB).toFixed(1)}`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (...a) => console.error(...a); // progress to stderr; the tables go to stdout

// ── processes ────────────────────────────────────────────────────────────────────────────────────────────────
const groups = new Set();
function killGroups() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  groups.clear();
}
process.on('exit', killGroups);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (killGroups(), process.exit(130)));

function freePort() {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => done(port));
    });
  });
}

function runTimed(cmd, cmdArgs, env) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => done({ code, ms: performance.now() - started, output }));
    child.on('error', (err) => done({ code: 127, ms: 0, output: err.message }));
  });
}

async function build(variant) {
  const v = VARIANTS[variant];
  mkdirSync(BENCH_DIR, { recursive: true }); // astro.config.mjs links the output folder from here
  rmSync(v.cache, { recursive: true, force: true }); // a full build, not an incremental one
  const env = { ...baseEnv, ...v.env, RESET_OUT_DIR: v.out, RESET_CACHE_DIR: v.cache };
  const cliArgs = ['build', ...(v.config ? ['--config', v.config] : [])];
  log(`bench: building ${v.label} → ${v.out}`);
  const r = await runTimed(join(BIN, 'astro'), cliArgs, env);
  if (r.code !== 0) {
    log(r.output.split('\n').slice(-40).join('\n'));
    throw new Error(`astro ${cliArgs.join(' ')} (${v.label}) exited with ${r.code}`);
  }
  const pages = Number(r.output.match(/(\d+) page\(s\) built/)?.[1] ?? NaN);
  return { ms: r.ms, pages };
}

/**
 * Serves a build on a free loopback port with scripts/serve.mjs (the static server the browser tests use), in its own
 * process group: gzip and a year's cache for fingerprinted files, as on the hosts the README documents. (Astro 7's
 * preview allows one server per project and would clash with a test run.)
 */
async function serve(variant) {
  const v = VARIANTS[variant];
  const env = { ...baseEnv, ...v.env, RESET_OUT_DIR: v.out, RESET_CACHE_DIR: v.cache };
  const attempts = [{ name: 'scripts/serve.mjs', cmd: process.execPath, args: (port) => [join(ROOT, 'scripts', 'serve.mjs'), v.out, String(port), '127.0.0.1'] }];
  for (const attempt of attempts) {
    const port = await freePort();
    const child = spawn(attempt.cmd, attempt.args(port), { cwd: ROOT, env, stdio: 'ignore', detached: true });
    groups.add(child.pid);
    let exited = false;
    child.on('exit', () => (exited = true));
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let up = false;
    while (!exited && Date.now() < deadline) {
      try {
        if ((await fetch(`${origin}/`)).ok) {
          up = true;
          break;
        }
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      groups.delete(child.pid);
    };
    if (up) {
      // The budgets and Lighthouse's numbers are for a server that compresses: never measure one that does not.
      const probe = await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'gzip' } });
      await probe.arrayBuffer();
      const encoding = probe.headers.get('content-encoding');
      if (encoding !== 'gzip') {
        stop();
        throw new Error(`${attempt.name} (${v.label}) answers ${encoding ?? 'uncompressed'}, not gzip: the bench measures what a gzip host sends`);
      }
      return { origin, port, server: `${attempt.name} (gzip)`, stop };
    }
    stop();
    log(`bench: ${attempt.name} (${v.label}) did not come up on ${origin}${exited ? ' (it exited)' : ''}`);
  }
  throw new Error(`could not serve ${v.out}`);
}

// ── the pages ────────────────────────────────────────────────────────────────────────────────────────────────
async function loadSiteModules() {
  const dist = await import('./quality/dist.mjs');
  const weight = await import('./quality/page-weight.mjs');
  return { ...dist, ...weight };
}

const KINDS = { document: 'html', script: 'js', stylesheet: 'css', font: 'font', image: 'image' };

/** Loads one page with a cold cache and sums what it fetched, by kind. */
async function measurePage(browser, origin, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  let requests = 0;
  let failed = 0;
  page.on('request', () => requests++);
  page.on('requestfailed', () => failed++);
  page.on('response', (res) => {
    bodies.push(
      (async () => {
        const kind = KINDS[res.request().resourceType()] ?? 'other';
        let buf = Buffer.alloc(0);
        try {
          buf = await res.body();
        } catch {
          /* redirects and aborted responses have no body */
        }
        return { url: res.url(), kind, raw: buf.length, gzip: buf.length ? gzipSync(buf).length : 0, status: res.status() };
      })(),
    );
  });
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (const el of document.querySelectorAll('reset-chart:not([data-awake]), [loading="lazy"], [data-scrolly]')) {
      // A chart's figure (the runtime watches it; its <reset-chart> has no box of its own).
      (el.closest('figure') ?? el).scrollIntoView({ block: 'center', behavior: 'instant' });
      await frames();
    }
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await frames();
  });
  // Every chart that can wake has (one inside hidden, e.g. print-only, markup never comes near the viewport).
  await page
    .waitForFunction(hydratableIslandsDone, undefined, { timeout: 10_000 })
    .catch(() => {});
  // Quiet: no new response for 400 ms.
  let seen = -1;
  for (let i = 0; i < 50 && seen !== bodies.length; i++) {
    seen = bodies.length;
    await page.waitForTimeout(400);
  }
  const responses = await Promise.all(bodies);
  const notHydrated = await page.evaluate(() => document.querySelectorAll('reset-chart:not([data-awake])').length);
  // Elements in the document once every chart is awake (what the reader's browser holds; the budget check counts the HTML).
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();
  const by = {};
  for (const k of ['html', 'js', 'css', 'font', 'image', 'other']) {
    const list = responses.filter((r) => r.kind === k);
    by[k] = { raw: list.reduce((s, r) => s + r.raw, 0), gzip: list.reduce((s, r) => s + r.gzip, 0), count: list.length };
  }
  // woff2 and images are compressed already: servers send them as they are.
  const transfer = by.html.gzip + by.js.gzip + by.css.gzip + by.other.gzip + by.font.raw + by.image.raw;
  const scripts = responses.filter((r) => r.kind === 'js').sort((a, b) => b.gzip - a.gzip);
  const largest = scripts[0] ? { url: new URL(scripts[0].url).pathname, raw: scripts[0].raw, gzip: scripts[0].gzip } : null;
  return { path, requests, failed, by, transfer, largestChunk: largest, notHydrated, domElements, errors: responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`) };
}

/** The file name part of a page's Lighthouse report: `home`, `chapter-<slug>`, `embed-<widget>`. */
const reportName = (type, path) => [type, ...path.split('/').filter(Boolean).slice(1)].join('-');

/**
 * Lighthouse LH_RUNS times on one URL: the median run (by performance score, then TBT), with every run's score, TBT
 * and CPU benchmark. Only the median run's report is kept, as reports/lighthouse-<name>.json.
 */
async function lighthouse(url, name, chromePath) {
  const runs = [];
  for (let i = 0; i < LH_RUNS; i++) runs.push(await lighthouseOnce(url, `${name}.run${i}`, chromePath));
  const ok = runs.filter((r) => !r.error && r.performance !== null);
  if (!ok.length) return runs[0];
  const median = [...ok].sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs)[Math.floor((ok.length - 1) / 2)];
  const report = join(ROOT, 'reports', `lighthouse-${name}.json`);
  renameSync(median.report, report);
  for (const r of runs) if (r.report && r !== median) rmSync(r.report, { force: true });
  return { ...median, report, runs: runs.map((r) => (r.error ? { error: r.error } : { performance: r.performance, tbtMs: r.tbtMs, lcpMs: r.lcpMs, siMs: r.siMs, firstPaintMs: r.firstPaintMs, benchmarkIndex: r.benchmarkIndex })) };
}

async function lighthouseOnce(url, name, chromePath) {
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const out = join(ROOT, 'reports', `lighthouse-${name}.json`);
  const r = await runTimed(
    join(BIN, 'lighthouse'),
    [
      url,
      `--chrome-flags=${LH_CHROME_FLAGS.join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { ...baseEnv, CHROME_PATH: chromePath },
  );
  if (r.code !== 0 || !existsSync(out)) return { url, error: `lighthouse exited with ${r.code}: ${r.output.trim().split('\n').slice(-3).join(' ')}` };
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const audit = (a) => lhr.audits[a]?.numericValue ?? null;
  const failing = (c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
  return {
    url,
    report: out,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbtMs: audit('total-blocking-time'),
    domElements: audit('dom-size'),
    fcpMs: audit('first-contentful-paint'),
    siMs: audit('speed-index'),
    // When Chromium really painted first. In some headless runs the compositor (viz) stops sending the page
    // BeginFrames for about a second (trace: SendBeginFrameDecision, reason ThrottleUndrawnFrames, should_send false),
    // so the first frame waits one or two whole seconds after the page has loaded (GoogleChrome/lighthouse#17148).
    // Lighthouse's simulated Speed Index follows that paint, so this says whether a run's Speed Index is the page's or
    // the hold's.
    firstPaintMs: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? null,
    notPerfect: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      'best-practices': failing('best-practices'),
      seo: failing('seo'),
    },
    runtimeError: lhr.runtimeError?.message ?? null,
    // Lighthouse's own measure of the CPU it ran on (a quiet desktop scores about 1,500–2,500; under 1,000 its
    // simulated TBT is inflated by whatever else the machine is doing).
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────────────────
const started = new Date();
const result = { startedAt: started.toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, builds: {}, pages: {}, lighthouseChromeFlags: LH_CHROME_FLAGS, lighthouse: [], naive: null };

const variants = NAIVE ? ['site', 'naive'] : ['site'];
if (NAIVE && !existsSync(join(ROOT, 'node_modules', 'd3'))) {
  throw new Error('the naive variant needs the full `d3` bundle: npm install --save-dev d3 (dev only; the site never imports it)');
}
for (const v of variants) {
  if (SKIP_BUILD && existsSync(join(VARIANTS[v].out, 'index.html'))) {
    result.builds[v] = { ms: null, skipped: true };
    continue;
  }
  result.builds[v] = await build(v);
  log(`bench: ${VARIANTS[v].label} built in ${secs(result.builds[v].ms)}`);
}

const { findChrome } = await import('./find-chrome.mjs');
const chrome = await findChrome({ shell: false });
const { chromium } = await import('@playwright/test');
const M = await loadSiteModules();

// Every page in the real build, by type.
process.env.RESET_OUT_DIR = VARIANTS.site.out;
const siteDir = M.outDir();
const allPages = M.listPages(siteDir).filter((p) => !M.isRedirectPage(readFileSync(p.file, 'utf8')));
const origins = M.ownOrigins(siteDir);
const staticWeight = new Map(allPages.map((p) => [p.path, M.pageWeight(p.file, p.path, siteDir, origins)]));
const chapters = allPages.filter((p) => M.pageType(p.path) === 'chapter');
const widgetCount = (file) => (readFileSync(file, 'utf8').match(/<figure\b[^>]*\bdata-widget=/g) ?? []).length;
const benchChapter = [...chapters].sort((a, b) => widgetCount(b.file) - widgetCount(a.file) || a.path.localeCompare(b.path))[0]?.path ?? null;
const firstEmbed = allPages.find((p) => M.pageType(p.path) === 'embed')?.path ?? null;

const browser = await chromium.launch({ executablePath: chrome.executablePath, args: chrome.args });
try {
  const server = await serve('site');
  log(`bench: serving ours on ${server.origin} (${server.server}); loading ${allPages.length} pages`);
  result.server = server.server;
  for (const p of allPages) {
    const m = await measurePage(browser, server.origin, p.path);
    const s = staticWeight.get(p.path);
    result.pages[p.path] = { type: M.pageType(p.path), ...m, static: { jsGzip: s.js.gzip, totalGzip: s.total.gzip } };
  }
  if (LIGHTHOUSE) {
    // localhost (not 127.0.0.1): the pages' canonical URLs are on localhost, and Lighthouse compares the hosts.
    const lhOrigin = `http://localhost:${server.port}`;
    const runs = [['home', '/'], ...chapters.map((c) => ['chapter', c.path]), ['embed', firstEmbed]].filter(([, path]) => path);
    for (const [i, [type, path]] of runs.entries()) {
      log(`bench: lighthouse ${i + 1}/${runs.length} ${type} ${path}`);
      result.lighthouse.push({ type, path, ...(await lighthouse(lhOrigin + path, reportName(type, path), chrome.executablePath)) });
    }
  }
  server.stop();

  if (NAIVE && benchChapter) {
    const naiveServer = await serve('naive');
    log(`bench: serving naive on ${naiveServer.origin} (${naiveServer.server})`);
    const naive = { chapter: benchChapter, pages: {} };
    for (const p of chapters) naive.pages[p.path] = await measurePage(browser, naiveServer.origin, p.path);
    if (LIGHTHOUSE) {
      log(`bench: lighthouse naive chapter ${benchChapter}`);
      naive.lighthouse = { type: 'chapter', path: benchChapter, ...(await lighthouse(`http://localhost:${naiveServer.port}${benchChapter}`, `${reportName('chapter', benchChapter)}-naive`, chrome.executablePath)) };
    }
    naiveServer.stop();
    result.naive = naive;
  }
} finally {
  await browser.close();
  killGroups();
}

// ── report ───────────────────────────────────────────────────────────────────────────────────────────────────
const lines = [];
const out = (s = '') => lines.push(s);
const table = (head, rows) => {
  out(`| ${head.join(' | ')} |`);
  out(`|${head.map((_, i) => (i === 0 || i === 1 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) out(`| ${r.join(' | ')} |`);
};

out(`# The Reset: bench, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
out();
out(`Machine: ${result.machine.cpus} cores, Node ${process.version}, ${chrome.executablePath}. Sizes in KB (1024 bytes); gzip at zlib's default level; fonts and images as sent (already compressed). "Req" counts every request on first load with the cache disabled, after scrolling so every chart wakes.`);
out();
out('## Build');
out();
table(
  ['variant', 'what', 'wall time', 'pages'],
  variants.map((v) => [VARIANTS[v].label, v === 'site' ? 'the site' : 'full d3 in the chart runtime, every chart woken on load', result.builds[v].skipped ? 'skipped (--skip-build)' : secs(result.builds[v].ms), String(result.builds[v].pages ?? '–')]),
);
out();
out('## Every page, first load in Chromium');
out();
const order = ['home', 'chapter', 'embed', 'embed-builder', 'glossary', 'teach'];
const rank = (t) => (order.includes(t) ? order.indexOf(t) : order.length);
const pageRows = Object.values(result.pages).sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type) || a.path.localeCompare(b.path));
table(
  ['type', 'page', 'req', 'HTML gz', 'CSS gz', 'JS gz', 'JS raw', 'fonts', 'images', 'other gz', 'total', 'largest JS chunk (gz)'],
  pageRows.map((p) => [
    p.type,
    `\`${p.path}\``,
    String(p.requests),
    kb(p.by.html.gzip),
    kb(p.by.css.gzip),
    kb(p.by.js.gzip),
    kb(p.by.js.raw),
    kb(p.by.font.raw),
    kb(p.by.image.raw),
    kb(p.by.other.gzip),
    kb(p.transfer),
    p.largestChunk ? `${p.largestChunk.url.split('/').pop()} ${kb(p.largestChunk.gzip)}` : '–',
  ]),
);
out();
// Per type: the largest page of each type.
const types = [...new Set(pageRows.map((p) => p.type))];
out('### By page type (largest page of each type)');
out();
out("\"JS first load\" is every script a page loads before anyone touches it (its scripts and the chunks they import, inline scripts too), read from the build as scripts/checks/20-budgets.mjs reads it: what issue 13's budgets count. \"JS fetched\" is what Chromium fetched after scrolling through the page, lazy chunks included.");
out();
const JS_BUDGET = { home: 2 * KB, chapter: 12 * KB, embed: 8 * KB };
table(
  ['type', 'pages', 'JS budget', 'max JS first load gz', 'max JS fetched gz', 'max CSS gz', 'max fonts', 'max total', 'max req', 'max DOM elements'],
  types.map((t) => {
    const ps = pageRows.filter((p) => p.type === t);
    const max = (f) => Math.max(...ps.map(f));
    return [t, String(ps.length), JS_BUDGET[t] ? kb(JS_BUDGET[t]) : '–', kb(max((p) => p.static.jsGzip)), kb(max((p) => p.by.js.gzip)), kb(max((p) => p.by.css.gzip)), kb(max((p) => p.by.font.raw)), kb(max((p) => p.transfer)), String(max((p) => p.requests)), String(max((p) => p.domElements))];
  }),
);
out();
if (LIGHTHOUSE) {
  out(`## Lighthouse (mobile preset, served with gzip by ${result.server})`);
  out();
  out(`Issue 13: performance 100 and TBT ≤ 100 ms on every chapter. Each page ran ${LH_RUNS} time(s): the median run is shown, with every run's performance score, TBT and Speed Index, and Lighthouse's CPU benchmark of the machine for that run (under about 1,000, a busy machine inflates TBT). A Speed Index of 2–4 s on a page whose FCP is about 1 s is a held first frame: Chromium's compositor stopped sending the page frames for about a second after it had loaded (viz, \`ThrottleUndrawnFrames\`; GoogleChrome/lighthouse#17148), so its first paint came one or two whole seconds late ("first paint" in that run). Chromium ran with \`${LH_CHROME_FLAGS.join(' ')}\`${PAINT_HOLDING ? ' (paint holding on, as --paint-holding asked)' : ': paint holding off, which is what left those frames undrawn'}.`);
  out();
  const lhRows = result.lighthouse.map((r) => [r.type, `\`${r.path}\``, r]);
  if (result.naive?.lighthouse) lhRows.push(['chapter, naive', `\`${result.naive.lighthouse.path}\``, result.naive.lighthouse]);
  table(
    ['page', 'path', 'perf', 'TBT', 'LCP', 'FCP', 'SI', 'CLS', 'DOM', 'a11y', 'best pr.', 'SEO', 'each run: perf (TBT, SI, first paint)', 'CPU index'],
    lhRows.map(([name, path, r]) =>
      r.error
        ? [name, path, r.error, '', '', '', '', '', '', '', '', '', '', '']
        : [
            name,
            path,
            String(r.performance),
            r.tbtMs == null ? '–' : `${Math.round(r.tbtMs)} ms`,
            r.lcpMs == null ? '–' : secs(r.lcpMs),
            r.fcpMs == null ? '–' : secs(r.fcpMs),
            r.siMs == null ? '–' : secs(r.siMs),
            r.cls == null ? '–' : r.cls.toFixed(3),
            String(r.domElements ?? '–'),
            String(r.accessibility),
            String(r.bestPractices),
            String(r.seo),
            (r.runs ?? []).map((x) => (x.error ? 'error' : `${x.performance} (${Math.round(x.tbtMs)} ms, ${x.siMs == null ? '–' : secs(x.siMs)}, ${x.firstPaintMs == null ? '–' : secs(x.firstPaintMs)})`)).join(', '),
            r.benchmarkIndex == null ? '–' : String(Math.round(r.benchmarkIndex)),
          ],
    ),
  );
  out();
  const below = lhRows.flatMap(([name, path, r]) => (r.notPerfect ? Object.entries(r.notPerfect).filter(([, ids]) => ids.length).map(([c, ids]) => `${name} ${path} ${c}: ${ids.join(', ')}`) : []));
  if (below.length) {
    out('Audits short of a full score:');
    for (const b of below) out(`- ${b}`);
    out();
  }
}
if (result.naive) {
  const ours = result.pages[result.naive.chapter];
  const naive = result.naive.pages[result.naive.chapter];
  out(`## Side by side: \`${result.naive.chapter}\`, ours vs the naive way`);
  out();
  out('The naive way: the same chapter with the whole `d3` bundle in the chart runtime and every chart woken as the page loads (scripts/naive-plugin.mjs).');
  out();
  const diff = (a, b, unit = 'KB') => {
    if (a == null || b == null) return '–';
    const d = b - a;
    const pct = a ? ` (${d >= 0 ? '+' : ''}${((d / a) * 100).toFixed(0)}%)` : '';
    return unit === 'KB' ? `${d >= 0 ? '+' : ''}${kb(d)}${pct}` : `${d >= 0 ? '+' : ''}${d}${pct}`;
  };
  const rows = [
    ['JS gzip (KB)', kb(ours.by.js.gzip), kb(naive.by.js.gzip), diff(ours.by.js.gzip, naive.by.js.gzip)],
    ['JS raw (KB)', kb(ours.by.js.raw), kb(naive.by.js.raw), diff(ours.by.js.raw, naive.by.js.raw)],
    ['JS requests', String(ours.by.js.count), String(naive.by.js.count), diff(ours.by.js.count, naive.by.js.count, 'n')],
    ['largest JS chunk gzip (KB)', kb(ours.largestChunk?.gzip), kb(naive.largestChunk?.gzip), diff(ours.largestChunk?.gzip, naive.largestChunk?.gzip)],
    ['first-load total (KB)', kb(ours.transfer), kb(naive.transfer), diff(ours.transfer, naive.transfer)],
    ['requests', String(ours.requests), String(naive.requests), diff(ours.requests, naive.requests, 'n')],
  ];
  const lo = result.lighthouse.find((r) => r.path === result.naive.chapter);
  const ln = result.naive.lighthouse;
  if (lo && ln && !lo.error && !ln.error) {
    rows.push(['Lighthouse performance', String(lo.performance), String(ln.performance), diff(lo.performance, ln.performance, 'n')]);
    rows.push(['TBT (ms)', String(Math.round(lo.tbtMs)), String(Math.round(ln.tbtMs)), diff(Math.round(lo.tbtMs), Math.round(ln.tbtMs), 'n')]);
    rows.push(['LCP (ms)', String(Math.round(lo.lcpMs)), String(Math.round(ln.lcpMs)), diff(Math.round(lo.lcpMs), Math.round(ln.lcpMs), 'n')]);
  }
  table(['metric', 'ours', 'naive', 'naive − ours'], rows);
  out();
  out('Every chapter, JS gzip in KB (ours → naive):');
  out();
  table(
    ['chapter', 'ours', 'naive', 'naive − ours'],
    Object.entries(result.naive.pages).map(([path, n]) => {
      const o = result.pages[path];
      return [`\`${path}\``, kb(o?.by.js.gzip), kb(n.by.js.gzip), o ? diff(o.by.js.gzip, n.by.js.gzip) : '–'];
    }),
  );
  out();
}
// Targets from the issue, for the closing note (reported, never failed on).
out('## Targets');
out();
const maxOf = (t, f) => {
  const ps = pageRows.filter((p) => p.type === t);
  return ps.length ? Math.max(...ps.map(f)) : null;
};
const lh = (type) => result.lighthouse.filter((r) => r.type === type && !r.error);
const lhChapters = lh('chapter');
const lhMeasured = LIGHTHOUSE && lhChapters.length === chapters.length;
const perfect = (r) => (r ? [r.performance, r.accessibility, r.bestPractices, r.seo].join(' / ') : '–');
const worst = (list, f, pick) => (list.length ? list.reduce((a, b) => (pick(f(b), f(a)) ? b : a)) : null);
const lowPerf = worst(lhChapters, (r) => r.performance, (a, b) => a < b);
const highTbt = worst(lhChapters, (r) => r.tbtMs, (a, b) => a > b);
const at = (r) => (r ? ` (\`${r.path}\`)` : '');
// Every chapter run, not only the medians: how often a chapter reaches 100, and how often its first paint was held.
const chapterRuns = lhChapters.flatMap((r) => (r.runs ?? []).filter((x) => !x.error));
const share = (pred) => `${chapterRuns.filter(pred).length} of ${chapterRuns.length}`;
table(
  ['target', 'measured'],
  [
    ['chapter JS ≤ 12 KB gzip, first load (largest chapter)', kb(maxOf('chapter', (p) => p.static.jsGzip))],
    ['embed JS ≤ 8 KB gzip, first load (largest embed)', kb(maxOf('embed', (p) => p.static.jsGzip))],
    ['home JS ≤ 2 KB gzip, first load', kb(maxOf('home', (p) => p.static.jsGzip))],
    ['chapter first load ≤ 250 KB (largest chapter)', kb(maxOf('chapter', (p) => p.transfer))],
    ['DOM of the largest chapter ≤ 5,000 elements (awake, in Chromium)', String(maxOf('chapter', (p) => p.domElements) ?? '–')],
    [`Lighthouse performance 100 on every chapter (lowest of ${lhChapters.length})`, lhMeasured ? `${lowPerf.performance}${at(lowPerf)}` : '–'],
    [`TBT ≤ 100 ms on every chapter (highest of ${lhChapters.length})`, lhMeasured ? `${Math.round(highTbt.tbtMs)} ms${at(highTbt)}` : '–'],
    ['chapter runs at performance 100, and at TBT ≤ 100 ms (every run)', lhMeasured ? `${share((x) => x.performance === 100)}; ${share((x) => x.tbtMs <= 100)}` : '–'],
    ['chapter runs whose first paint Chromium held past 1 s (viz frame throttling)', lhMeasured ? share((x) => x.firstPaintMs != null && x.firstPaintMs > 1000) : '–'],
    ['Lighthouse 100/100/100/100: home', perfect(lh('home')[0])],
    ['Lighthouse 100/100/100/100: every chapter', lhMeasured ? `${lhChapters.filter((r) => perfect(r) === '100 / 100 / 100 / 100').length} of ${lhChapters.length}` : '–'],
    ['Lighthouse 100/100/100/100: embed', perfect(lh('embed')[0])],
    ['CLS 0 (home / worst chapter / embed)', [lh('home')[0], worst(lhChapters, (r) => r.cls, (a, b) => a > b), lh('embed')[0]].map((r) => (r?.cls == null ? '–' : r.cls.toFixed(3))).join(' / ')],
    ['full build < 30 s', result.builds.site?.ms ? secs(result.builds.site.ms) : '–'],
  ],
);

const markdown = lines.join('\n');
console.log(markdown);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
result.finishedAt = new Date().toISOString();
writeFileSync(join(ROOT, 'reports', `bench-${stamp}.json`), JSON.stringify(result, null, 2));
writeFileSync(join(ROOT, 'reports', 'bench-latest.json'), JSON.stringify(result, null, 2));
writeFileSync(join(ROOT, 'reports', 'bench-latest.md'), `${markdown}\n`);
log(`bench: wrote reports/bench-${stamp}.json, reports/bench-latest.json and reports/bench-latest.md`);
