// Bad input must stop the build with one message naming the file, the entry and the field.
// Builds copies of the fact base and chapters, each broken in one way, and checks what `astro build` says.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'reset-bad-input-'));
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

function build(env) {
  const r = spawnSync('astro', ['build'], {
    env: { ...process.env, RESET_OUT_DIR: join(work, 'dist'), RESET_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(ANSI, '') };
}

function brokenData(name, file, edit) {
  const dir = join(work, name, 'data');
  cpSync('content/data', dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return { RESET_DATA_DIR: dir };
}

const cases = [
  {
    name: 'unknown source reference',
    env: () => brokenData('unknown-source', 'figures.yaml', (s) => s.replace(/sources: \[([a-z0-9-]+)/, 'sources: [no-such-source')),
    expect: /figures\.yaml: entry "[a-z0-9-]+", field "sources\.0": unknown source "no-such-source"/,
  },
  {
    name: 'malformed YAML',
    env: () => brokenData('malformed', 'events.yaml', (s) => `${s}\n- id: broken\n  title: "unclosed\n`),
    expect: /events\.yaml: malformed YAML at line \d+/,
  },
  {
    name: 'value on an undisclosed figure',
    env: () =>
      brokenData('undisclosed', 'figures.yaml', (s) => `${s}\n- id: secret-amount\n  label: x\n  value: 5\n  unit: USD\n  qualifier: undisclosed\n  kind: investment\n  event: reset-2026\n  sources: [the-new-stack-reset-decoded]\n`),
    expect: /figures\.yaml: entry "secret-amount", field "value": an undisclosed figure must have value: null/,
  },
  {
    name: 'unknown fact id in a chapter',
    env: () => {
      const dir = join(work, 'chapters');
      cpSync('content/chapters', dir, { recursive: true });
      const file = join(dir, '01-the-bet.mdx');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nA broken figure: <Fact id="no-such-figure" />.\n`);
      return { RESET_CHAPTERS_DIR: dir };
    },
    expect: /01-the-bet\.mdx: unknown id in <Fact id="no-such-figure">/,
  },
];

let failed = 0;
try {
  for (const c of cases) {
    const r = build(c.env());
    const ok = r.status !== 0 && c.expect.test(r.output);
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
