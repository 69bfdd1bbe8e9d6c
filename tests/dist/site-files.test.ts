import { describe, expect, it } from 'vitest';
import { distPages, readDist } from './dist';

describe('the built site', () => {
  it('has every chapter and embed page', () => {
    const pages = distPages().map((p) => p.path);
    expect(pages.filter((p) => /^\/chapters\/[^/]+\/$/.test(p))).toHaveLength(8);
    expect(pages.filter((p) => /^\/embed\/[^/]+\/$/.test(p))).toHaveLength(6);
  });

  it('tells robots where the sitemap is', () => {
    expect(readDist('/robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  });
});
