// The "naive way", for `npm run bench` only: every island hydrated `client:load` and the whole `d3` bundle shipped
// with each widget. It is a Vite plugin used by scripts/naive.config.mjs (RESET_NAIVE=1); the real build never loads
// this file, and nothing in src/ imports `d3`.
//
//   1. `.astro` and `.mdx` sources under src/ and content/: `client:visible` / `client:idle` become `client:load`
//      (done in `load`, before Astro's compiler sees the file; Astro's own load hook only answers `?astro` sub-ids).
//   2. Each widget's island (src/widgets/<Folder>/<Folder>Live.svelte, or shared/LiveChart.svelte for a chart
//      without an island of its own), after Svelte compiled it, gets `import 'virtual:reset-naive-d3'`, a module that imports
//      `* as d3 from 'd3'` and keeps the namespace alive, so the bundler cannot tree-shake any of it.
import { readFile } from 'node:fs/promises';

const VIRTUAL = 'virtual:reset-naive-d3';
const RESOLVED = `\0${VIRTUAL}`;
const DIRECTIVE = /\bclient:(?:visible|idle)(?:=\{[^}]*\})?/g;
const SOURCE = /\/(?:src|content)\/.*\.(?:astro|mdx)$/;
const WIDGET = /\/src\/widgets\/(?:([^/]+)\/\1Live|shared\/LiveChart)\.svelte$/;

export default function naivePlugin() {
  const stats = { rewritten: new Set(), injected: new Set() };
  return [
    {
      name: 'the-reset:naive-hydration',
      enforce: 'pre',
      async load(id) {
        const file = id.split('?')[0];
        if (id.includes('?') || !SOURCE.test(file)) return null;
        const code = await readFile(file, 'utf8');
        if (!DIRECTIVE.test(code)) return null;
        DIRECTIVE.lastIndex = 0;
        stats.rewritten.add(file);
        return code.replace(DIRECTIVE, 'client:load');
      },
    },
    {
      name: 'the-reset:naive-d3',
      enforce: 'post',
      resolveId(id) {
        return id === VIRTUAL ? RESOLVED : null;
      },
      load(id) {
        if (id !== RESOLVED) return null;
        return "import * as d3 from 'd3';\nglobalThis.__resetNaiveD3 = d3;\nexport default d3;\n";
      },
      transform(code, id) {
        if (id.includes('?') || !WIDGET.test(id)) return null;
        stats.injected.add(id);
        return { code: `import '${VIRTUAL}';\n${code}`, map: null };
      },
      buildEnd() {
        const env = this.environment?.name ?? 'build';
        console.log(`[naive] ${env}: client:load in ${stats.rewritten.size} source file(s), full d3 in ${stats.injected.size} widget(s)`);
      },
    },
  ];
}
