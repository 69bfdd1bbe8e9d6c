import { describe, expect, it } from 'vitest';
import { hasSvelteMarkers } from '../../src/lib/svelte-markers';
import { distPages, readDist } from './dist';

describe('the built site', () => {
  it('has every chapter and embed page', () => {
    const pages = distPages().map((p) => p.path);
    expect(pages.filter((p) => /^\/chapters\/[^/]+\/$/.test(p))).toHaveLength(8);
    expect(pages.filter((p) => /^\/embed\/[^/]+\/$/.test(p))).toHaveLength(6);
  });

  it("ships no Svelte hydration comments (nothing hydrates; src/lib/svelte-markers.ts)", () => {
    const withMarkers = distPages().filter((p) => hasSvelteMarkers(p.html));
    expect(withMarkers.map((p) => p.path)).toEqual([]);
  });

  it('tells robots where the sitemap is', () => {
    expect(readDist('/robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  });
});
