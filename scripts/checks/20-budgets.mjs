// Budgets, in bytes and counts (never time), read statically from the built site (RESET_OUT_DIR):
//
//   client JavaScript, gzip (external chunks with their static imports + inline scripts):
//     every chapter page (/chapters/<slug>/) ≤ 12 KB · every embed page (/embed/<widget>/) ≤ 8 KB · home ≤ 2 KB
//   elements in a chapter's HTML (the DOM it builds, script and comment contents not counted) ≤ 5,000
//   /embed.js ≤ 2 KB gzip
//   a chapter's first-load weight (HTML + CSS + JS + the web fonts its text needs, gzip) ≤ 250 KB
//   no page loads anything from another origin (script, stylesheet, preload, icon, image, media, frame, CSS url())
//
// Every built HTML page is read (whatever the build contains). One line per page; exit 1 if any budget is broken.
// KB = 1024 bytes; gzip at zlib's default level. See scripts/quality/page-weight.mjs for what counts as loaded.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipFile, isRedirectPage, kb, listPages, outDir, ownOrigins, pageType } from '../quality/dist.mjs';
import { pageWeight } from '../quality/page-weight.mjs';

const KB = 1024;
/** The issues' budgets, enforced as they are written (issue 13: JS per page type and the chapter's DOM; issue 7). */
export const BUDGETS = {
  js: { chapter: 12 * KB, embed: 8 * KB, home: 2 * KB },
  chapterElements: 5000,
  embedLoader: 2 * KB,
  chapterTotal: 250 * KB,
};

/** Elements a page's HTML builds: start tags, with comments and the insides of scripts left out. */
export function elementCount(html) {
  const bare = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  return (bare.match(/<[a-zA-Z][a-zA-Z0-9-]*/g) ?? []).length;
}

const dir = outDir();
const origins = ownOrigins(dir);
const pages = listPages(dir);
const failures = [];
const rows = [];

for (const { file, path } of pages) {
  if (isRedirectPage(readFileSync(file, 'utf8'))) {
    console.log(`skip  ${path}: a redirect page`);
    continue;
  }
  const type = pageType(path);
  const w = pageWeight(file, path, dir, origins);
  rows.push({ type, ...w });
  const problems = [];
  const jsBudget = BUDGETS.js[type];
  if (jsBudget !== undefined && w.js.gzip > jsBudget) {
    problems.push(`client JS ${kb(w.js.gzip)} gzip > ${kb(jsBudget)} (${kb(w.jsExternal.gzip)} in ${w.jsFiles.length} file(s): ${w.jsFiles.map((f) => `${f.path} ${kb(f.gzip)}`).join(', ')}; ${kb(w.jsInline.gzip)} inline)`);
  }
  if (type === 'chapter' && w.total.gzip > BUDGETS.chapterTotal) {
    problems.push(`first-load weight ${kb(w.total.gzip)} gzip > ${kb(BUDGETS.chapterTotal)} (HTML ${kb(w.html.gzip)}, CSS ${kb(w.css.gzip)}, JS ${kb(w.jsExternal.gzip)}, fonts ${kb(w.fonts.gzip)}: ${w.fontFiles.map((f) => f.path.split('/').pop()).join(', ')})`);
  }
  const elements = type === 'chapter' ? elementCount(readFileSync(file, 'utf8')) : null;
  if (elements !== null && elements > BUDGETS.chapterElements) problems.push(`${elements} elements in the HTML > ${BUDGETS.chapterElements}`);
  for (const f of w.foreign) problems.push(`loads from another origin: ${f}`);
  for (const m of w.missing) problems.push(`references a file that is not in the build: ${m}`);
  const budgetNote = jsBudget !== undefined ? ` / ${kb(jsBudget)}` : '';
  const totalNote = type === 'chapter' ? ` · first load ${kb(w.total.gzip)} / ${kb(BUDGETS.chapterTotal)}` : ` · first load ${kb(w.total.gzip)}`;
  const domNote = elements !== null ? ` · ${elements} elements / ${BUDGETS.chapterElements}` : '';
  const line = `${path} [${type}] JS ${kb(w.js.gzip)}${budgetNote}${totalNote}${domNote}`;
  if (problems.length) {
    failures.push(...problems.map((p) => `${path}: ${p}`));
    console.log(`FAIL  ${line}`);
    for (const p of problems) console.log(`        ${p}`);
  } else {
    console.log(`ok    ${line}`);
  }
}

// The embed loader.
const loader = join(dir, 'embed.js');
if (!existsSync(loader)) {
  failures.push('/embed.js: missing from the build (the embed snippet loads it)');
  console.log('FAIL  /embed.js: missing from the build (the embed snippet loads it)');
} else {
  const { gzip } = gzipFile(loader);
  const ok = gzip <= BUDGETS.embedLoader;
  if (!ok) failures.push(`/embed.js: ${kb(gzip)} gzip > ${kb(BUDGETS.embedLoader)}`);
  console.log(`${ok ? 'ok   ' : 'FAIL '} /embed.js ${gzip} B gzip / ${BUDGETS.embedLoader} B`);
}

// Which page types the budgets covered: a budget with nothing to measure is reported, not silently passed.
for (const type of ['home', 'chapter', 'embed']) {
  const n = rows.filter((r) => r.type === type).length;
  if (n === 0) {
    failures.push(`no ${type} page in the build: its budget was not measured`);
    console.log(`FAIL  no ${type} page in the build: its budget was not measured`);
  }
}

console.log(`\n${pages.length} page(s) read, ${failures.length} budget failure(s)`);
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
