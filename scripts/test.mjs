#!/usr/bin/env node
// `npm test`: the whole suite, in the order CI runs it.
//
//   1. Chromium   find a browser (scripts/find-chrome.mjs); fail fast with install instructions if none
//   2. Unit       vitest run (tests/unit, src/**/*.test.ts)
//   3. Build      astro build into RESET_OUT_DIR (default ./dist)
//   4. Checks     every scripts/checks/*.mjs, in name order, as `node <file>` with RESET_OUT_DIR set
//   5. Dist       vitest --config vitest.dist.config.ts: file-level checks over the build (tests/dist), no browser
//   6. Browser    playwright test (serves the built site with scripts/serve.mjs), CHROME_PATH set to the browser
//   7. WordPress  playwright test --config playwright.wordpress.config.ts: the embeds in a real WordPress, where
//                 /usr/share/wordpress exists (required when CI is set; otherwise it says how to install it)
//
// The last line printed is `N passed, M failed`: N/M add up vitest's tests, the build (1), each check script (1)
// and Playwright's tests. The exit code is non-zero if anything failed.
//
// The summary gives each stage's wall time and the total.
//
// Flags:
//   --skip-build   reuse the site already built in RESET_OUT_DIR (fast local iteration on tests/checks);
//                  CI never passes it.
//   --quick        the edit loop (`npm run test:quick`): --skip-build, and no browser: unit, checks and the Node
//                  tier over the existing build. CI never passes it.
// Environment: RESET_OUT_DIR (build folder), RESET_PORT (preview port, default 4321), CHROME_PATH, CI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

// Astro, vitest and Lighthouse need Node >= 22. `npm test` already runs on the project's Node 24 (the `node`
// devDependency); a bare `node scripts/test.mjs` on an older system node re-runs itself on that one.
const major = Number(process.versions.node.split('.')[0]);
const projectNode = join(BIN, 'node');
if (major < 22 && existsSync(projectNode) && !process.env.RESET_TEST_REEXEC) {
  const r = spawnSync(projectNode, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, RESET_TEST_REEXEC: '1' },
  });
  process.exit(r.status ?? 1);
}

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SKIP_BUILD = QUICK || args.has('--skip-build');
const OUT_DIR = resolve(ROOT, process.env.RESET_OUT_DIR || 'dist');
const PORT = process.env.RESET_PORT || '4321';

const env = {
  ...process.env,
  NO_COLOR: '1',
  RESET_OUT_DIR: OUT_DIR,
  RESET_PORT: PORT,
  // The suite's builds are local even under CI=true, where a build without SITE_URL stops (src/lib/site.ts).
  SITE_URL: process.env.SITE_URL || 'http://localhost:4321',
  // Children (vitest, astro, playwright, checks) find the project's binaries and its Node first.
  PATH: [BIN, process.env.PATH].filter(Boolean).join(delimiter),
};
delete env.RESET_TEST_REEXEC;
delete env.FORCE_COLOR; // it overrides NO_COLOR (and Node warns about the pair)

const totals = { passed: 0, failed: 0 };
const stages = [];
let current = null;
const started = Date.now();
let stageStarted = Date.now();

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

function header(n, title) {
  stageStarted = Date.now();
  const line = `━━━ [${n}/7] ${title} `;
  console.log(`\n${line}${'━'.repeat(Math.max(4, 72 - line.length))}`);
}

/** Records a stage's result and its wall time since its header (or since the previous record within the stage). */
function record(name, status, passed, failed, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  const now = Date.now();
  stages.push({ name, status, passed, failed, note, ms: now - stageStarted });
  stageStarted = now;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command, streaming its output live while keeping a copy to parse. Resolves { code, output }. */
function run(cmd, cmdArgs, extraEnv = {}) {
  console.log(`$ ${[cmd, ...cmdArgs].join(' ')}`);
  return new Promise((done) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    let settled = false;
    const settle = (code) => {
      if (settled) return;
      settled = true;
      current = null;
      done({ code, output: output.replace(ANSI, '') });
    };
    child.on('error', (err) => {
      output += `\n${err.message}`;
      console.error(`could not start ${cmd}: ${err.message}`);
      settle(127);
    });
    child.on('close', (code, signal) => settle(code ?? (signal ? 128 : 1)));
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current) current.kill(sig);
    process.exit(130);
  });
}

function finish() {
  console.log('\n━━━ Summary ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━');
  for (const s of stages) {
    const counts = s.passed + s.failed > 0 ? ` (${s.passed} passed, ${s.failed} failed)` : '';
    console.log(`  ${s.status.padEnd(7)} ${seconds(s.ms).padStart(8)}  ${s.name}${counts}${s.note ? ` — ${s.note}` : ''}`);
  }
  console.log(`  total   ${seconds(Date.now() - started).padStart(8)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

// ── 1. Chromium ──────────────────────────────────────────────────────────────────────────────────────────────
header(1, 'Chromium');
let chrome;
if (QUICK) {
  console.log('--quick: no browser needed');
} else try {
  const { findChrome, BASE_ARGS } = await import('./find-chrome.mjs');
  chrome = await findChrome();
  console.log(`${chrome.executablePath} (via ${chrome.source})`);
  const v = spawnSync(chrome.executablePath, ['--version'], { encoding: 'utf8' });
  if (v.stdout) console.log(v.stdout.trim());
  env.CHROME_PATH = chrome.executablePath;
  // Hand flags beyond the base set (e.g. @sparticuz/chromium's) to the Playwright workers along with the path.
  const extra = chrome.args.filter((a) => !BASE_ARGS.includes(a));
  if (extra.length) env.CHROME_ARGS = JSON.stringify(extra);
  else delete env.CHROME_ARGS;
} catch (err) {
  console.error(`\n${err.message}`);
  record('chromium', 'FAIL', 0, 1, 'no browser');
  finish();
}

// ── 2. Unit tests ────────────────────────────────────────────────────────────────────────────────────────────
/** Runs vitest with the given arguments and records its counts under `name`. */
async function vitestStage(name, vitestArgs) {
  const { code, output } = await run('vitest', ['run', ...vitestArgs]);
  const line = output.split('\n').find((l) => /^\s*Tests\s+.*\(\d+\)\s*$/.test(l));
  const count = (word) => Number(line?.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  let passed = count('passed');
  let failed = count('failed');
  let note = line ? '' : 'no tests found';
  if (code !== 0 && failed === 0) {
    failed = 1; // crashed, a failed suite (import error) or an unhandled error: count it
    note = `vitest exited with ${code}`;
  }
  record(name, code === 0 ? 'ok' : 'FAIL', passed, failed, note);
}

/** Runs Playwright with the given arguments and records its counts under `name`. */
async function playwrightStage(name, playwrightArgs) {
  const { code, output } = await run('playwright', ['test', ...playwrightArgs]);
  const count = (word) =>
    output
      .split('\n')
      .map((l) => l.match(new RegExp(`^\\s*(\\d+) ${word}\\b`)))
      .filter(Boolean)
      .reduce((sum, m) => sum + Number(m[1]), 0);
  const passed = count('passed');
  let failed = count('failed') + count('flaky') + count('interrupted') + count('did not run');
  let note = '';
  if (code !== 0 && failed === 0) {
    failed = 1; // config error, web server did not start, no tests found…
    note = `playwright exited with ${code}`;
  }
  record(name, code === 0 ? 'ok' : 'FAIL', passed, failed, note);
}

header(2, 'Unit tests (vitest)');
await vitestStage('unit (vitest)', []);

// ── 3. Build ─────────────────────────────────────────────────────────────────────────────────────────────────
header(3, `Build (astro build → ${OUT_DIR})`);
let built = true;
if (SKIP_BUILD) {
  built = existsSync(OUT_DIR);
  console.log(built ? `--skip-build: reusing ${OUT_DIR}` : `--skip-build, but ${OUT_DIR} does not exist`);
  if (built) record('build', 'skipped', 0, 0, 'reused existing output');
  else record('build', 'FAIL', 0, 1, `no build, and no ${OUT_DIR}`);
} else {
  const { code } = await run('astro', ['build']);
  built = code === 0;
  record('build', built ? 'ok' : 'FAIL', built ? 1 : 0, built ? 0 : 1, built ? '' : `astro build exited with ${code}`);
}

// ── 4. Post-build checks ─────────────────────────────────────────────────────────────────────────────────────
header(4, 'Post-build checks (scripts/checks/*.mjs)');
const checksDir = join(ROOT, 'scripts', 'checks');
const checks = existsSync(checksDir)
  ? readdirSync(checksDir)
      .filter((f) => f.endsWith('.mjs'))
      .sort()
  : [];
if (!built) {
  console.log('skipped: no build output');
  record('checks', 'skipped', 0, 0, 'build failed');
} else if (checks.length === 0) {
  console.log('(none yet)');
  record('checks', 'ok', 0, 0, 'no check scripts');
} else {
  for (const file of checks) {
    console.log(`\n── ${file}`);
    const { code } = await run(process.execPath, [join('scripts', 'checks', file)]);
    record(`check ${file}`, code === 0 ? 'ok' : 'FAIL', code === 0 ? 1 : 0, code === 0 ? 0 : 1, code === 0 ? '' : `exit ${code}`);
  }
}

// ── 5. Node checks over the build ────────────────────────────────────────────────────────────────────────────
header(5, 'Node checks over the build (vitest tests/dist)');
if (!built) {
  console.log('skipped: no build output');
  record('dist (vitest)', 'skipped', 0, 0, 'build failed');
} else {
  await vitestStage('dist (vitest)', ['--config', 'vitest.dist.config.ts']);
}

// ── 6. Browser tests ─────────────────────────────────────────────────────────────────────────────────────────
header(6, `Browser tests (playwright, port ${PORT})`);
const portInUse = () =>
  new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port: Number(PORT) });
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });
/** Records a browser stage as skipped when --quick asked for none or there is no build to serve; true if so. */
function browserStageSkipped(name) {
  if (QUICK) {
    console.log('--quick: no browser tests');
    record(name, 'skipped', 0, 0, '--quick');
  } else if (!built) {
    console.log('skipped: no build output');
    record(name, 'skipped', 0, 0, 'build failed');
  } else return false;
  return true;
}

if (!browserStageSkipped('browser (playwright)')) {
  if (!existsSync(join(OUT_DIR, 'index.html'))) {
    console.error(`${join(OUT_DIR, 'index.html')} is missing: the built site has no home page to serve.`);
    record('browser (playwright)', 'FAIL', 0, 1, 'no index.html in the build');
  } else {
    if (!process.env.CI && (await portInUse())) {
      console.warn(
        `warning: something already listens on 127.0.0.1:${PORT}; Playwright will REUSE it, and it may serve another ` +
          'build. Set RESET_PORT to a free port to test this build.',
      );
    }
    await playwrightStage('browser (playwright)', []);
  }
}

// ── 7. WordPress: the embeds in a real WordPress (tests/wordpress, playwright.wordpress.config.ts) ───────────────
// Runs where Debian's WordPress is installed (.ci/run installs it); required when CI is set. See README.
header(7, 'Embeds in a real WordPress (tests/wordpress)');
const WP_PACKAGES = 'wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-curl php-xml php-mbstring mariadb-server';
if (!browserStageSkipped('wordpress (playwright)')) {
  if (!existsSync('/usr/share/wordpress')) {
    const how = `apt-get install -y --no-install-recommends ${WP_PACKAGES}`;
    if (process.env.CI) {
      console.error(`WordPress is required in CI and is not installed: ${how}`);
      record('wordpress (playwright)', 'FAIL', 0, 1, 'WordPress not installed');
    } else {
      console.log(`skipped: WordPress is not installed here. To run this stage, as root: ${how}`);
      record('wordpress (playwright)', 'skipped', 0, 0, 'WordPress not installed');
    }
  } else {
    await playwrightStage('wordpress (playwright)', ['--config', 'playwright.wordpress.config.ts']);
  }
}

finish();
