// `astro build` itself stops before rendering anything, with one clear message, when
//   1. a content file is broken (here: malformed YAML in activities.yaml): the message names file, entry and field;
//   2. it looks like a deploy (CI set) and SITE_URL is not.
// The loader's checks for every kind of file are unit tests (tests/unit/content-files.test.ts); this proves the
// build runs them, and a warm cache cannot stand in for a broken file. Both builds stop in their config hook.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'reset-bad-input-'));
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

function build(env) {
  const r = spawnSync('astro', ['build'], {
    env: { ...process.env, RESET_OUT_DIR: join(work, 'dist'), NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(ANSI, '') };
}

const cases = [
  {
    name: 'malformed YAML in a content file',
    env: () => {
      const root = join(work, 'content');
      cpSync('content', root, { recursive: true });
      appendFileSync(join(root, 'data/activities.yaml'), '\n- chapter: the-bet\n  title: "unclosed\n  minutes: 10\n');
      return { RESET_CONTENT_DIR: root };
    },
    expect: /content\/data\/activities\.yaml: entry "the-bet", field "(title|minutes)": malformed YAML at line \d+/,
  },
  {
    name: 'a deploy (CI) without SITE_URL',
    env: () => ({ CI: 'true', SITE_URL: '' }),
    expect: /SITE_URL is not set, but CI is set, so this build looks like a deploy/,
  },
];

let failed = 0;
try {
  for (const c of cases) {
    const r = build(c.env());
    const ok = r.status !== 0 && c.expect.test(r.output) && !/\d+ page\(s\) built/.test(r.output);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name}: build exited ${r.status}`);
    if (!ok) {
      failed++;
      console.log(`     expected ${c.expect}\n     got:\n${r.output.split('\n').slice(-25).join('\n')}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
