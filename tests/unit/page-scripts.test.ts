import { describe, expect, it } from 'vitest';
import { type ChunkImports, moduleScripts, separateChunks, withOneModuleScript } from '../../src/lib/page-scripts';

const page =
  '<head><script type="module" src="/_astro/SiteSearch.a.js"></script><script>inline()</script></head>' +
  '<body><figure><script type="module" src="/_astro/ChartRuntime.b.js"></script></figure>' +
  '<script type="module" src="/_astro/Scrolly.c.js"></script><script type="module" src="https://example.org/x.js"></script></body>';

describe('moduleScripts', () => {
  it("lists the page's module scripts from the asset folder, in document order", () => {
    expect(moduleScripts(page)).toEqual(['/_astro/SiteSearch.a.js', '/_astro/ChartRuntime.b.js', '/_astro/Scrolly.c.js']);
  });
});

describe('withOneModuleScript', () => {
  it('puts one script where the first stood and removes the others, leaving inline and other scripts alone', () => {
    expect(withOneModuleScript(page, '/_astro/page.z.js')).toBe(
      '<head><script type="module" src="/_astro/page.z.js"></script><script>inline()</script></head>' +
        '<body><figure></figure><script type="module" src="https://example.org/x.js"></script></body>',
    );
  });
});

describe('separateChunks', () => {
  const graph = new Map<string, ChunkImports>([
    ['Timeline.js', { static: ['ChartRuntime.js'], dynamic: ['filters.js'] }],
    ['filters.js', { static: ['ChartRuntime.js', 'view.js'], dynamic: [] }],
    ['view.js', { static: ['ChartRuntime.js'], dynamic: [] }],
    ['ChartRuntime.js', { static: [], dynamic: [] }],
    ['MoneyFlows.js', { static: ['ChartRuntime.js'], dynamic: [] }],
    ['CiteWiring.js', { static: [], dynamic: ['cite-ui.js'] }],
    ['cite-ui.js', { static: [], dynamic: [] }],
  ]);

  it('keeps apart what a page loads lazily and everything that imports statically', () => {
    expect([...separateChunks(['Timeline.js', 'CiteWiring.js'], graph)].sort()).toEqual(['ChartRuntime.js', 'cite-ui.js', 'filters.js', 'view.js']);
  });

  it('bundles a shared chunk when no lazy chunk the page can reach needs it', () => {
    expect([...separateChunks(['MoneyFlows.js', 'CiteWiring.js'], graph)]).toEqual(['cite-ui.js']);
  });
});
