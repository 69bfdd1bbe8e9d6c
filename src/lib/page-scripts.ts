/**
 * One script file per page. Astro writes a `<script type="module" src="/_astro/…">` for each component that has a
 * script (the chart runtime, each chart's extension, the scroll sequences, paragraph links, search…), so a chapter
 * asked for eight files before it could run any. On a phone's connection each is a request in the page's critical
 * path; the build step (src/integrations/page-scripts.ts) bundles a page's scripts into one file, in their document
 * order, and this module holds the decisions it makes.
 */

/** The module scripts Astro writes, exactly as it writes them. */
const MODULE_SCRIPT = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/g;

/** The `src` of every module script a page loads from the build's asset folder, in document order. */
export function moduleScripts(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
}

/**
 * The page with its module scripts replaced by one, at the place of the first: module scripts run after the document
 * is parsed and in document order, and the bundle keeps that order, so where they stood in the page does not matter.
 */
export function withOneModuleScript(html: string, src: string): string {
  let first = true;
  return html.replace(MODULE_SCRIPT, () => {
    if (!first) return '';
    first = false;
    return `<script type="module" src="${src}"></script>`;
  });
}

/** A built chunk's imports, by file name within the asset folder. */
export interface ChunkImports {
  static: string[];
  dynamic: string[];
}

/**
 * The chunks that must stay files of their own when `entries` are bundled together: each chunk a page may load later
 * (a lazy `import()`, e.g. the search or the citation panel) and everything that chunk imports statically. Were one
 * of those also copied into the bundle, the page would hold two instances of it, each with its own state.
 */
export function separateChunks(entries: string[], graph: ReadonlyMap<string, ChunkImports>): Set<string> {
  const reached = new Set<string>();
  const lazyRoots = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    const imports = graph.get(file);
    if (!imports) return;
    imports.static.forEach(visit);
    for (const lazy of imports.dynamic) {
      lazyRoots.add(lazy);
      visit(lazy);
    }
  };
  entries.forEach(visit);
  const separate = new Set<string>();
  const keep = (file: string) => {
    if (separate.has(file)) return;
    separate.add(file);
    graph.get(file)?.static.forEach(keep);
  };
  lazyRoots.forEach(keep);
  return separate;
}
