// Where the built site is, and small readers over it, for the Node tier (tests/dist).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const DIST = resolve(process.env.RESET_OUT_DIR || 'dist');

if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error(`tests/dist: no built site at ${DIST} (run \`npm run build\` first, or set RESET_OUT_DIR)`);
}

/** A built file's text, by its site path (`/embed/timeline/` reads `embed/timeline/index.html`). */
export function readDist(path: string): string {
  const rel = path.replace(/^\//, '');
  const file = join(DIST, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  return readFileSync(file, 'utf8');
}

/** Every built file under `dir` (site path, e.g. `/data/`) whose name ends with `ext`, as site paths. */
export function distFiles(ext: string, dir = '/'): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext)) out.push(`/${relative(DIST, p).split('\\').join('/')}`);
    }
  };
  walk(join(DIST, dir));
  return out.sort();
}

/** Site paths of every built HTML page (`/chapters/the-bet/`, `/404.html`). */
export function distPages(): string[] {
  return distFiles('.html').map((p) => (p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p));
}
