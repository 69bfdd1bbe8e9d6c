/**
 * Build step: moves the wider artboards of each page that leaves them for later (a chapter) into `artboards.json`
 * beside it (src/lib/later-artboards.ts). Runs after the font subset (which reads every drawing's words in the pages)
 * and before the script policy is hashed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LATER_FILE, moveLaterArtboards } from '../lib/later-artboards';
import { htmlFiles } from './html-files';

export default function laterArtboards(): AstroIntegration {
  return {
    name: 'the-reset:later-artboards',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let pages = 0;
        let moved = 0;
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          const folder = relative(root, dirname(file)).split(sep).filter(Boolean);
          const url = `/${[...folder, LATER_FILE].join('/')}`;
          const out = moveLaterArtboards(html, url, relative(root, file));
          if (out.boards.length === 0) continue;
          writeFileSync(file, out.html);
          writeFileSync(join(dirname(file), LATER_FILE), JSON.stringify(out.boards));
          pages++;
          moved += html.length - out.html.length;
        }
        logger.info(`${Math.round(moved / 1024)} KB of wider artboards moved out of ${pages} pages into ${LATER_FILE} beside each`);
      },
    },
  };
}
