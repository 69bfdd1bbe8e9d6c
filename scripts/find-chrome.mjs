// Finds a Chromium for Playwright, axe and Lighthouse.
//
// Order: $CHROME_PATH → a system Chromium/Chrome → Playwright's own downloaded browser → @sparticuz/chromium
// (ships the browser inside the npm package, Linux x64 only). The tests take Debian's chromium-headless-shell first
// when it is installed: the same Blink without the desktop browser around it, as Playwright itself runs headless
// tests; on this 2-core machine it does the browser tier's work in about half the CPU time of the full browser.
// The bench asks for a full browser (`{ shell: false }`): Lighthouse measures what a reader's Chrome does.
// A CHROME_PATH that is set but does not point to an executable is an error, not a silent fall-back: whoever set it
// meant that browser.
//
// Extra launch flags can travel with CHROME_PATH through CHROME_ARGS (a JSON array of strings); scripts/test.mjs
// uses that to hand @sparticuz/chromium's flags to the Playwright workers.
//
// CLI: `node scripts/find-chrome.mjs` prints the path (stdout) and its source (stderr); `--json` prints
// { executablePath, args, source }. Exit code 1 with the install instructions if no browser is found.
import { accessSync, constants, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Flags for every launch: headless CI on a small box, no sandbox (root in a container), no phoning home. */
export const BASE_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Debian's headless build of the same Chromium (apt-get install -y chromium-headless-shell). */
export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

export const SYSTEM_PATHS = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]);

export const INSTALL_HELP = [
  'No Chromium found for the browser tests. Do one of these:',
  '  - Debian/Ubuntu: apt-get update && apt-get install -y chromium chromium-headless-shell   (gives /usr/bin/chromium',
  '    and the headless build the tests prefer, /usr/bin/chromium-headless-shell)',
  '  - point CHROME_PATH at an existing Chrome/Chromium binary: CHROME_PATH=/path/to/chrome npm test',
  '  - Linux x64 without root: npm install @sparticuz/chromium   (the browser ships inside the npm package)',
].join('\n');

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @sparticuz/chromium's flags (made for AWS Lambda) minus the ones that break or bias the tests: Playwright owns the
 * headless mode; `--single-process` makes the browser die when a test's context closes, so the next test on that
 * worker fails with "Target page, context or browser has been closed" (seen here); disabling web security or
 * allowing mixed content would hide exactly the errors the smoke tests look for.
 */
const SPARTICUZ_DROPPED = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
function sparticuzArgs(args) {
  return args.filter((a) => !a.startsWith('--headless') && !SPARTICUZ_DROPPED.has(a));
}

function parseExtraArgs(raw) {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed;
  } catch {
    /* fall through */
  }
  throw new Error(`CHROME_ARGS must be a JSON array of strings, got: ${raw}`);
}

const merge = (...lists) => [...new Set(lists.flat())];

/**
 * @param {{ shell?: boolean }} [options] `shell: false` skips the headless shell (for Lighthouse).
 * @returns {Promise<{ executablePath: string, args: string[], source: string }>}
 */
export async function findChrome({ shell = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(
        `CHROME_PATH is set to "${fromEnv}", which is not an executable file.\n` +
          'Fix or unset CHROME_PATH (unset, a system Chromium or @sparticuz/chromium is looked for).\n\n' +
          INSTALL_HELP,
      );
    }
    return { executablePath: fromEnv, args: merge(BASE_ARGS, parseExtraArgs(process.env.CHROME_ARGS)), source: 'CHROME_PATH' };
  }

  for (const path of shell ? [HEADLESS_SHELL_PATH, ...SYSTEM_PATHS] : SYSTEM_PATHS) {
    if (isExecutable(path)) return { executablePath: path, args: [...BASE_ARGS], source: 'system' };
  }

  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    if (path && isExecutable(path)) return { executablePath: path, args: [...BASE_ARGS], source: 'playwright' };
  } catch {
    /* playwright-core missing or no browser registered for this platform */
  }

  let sparticuzError;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const path = await chromium.executablePath();
    if (path && isExecutable(path)) {
      return { executablePath: path, args: merge(BASE_ARGS, sparticuzArgs(chromium.args)), source: '@sparticuz/chromium' };
    }
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') sparticuzError = err;
  }

  throw new Error(
    INSTALL_HELP +
      (sparticuzError ? `\n\n(@sparticuz/chromium is installed but failed: ${sparticuzError.message ?? sparticuzError})` : ''),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const found = await findChrome();
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(found));
    } else {
      console.log(found.executablePath);
      console.error(`(found via ${found.source})`);
    }
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
