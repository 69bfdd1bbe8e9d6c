/**
 * Build step: removes Svelte's hydration comments from every built page (src/lib/svelte-markers.ts says why). Runs
 * after Astro has written the pages and before the script policy is hashed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stripSvelteMarkers } from '../lib/svelte-markers';
import { htmlFiles } from './html-files';

export default function staticMarkup(): AstroIntegration {
  return {
    name: 'the-reset:static-markup',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        let removed = 0;
        for (const file of files) {
          const out = stripSvelteMarkers(readFileSync(file, 'utf8'));
          removed += out.removed;
          writeFileSync(file, out.html);
        }
        logger.info(`${removed} Svelte hydration comments removed from ${files.length} pages`);
      },
    },
  };
}
