/** Helpers for the teaching, discovery and sharing specs (teach-*.spec.ts): what the build holds, read from disk. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from './helpers';

/** Chapter slugs in the build (every folder under /chapters/ with a page that is not a redirect). */
export function builtChapterSlugs(): string[] {
  const dir = join(outDir(), 'chapters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .filter((e) => !isRedirect(readFileSync(join(dir, e.name, 'index.html'), 'utf8')))
    .map((e) => e.name)
    .sort();
}

export const isRedirect = (html: string) => /<meta\s[^>]*http-equiv=["']?refresh/i.test(html);

/** The built HTML of a site path ("/teach/" → dist/teach/index.html). */
export function builtHtml(path: string): string {
  const file = path.endsWith('/') ? join(outDir(), path, 'index.html') : join(outDir(), path);
  return readFileSync(file, 'utf8');
}

export function builtFile(path: string): Buffer {
  return readFileSync(join(outDir(), path));
}

/** The content of a <meta property|name="…"> in a page's HTML. */
export function metaContent(html: string, key: string): string | null {
  const re = new RegExp(`<meta\\s[^>]*(?:property|name)="${key.replace(/[:.]/g, '\\$&')}"[^>]*>`, 'i');
  const tag = re.exec(html)?.[0];
  return tag ? (/content="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
}

/** Today as the browser formats a long US date ("November 26, 2026"), for access dates. */
export function longDate(d = new Date()): string {
  return d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
}
