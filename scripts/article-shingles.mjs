#!/usr/bin/env node
// Regenerates tests/fixtures/article-shingles.json: the fingerprints of every 10-word run of the source article
// (../shared/sources/article.md on the team's machines, or RESET_ARTICLE). A clone on its own has no article: no test
// or CI step runs this script; the committed fixture holds hashes only, never the article's text, so such a clone
// still checks that no chapter copies the article (tests/unit/chapters.test.ts).
//
//   npm run article-shingles            write the fixture
//   npm run article-shingles -- --check  exit 1 if the fixture is stale (when the article is at hand)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shingles } from '../src/lib/text-overlap.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = resolve(ROOT, process.env.RESET_ARTICLE || '../shared/sources/article.md');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'article-shingles.json');
const N = 10;

if (!existsSync(ARTICLE)) {
  console.error(`article-shingles: ${ARTICLE} is not here (set RESET_ARTICLE to the article's path); the committed fixture stays as it is.`);
  process.exit(process.argv.includes('--check') ? 0 : 1);
}
// The article's front matter (title, byline) is not prose.
const body = readFileSync(ARTICLE, 'utf8').split('\n---\n').slice(1).join('\n');
const fixture = `${JSON.stringify({ n: N, hash: 'cyrb53', shingles: shingles(body, N) }, null, 0)}\n`;
if (process.argv.includes('--check')) {
  const same = existsSync(FIXTURE) && readFileSync(FIXTURE, 'utf8') === fixture;
  console.log(same ? 'article-shingles: fixture is current' : 'article-shingles: fixture is stale; run npm run article-shingles');
  process.exit(same ? 0 : 1);
}
writeFileSync(FIXTURE, fixture);
console.log(`article-shingles: wrote ${FIXTURE}`);
