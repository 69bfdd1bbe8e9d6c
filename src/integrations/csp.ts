/**
 * Build step: gives every built HTML page a script Content-Security-Policy without 'unsafe-inline' (see
 * src/lib/csp.ts). Runs after Astro has written the pages, so it hashes exactly what ships, whoever wrote it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withCsp } from '../lib/csp';
import { htmlFiles } from './html-files';

export default function cspHashes(): AstroIntegration {
  return {
    name: 'the-reset:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = htmlFiles(root);
        for (const file of files) {
          try {
            writeFileSync(file, withCsp(readFileSync(file, 'utf8')));
          } catch (err) {
            throw new Error(`${file}: ${(err as Error).message}`);
          }
        }
        logger.info(`script Content-Security-Policy (hashes, no 'unsafe-inline') added to ${files.length} pages`);
      },
    },
  };
}
