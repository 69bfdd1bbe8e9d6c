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
import { resolveOutDir } from './scripts/out-dir.mjs';
import sitemap from '@astrojs/sitemap';
import pagefind from 'astro-pagefind';
import { loadRedirects } from './src/lib/redirects.ts';
import { siteUpdated } from './src/lib/site-dates.ts';

/**
 * Vite wraps each dynamic import in a preload helper (0.9 KB gzip on every page) that fetches the imported chunk's
 * own imports alongside it. That is only a head start (the import fetches them anyway), so the site's helper just
 * calls the import; the site's lazy modules (search, cite, image, timeline's filters) import no CSS, and one that
 * did would fail loudly rather than show unstyled.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const bareDynamicImports = () => ({
  name: 'the-reset:bare-dynamic-imports',
  enforce: 'pre',
  /** @param {string} id */
  resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
  /** @param {string} id */
  load: (id) =>
    id === PRELOAD_HELPER
      ? "export const __vitePreload = (load, deps) => deps && deps.some((d) => d.endsWith('.css')) ? Promise.reject(new Error('a lazy module imports CSS: ' + deps)) : load();"
      : undefined,
});

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
  build: { format: 'directory' },
  // cspHashes last: it hashes the inline scripts of the pages as written (script CSP without 'unsafe-inline').
  integrations: [
    buildChecks(),
    mdx(),
    svelte(),
    // Embeds, printable handouts and the 404 page are not for search engines.
    sitemap({ filter: (page) => !/\/(embed|404)(\/|$)|\/handout\/$/.test(new URL(page).pathname) }),
    pagefind(),
    cspHashes(),
  ],
  // Old addresses of pages that moved (content/data/redirects.yaml): published chapter slugs never break.
  redirects: loadRedirects(),
  vite: {
    plugins: [bareDynamicImports()],
    // The chart runtime and what it imports (the widget state, the protocol, the formats) in the chunk of its
    // element's script: every chart page loads all of it anyway, and one file gzips smaller than four.
    build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'runtime', test: /ChartRuntime\.astro|src[\\/]widgets[\\/]shared[\\/]runtime\.ts$/ }] } } } },
    // The "updated" date a chart's Cite panel gives: the newest chapter update or correction.
    define: { 'import.meta.env.PUBLIC_RESET_UPDATED': JSON.stringify(siteUpdated()) },
  },
  // The remark/rehype pipeline (not the default Sätteri one) so chapters get checked fact ids and paragraph ids.
  markdown: { processor: unified({ remarkPlugins: [remarkFactIds, remarkScrolly], rehypePlugins: [rehypeParagraphIds] }) },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
