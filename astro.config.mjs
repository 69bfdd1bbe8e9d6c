// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import { checkContent } from './src/lib/factbase/load.ts';
import remarkFactIds from './src/lib/mdx/remark-fact-ids.ts';
import remarkScrolly from './src/lib/mdx/remark-scrolly.ts';
import rehypeParagraphIds from './src/lib/mdx/rehype-paragraph-ids.ts';
import { checkSiteUrl, siteUrl } from './src/lib/site.ts';
import cspHashes from './src/integrations/csp.ts';
import staticMarkup from './src/integrations/static-markup.ts';
import fontSubset from './src/integrations/font-subset.ts';
import laterArtboards from './src/integrations/later-artboards.ts';
import pageScripts from './src/integrations/page-scripts.ts';
import { resolveOutDir } from './scripts/out-dir.mjs';
import sitemap from '@astrojs/sitemap';
import pagefind from 'astro-pagefind';
import { loadRedirects } from './src/lib/redirects.ts';
import { siteUpdated } from './src/lib/site-dates.ts';

/**
 * Vite wraps each dynamic import in a preload helper (0.9 KB gzip, a file of its own on every page) and a table of the
 * imported chunk's own imports, which the helper fetches alongside it. That is only a head start (the import fetches
 * them anyway), so here the helper just calls the import: each module that imports lazily gets its own copy of the
 * one-line helper (no shared file, no import of it), and the tables are never written (`modulePreload: false` is
 * not Astro's to give: it sets the option itself). A lazy module that imported CSS would need the helper to load
 * that CSS: the build fails instead, naming it.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const PRELOAD_MARKER = '__VITE_PRELOAD__';
/** @returns {import('vite').Plugin} */
const bareDynamicImports = () => {
  /** Each importer's own copy of the helper, by number (an importer's id may carry a query another plugin reads). */
  const copies = new Map();
  return {
  name: 'the-reset:bare-dynamic-imports',
  enforce: 'pre',
  // The browser's build (Vite inserts the helper there only; the server's lazy pages load their CSS their own way).
  applyToEnvironment: (environment) => environment.config.consumer === 'client',
  resolveId(id, importer) {
    if (id !== PRELOAD_HELPER) return undefined;
    if (!copies.has(importer)) copies.set(importer, copies.size);
    return `${PRELOAD_HELPER}/${copies.get(importer)}`;
  },
  load: (id) => (id.startsWith(`${PRELOAD_HELPER}/`) ? 'export const __vitePreload = (load) => load();' : undefined),
  // Where Vite would write the table of a lazy import's dependencies; it skips a chunk without the marker.
  renderChunk: (code) => (code.includes(PRELOAD_MARKER) ? code.replaceAll(PRELOAD_MARKER, 'void 0') : null),
  generateBundle(_, bundle) {
    /** @param {string} file @param {Set<string>} seen @returns {string[]} */
    const cssOf = (file, seen = new Set()) => {
      const chunk = bundle[file];
      if (seen.has(file) || chunk?.type !== 'chunk') return [];
      seen.add(file);
      return [...(chunk.viteMetadata?.importedCss ?? []), ...chunk.imports.flatMap((f) => cssOf(f, seen))];
    };
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const lazy of chunk.dynamicImports) {
        const css = cssOf(lazy);
        if (css.length) this.error(`${chunk.fileName} imports ${lazy} lazily, and ${lazy} imports CSS (${css.join(', ')}) that a bare import() never loads`);
      }
    }
  },
  };
};

/**
 * Where a client chunk goes: `_astro/<name>.<hash>.js`, as Astro names it, less the suffix Astro gives a component's
 * `<script>` (`.astro_astro_type_script_index_0_lang`).
 * @param {{ name: string }} chunk
 */
const chunkFileName = ({ name }) => `_astro/${name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '').replace(/[^\w.-]/g, '_')}.[hash].js`;

/**
 * Fails the build before anything renders: a deploy without SITE_URL, or any content file that is broken (one
 * message with file, entry and field).
 * @returns {import('astro').AstroIntegration}
 */
const buildChecks = () => ({
  name: 'the-reset:build-checks',
  hooks: {
    'astro:config:setup': ({ command, logger }) => {
      // Under vitest the validation tests report broken data themselves, one case at a time.
      if (process.env.VITEST) return;
      if (command === 'build') {
        const { error, note } = checkSiteUrl(process.env);
        if (error) throw new Error(error);
        if (note) logger.info(note);
      }
      checkContent();
    },
  },
});

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  // Separate output and cache folders let several builds run side by side (tests, bench, the naive variant).
  outDir: resolveOutDir(),
  cacheDir: process.env.RESET_CACHE_DIR || './node_modules/.astro',
  // A stylesheet under 10 KB goes into the page (each file is a request before the first paint); larger ones stay
  // files the browser caches across pages.
  build: { format: 'directory', inlineStylesheets: 'auto' },
  // cspHashes last: it hashes the inline scripts of the pages as written (script CSP without 'unsafe-inline').
  integrations: [
    buildChecks(),
    mdx(),
    svelte(),
    // Embeds, printable handouts and the 404 page are not for search engines.
    sitemap({ filter: (page) => !/\/(embed|404)(\/|$)|\/handout\/$/.test(new URL(page).pathname) }),
    pagefind(),
    staticMarkup(),
    fontSubset(),
    laterArtboards(),
    pageScripts(),
    cspHashes(),
  ],
  // Old addresses of pages that moved (content/data/redirects.yaml): published chapter slugs never break.
  redirects: loadRedirects(),
  vite: {
    plugins: [bareDynamicImports()],
    build: {
      assetsInlineLimit: (file, content) => (file.endsWith('.css') ? content.length < 10 * 1024 : undefined),
      // The chart runtime and what it imports (the widget state, the protocol, the formats) in the chunk of its
      // element's script: every chart page loads all of it anyway, and one file gzips smaller than four.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'runtime', test: /ChartRuntime\.astro|src[\\/]widgets[\\/]shared[\\/]runtime\.ts$/ }] } } },
    },
    environments: {
      client: {
        build: {
          // A component's script is named after the component ("ChartRuntime.<hash>.js", not
          // "ChartRuntime.astro_astro_type_script_index_0_lang.<hash>.js"): every chunk spells the names of the
          // chunks it imports, and a page's gzip counts each of them.
          rolldownOptions: { output: { entryFileNames: chunkFileName, chunkFileNames: chunkFileName } },
        },
      },
    },
    // The "updated" date a chart's Cite panel gives: the newest chapter update or correction.
    define: { 'import.meta.env.PUBLIC_RESET_UPDATED': JSON.stringify(siteUpdated()) },
  },
  // The remark/rehype pipeline (not the default Sätteri one) so chapters get checked fact ids and paragraph ids.
  markdown: { processor: unified({ remarkPlugins: [remarkFactIds, remarkScrolly], rehypePlugins: [rehypeParagraphIds] }) },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
