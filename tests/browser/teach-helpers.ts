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

/** A chapter's scroll steps as built, in order: id, date and highlight (empty when it has none). */
export function builtSteps(slug: string): { id: string; asOf: string; highlight: string }[] {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  return [...builtHtml(`/chapters/${slug}/`).matchAll(/<[a-z]+\b[^>]*?\sdata-step(?=[\s>])[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, 'id') ?? '',
    asOf: attr(tag, 'data-as-of') ?? '',
    highlight: attr(tag, 'data-highlight') ?? '',
  }));
}
