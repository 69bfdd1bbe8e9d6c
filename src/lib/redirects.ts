/**
 * Stable links: the chapter slugs ever published and the redirects that keep old addresses working. Read by
 * astro.config.mjs (the `redirects` option) and checked before every build (checkContent in src/lib/factbase/load.ts).
 */
import { loadContent } from './factbase/content-files';

/** content/data/redirects.yaml: old path -> new path, checked by the content loader. */
export const loadRedirects = (): Record<string, string> => loadContent('redirects');

/** content/data/published-slugs.yaml. */
export const loadPublishedSlugs = (): string[] => loadContent('publishedSlugs');

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
