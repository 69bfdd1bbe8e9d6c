/**
 * Build-time bundling of the embed page's own scripts with esbuild (Astro's own dependency), as small IIFEs:
 *   - the child script is inlined at the end of the embed page (hashed by the CSP step), so it runs before the chart
 *     hydrates (the chart starts in the URL's state) and even inside a sandboxed iframe whose opaque origin cannot
 *     fetch module scripts from a host that sends no CORS headers (WordPress's oEmbed sandbox on a bare host);
 *   - the image renderer is served as /embed/image.js and fetched only when a reader asks for an image.
 */
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';

const cache = new Map<string, string>();

export function bundleScript(entry: 'child-entry' | 'image-entry'): string {
  let code = cache.get(entry);
  if (code === undefined) {
    const result = buildSync({
      // From the project root: at build time this module runs from a bundled chunk, not from its source folder.
      entryPoints: [resolve(process.cwd(), 'src/lib/embed', `${entry}.ts`)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    // Inlined into HTML: a literal </script would end the element early.
    code = result.outputFiles[0]!.text.trim().replace(/<\/(script)/gi, '<\\/$1');
    cache.set(entry, code);
  }
  return code;
}
