/**
 * Build step: cuts the two font files the site serves (src/lib/fonts.ts: SERVED) down to the characters the built
 * site draws (src/lib/font-subset.ts), the weights and the OpenType features its CSS uses (src/lib/fonts.ts): they
 * are on every page's critical path.
 * Runs after Astro has written the pages and before the script policy is hashed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cssContentChars, htmlChars, subsetText } from '../lib/font-subset';
import { FEATURES, SERVED, servedName, WEIGHTS } from '../lib/fonts';
import { htmlFiles, textFiles } from './html-files';

// subset-font ships no types: the one call used here.
const subsetFont = createRequire(import.meta.url)('subset-font') as (
  font: Buffer,
  text: string,
  options: { targetFormat: 'woff2'; keepFeatures: readonly string[]; variationAxes: Record<string, { min: number; max: number } | number> },
) => Promise<Buffer>;

export default function fontSubset(): AstroIntegration {
  return {
    name: 'the-reset:font-subset',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        const chars = new Set<string>();
        for (const file of htmlFiles(root)) {
          if (relative(root, file).split(sep)[0] !== 'pagefind') htmlChars(readFileSync(file, 'utf8'), chars);
        }
        const assetNames = readdirSync(assets);
        for (const name of assetNames.filter((n) => n.endsWith('.css'))) cssContentChars(readFileSync(join(assets, name), 'utf8'), chars);
        const renamed = new Map<string, string>();
        for (const font of SERVED) {
          const base = servedName(font);
          const text = subsetText(chars, font.range);
          const found = assetNames.filter((n) => n.startsWith(`${base}.`) && n.endsWith('.woff2'));
          if (found.length !== 1) throw new Error(`font subset: expected one _astro/${base}.<hash>.woff2, found ${found.length ? found.join(', ') : 'none'}`);
          const file = join(assets, found[0]!);
          const original = readFileSync(file);
          let subset: Buffer;
          try {
            subset = await subsetFont(original, text, { targetFormat: 'woff2', keepFeatures: FEATURES, variationAxes: { wght: { ...WEIGHTS }, ...font.pin } });
          } catch (err) {
            throw new Error(`font subset: ${file}: ${(err as Error).message}`);
          }
          const name = `${base}.${createHash('sha256').update(subset).digest('base64url').slice(0, 8)}.woff2`;
          writeFileSync(join(assets, name), subset);
          if (name !== found[0]) rmSync(file);
          renamed.set(found[0]!, name);
          logger.info(`${found[0]} → ${name}: ${original.length} → ${subset.length} bytes (${text.length} characters, wght ${WEIGHTS.min}–${WEIGHTS.max})`);
        }

        let rewritten = 0;
        for (const file of textFiles(root)) {
          const before = readFileSync(file, 'utf8');
          let after = before;
          for (const [from, to] of renamed) after = after.replaceAll(from, to);
          if (after !== before) {
            writeFileSync(file, after);
            rewritten++;
          }
        }
        logger.info(`font file names updated in ${rewritten} files`);
      },
    },
  };
}
