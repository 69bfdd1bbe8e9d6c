import { readFileSync } from 'node:fs';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleScripts } from '../../src/lib/page-scripts';
import { distFile, distFiles, distPages } from './dist';

describe('scripts and stylesheets a page asks for (src/integrations/page-scripts.ts)', () => {
  beforeAll(() => init);

  it('every page loads at most one script file, and a chapter exactly one, with one stylesheet file', () => {
    const pages = distPages();
    expect(pages.filter((p) => moduleScripts(p.html).length > 1).map((p) => p.path)).toEqual([]);
    for (const chapter of pages.filter((p) => /^\/chapters\/[^/]+\/$/.test(p.path))) {
      expect(moduleScripts(chapter.html), chapter.path).toHaveLength(1);
      expect(chapter.html.match(/<link rel="stylesheet"/g), chapter.path).toHaveLength(1);
    }
  });

  it("every chunk a script imports, now or lazily, exists; every chunk is named by a page or a chunk", () => {
    const chunks = distFiles('.js').filter((f) => f.startsWith('/_astro/'));
    const text = new Map(chunks.map((c) => [c, readFileSync(distFile(c), 'utf8')]));
    const missing: string[] = [];
    for (const [chunk, code] of text) {
      for (const imp of parse(code, chunk)[0]) {
        if (!imp.n?.startsWith('./')) continue;
        const target = `/_astro/${imp.n.slice(2)}`;
        if (!text.has(target)) missing.push(`${chunk} → ${imp.n}`);
      }
    }
    expect(missing).toEqual([]);
    const pages = distPages().map((p) => p.html).join('\n');
    const orphans = chunks.filter((c) => {
      const name = c.slice('/_astro/'.length);
      return !pages.includes(c) && ![...text].some(([other, code]) => other !== c && code.includes(name));
    });
    expect(orphans).toEqual([]);
  });
});
