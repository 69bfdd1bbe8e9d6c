// Where a build writes. Astro puts a build's server chunks in `.astro/` at the project root whenever the output
// folder lies outside the project, so two builds with outside folders would delete each other's chunks. An
// outside RESET_OUT_DIR is therefore built under .builds/ in the project and linked from the path asked for.
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export function resolveOutDir(root = process.cwd(), requested = process.env.RESET_OUT_DIR) {
  if (!requested) return './dist';
  const abs = resolve(root, requested);
  const rel = relative(root, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return abs;
  const inside = join(root, '.builds', abs.replace(/[^A-Za-z0-9_-]+/g, '_'));
  mkdirSync(inside, { recursive: true });
  const stat = existsSync(abs) || isLink(abs) ? lstatSync(abs) : null;
  if (!stat?.isSymbolicLink()) {
    if (stat) rmSync(abs, { recursive: true, force: true });
    symlinkSync(inside, abs, 'dir');
  }
  return inside;
}

function isLink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
