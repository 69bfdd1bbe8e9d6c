/**
 * Stable links: the chapter slugs ever published and the redirects that keep old addresses working. Read by
 * astro.config.mjs (the `redirects` option) and checked by tests/unit/stable-links.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const PATH = /^\/[a-z0-9/_-]*\/$/;

export function loadRedirects(root: string = process.cwd()): Record<string, string> {
  const file = 'content/data/redirects.yaml';
  const raw = parse(readFileSync(join(root, file), 'utf8')) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a map of old path to new path`);
  for (const [from, to] of Object.entries(raw)) {
    if (!PATH.test(from)) throw new Error(`${file}: "${from}" must be a site path like /chapters/old-slug/`);
    if (typeof to !== 'string' || !PATH.test(to)) throw new Error(`${file}: "${from}" must redirect to a site path like /chapters/new-slug/`);
    if (from === to) throw new Error(`${file}: "${from}" redirects to itself`);
  }
  return raw as Record<string, string>;
}

export function loadPublishedSlugs(root: string = process.cwd()): string[] {
  const file = 'content/data/published-slugs.yaml';
  const raw = parse(readFileSync(join(root, file), 'utf8'));
  if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string')) throw new Error(`${file}: expected a list of slugs`);
  return raw as string[];
}

/** Problems with the published slugs given the chapters that exist now: each must still exist or redirect to one that does. */
export function checkStableLinks(published: string[], current: string[], redirects: Record<string, string>): string[] {
  const errors: string[] = [];
  const currentPaths = new Set(current.map((s) => `/chapters/${s}/`));
  for (const slug of current) {
    if (!published.includes(slug)) errors.push(`chapter "${slug}" is not in content/data/published-slugs.yaml: add it when it is published`);
  }
  for (const slug of published) {
    const path = `/chapters/${slug}/`;
    if (currentPaths.has(path)) {
      if (redirects[path]) errors.push(`${path} is a chapter and also redirects to ${redirects[path]}`);
      continue;
    }
    // Follow the chain (at most a few hops) to a chapter that exists.
    let at = path;
    for (let hops = 0; hops < 5 && redirects[at]; hops++) at = redirects[at]!;
    if (!currentPaths.has(at)) errors.push(`published chapter "${slug}" no longer exists and ${path} does not redirect to a chapter (content/data/redirects.yaml)`);
  }
  return errors;
}
