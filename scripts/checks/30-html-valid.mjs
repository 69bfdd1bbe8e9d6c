// Every built page passes the W3C Nu HTML checker with zero errors.
//
// Runs the checker npm `vnu-jar` ships (offline, on the machine's Java) over the whole build (RESET_OUT_DIR):
//   java -jar node_modules/vnu-jar/build/dist/vnu.jar --skip-non-html --errors-only \
//        --filterpattern '.*“style” element in “body”.*' <dist>
// The one filtered message is Astro's island <style> in <body> (see /work/shared/TOOLING.md); nothing wider.
// Prints every error as `page:line.col: message`; exit 1 on any error, or when Java is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listPages, outDir, ROOT } from '../quality/dist.mjs';

// The style-in-body rule trips on Astro's island styles (TOOLING.md). The CSS messages are the checker's outdated
// CSS profile: container queries, paint-order and scroll-driven animation (`animation-timeline: scroll()`, read as
// part of `animation`) are standard CSS that it does not know yet. It reads only the styles inside a page.
const FILTER = [
  '.*“style” element in “body”.*',
  'CSS: Unrecognized at-rule “@container”.*',
  'CSS: “container-type”: Property “container-type” doesn.t exist.*',
  'CSS: “paint-order”: Property “paint-order” doesn.t exist.*',
  'CSS: “animation”: “scroll\\(root\\)” is not a “animation” value.*',
].join('|');
const JAR = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

const dir = outDir();
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const version = spawnSync(java, ['-version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.log('FAIL  no Java found: the W3C Nu HTML checker (vnu-jar) needs it.');
  console.log('      Install one: apt-get install -y default-jre-headless   (or set JAVA_HOME)');
  process.exit(1);
}
if (!existsSync(JAR)) {
  console.log(`FAIL  ${relative(ROOT, JAR)} is missing: run npm ci (vnu-jar's install script must be allowed)`);
  process.exit(1);
}

const pages = listPages(dir);
const started = Date.now();
const r = spawnSync(
  java,
  // C1 only and the serial GC: a short job starts ~5x faster on a small machine (JVM options, not checker flags).
  ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss8m', '-jar', JAR, '--skip-non-html', '--errors-only', '--format', 'json', '--filterpattern', FILTER, dir],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (r.error) {
  console.log(`FAIL  could not run the Nu checker: ${r.error.message}`);
  process.exit(1);
}
let messages;
try {
  // The JSON report goes to stderr.
  messages = JSON.parse(r.stderr || r.stdout || '{"messages":[]}').messages ?? [];
} catch {
  console.log(`FAIL  the Nu checker exited with ${r.status} and no JSON report:\n${(r.stderr || r.stdout).slice(0, 4000)}`);
  process.exit(1);
}

const pathOf = (url) => {
  if (!url) return '?';
  const file = decodeURIComponent(url.replace(/^file:/, ''));
  const rel = relative(dir, file).split('\\').join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
};

const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
const byPage = new Map();
for (const m of errors) {
  const page = pathOf(m.url);
  if (!byPage.has(page)) byPage.set(page, []);
  byPage.get(page).push(m);
}
for (const [page, list] of [...byPage].sort()) {
  for (const m of list) {
    const at = m.lastLine ? `:${m.firstLine ?? m.lastLine}.${m.firstColumn ?? m.lastColumn ?? 0}` : '';
    const extract = m.extract ? `  «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}»` : '';
    console.log(`ERROR ${page}${at}  ${m.message}${extract}`);
  }
}
// A summary: each distinct message (CSS values and ids folded together), how often, and on how many pages.
if (errors.length) {
  const groups = new Map();
  for (const [page, list] of byPage) {
    for (const m of list) {
      const key = m.message.replace(/“[^”]*”/g, (q) => (/^“(?:fz|source|step|term|p)-/.test(q) ? '“…”' : q));
      const g = groups.get(key) ?? { count: 0, pages: new Set() };
      g.count++;
      g.pages.add(page);
      groups.set(key, g);
    }
  }
  console.log('\nBy message:');
  for (const [msg, g] of [...groups].sort((a, b) => b[1].count - a[1].count)) {
    const pages = [...g.pages];
    console.log(`  ${String(g.count).padStart(4)}× on ${pages.length} page(s) (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', …' : ''}): ${msg}`);
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${pages.length} page(s) checked by the Nu HTML checker in ${seconds}s: ${errors.length} error(s) on ${byPage.size} page(s)`);
if (errors.length || (r.status !== 0 && r.status !== 1)) process.exit(1);
