// The "naive way", for `npm run bench` only: charts as a page would ship them without the site's care. The one script
// every chart page loads (the chart runtime, src/widgets/shared/runtime.ts) imports the whole `d3` bundle and keeps
// the namespace alive, so the bundler cannot tree-shake any of it, and wakes every chart as the page loads instead of
// as it nears the viewport. It is a Vite plugin used by scripts/naive.config.mjs (RESET_NAIVE=1); the real build
// never loads this file, and nothing in src/ imports `d3`.
const VIRTUAL = 'virtual:reset-naive-d3';
const RESOLVED = `\0${VIRTUAL}`;
const RUNTIME = /\/src\/widgets\/shared\/runtime\.ts$/;
/** How the runtime decides to wait for the viewport: without it, every chart wakes at once. */
const WAITS_FOR_VIEWPORT = "typeof IntersectionObserver === 'function'";

export default function naivePlugin() {
  let injected = 0;
  return {
    name: 'the-reset:naive-d3',
    // Before TypeScript is stripped: the source as written.
    enforce: 'pre',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return "import * as d3 from 'd3';\nglobalThis.__resetNaiveD3 = d3;\nexport default d3;\n";
    },
    transform(code, id) {
      if (id.includes('?') || !RUNTIME.test(id)) return null;
      // A runtime that no longer reads this way would make the naive variant the site itself: stop instead.
      if (!code.includes(WAITS_FOR_VIEWPORT)) this.error(`${id} no longer contains ${WAITS_FOR_VIEWPORT}: update scripts/naive-plugin.mjs`);
      injected++;
      return { code: `import '${VIRTUAL}';\n${code.replace(WAITS_FOR_VIEWPORT, 'false')}`, map: null };
    },
    buildEnd() {
      const env = this.environment?.name ?? 'build';
      if (env === 'client' && injected === 0) this.error('the chart runtime (src/widgets/shared/runtime.ts) was never bundled: the naive variant would be the site itself');
      console.log(`[naive] ${env}: full d3 and every chart woken on load in ${injected} runtime module(s)`);
    },
  };
}
