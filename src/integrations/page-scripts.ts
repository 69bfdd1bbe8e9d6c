/**
 * Build step: each page loads one script file (src/lib/page-scripts.ts says why). The page's module scripts, as Astro
 * built them, are bundled with Rolldown (Vite's own bundler) into `_astro/page.<hash>.js`, one per distinct set of
 * scripts; what a page loads lazily stays lazy and separate. Chunks no page or chunk names any more are removed.
 * Runs after Astro has written the pages and before the script policy is hashed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { init, parse } from 'es-module-lexer';
import { rolldown } from 'rolldown';
import { type ChunkImports, moduleScripts, separateChunks, withOneModuleScript } from '../lib/page-scripts';
import { htmlFiles, textFiles } from './html-files';

const ENTRY = '\0page-entry';

/** Every built chunk's imports, by file name (Astro writes all client chunks into one folder). */
function chunkGraph(assets: string): Map<string, ChunkImports> {
  const graph = new Map<string, ChunkImports>();
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const [imports] = parse(readFileSync(join(assets, file), 'utf8'), file);
    const local = (spec: string | undefined) => (spec?.startsWith('./') ? [spec.slice(2)] : []);
    graph.set(file, {
      static: imports.filter((i) => i.d === -1).flatMap((i) => local(i.n)),
      dynamic: imports.filter((i) => i.d >= 0).flatMap((i) => local(i.n)),
    });
  }
  return graph;
}

async function bundle(assets: string, entries: string[], separate: Set<string>): Promise<string> {
  const build = await rolldown({
    input: ENTRY,
    logLevel: 'silent',
    plugins: [
      {
        name: 'the-reset:page-entry',
        resolveId(source, importer, extra) {
          if (source === ENTRY) return ENTRY;
          const file = resolve(importer && importer !== ENTRY ? dirname(importer) : assets, source);
          // Named as the chunks name each other: the bundle sits beside them.
          if (extra.kind === 'dynamic-import' || separate.has(basename(file))) return { id: `./${basename(file)}`, external: true };
          return file;
        },
        load: (id) => (id === ENTRY ? entries.map((e) => `import ${JSON.stringify(join(assets, e))};`).join('\n') : null),
      },
    ],
  });
  const { output } = await build.generate({ format: 'es', minify: true, dir: assets });
  await build.close();
  if (output.length !== 1 || output[0].type !== 'chunk') throw new Error(`page-scripts: bundling ${entries.join(', ')} gave ${output.length} files, not one`);
  return output[0].code;
}

/** Removes the chunks nothing else in the build (a page, a stylesheet, a header file, a chunk) names, until none is left. */
function removeUnnamed(root: string, assets: string): string[] {
  const removed: string[] = [];
  const others = textFiles(root)
    .filter((file) => !(dirname(file) === assets && file.endsWith('.js')))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  for (;;) {
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const text = new Map(chunks.map((c) => [c, readFileSync(join(assets, c), 'utf8')]));
    const unnamed = chunks.filter((c) => !others.includes(c) && !chunks.some((o) => o !== c && text.get(o)!.includes(c)));
    if (!unnamed.length) return removed;
    for (const c of unnamed) rmSync(join(assets, c));
    removed.push(...unnamed);
  }
}

export default function pageScripts(): AstroIntegration {
  return {
    name: 'the-reset:page-scripts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        if (!existsSync(assets)) return;
        await init;
        const graph = chunkGraph(assets);
        const pages = htmlFiles(root);
        const bundles = new Map<string, string>();
        let merged = 0;
        for (const page of pages) {
          const html = readFileSync(page, 'utf8');
          const entries = moduleScripts(html).map((src) => src.slice('/_astro/'.length));
          if (entries.length < 2) continue;
          const key = entries.join(' ');
          let src = bundles.get(key);
          if (!src) {
            const code = await bundle(assets, entries, separateChunks(entries, graph));
            const name = `page.${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
            writeFileSync(join(assets, name), code);
            src = `/_astro/${name}`;
            bundles.set(key, src);
          }
          writeFileSync(page, withOneModuleScript(html, src));
          merged++;
        }
        const removed = removeUnnamed(root, assets);
        logger.info(`${merged} pages load one script: ${bundles.size} bundles; ${removed.length} chunks no longer named were removed`);
      },
    },
  };
}
