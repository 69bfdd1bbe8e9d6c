/// <reference types="vitest/config" />
// Unit and component tests (vitest + @testing-library/svelte in jsdom). getViteConfig gives the tests the same Vite
// setup as the site (Astro's aliases, the Svelte plugin from astro.config.mjs); svelteTesting() makes Svelte resolve
// its browser build and cleans the DOM after each test. Tests that need Node (e.g. the Astro container API) start
// with `// @vitest-environment node`. Playwright specs (tests/browser) are NOT picked up.
import { getViteConfig } from 'astro/config';
import { svelteTesting } from '@testing-library/svelte/vite';

process.env.NO_COLOR ??= '1';

/** Files that stub or spy on globals (window.postMessage): run each in a world of its own. */
const ISOLATED = ['tests/unit/embed-child.test.ts'];

export default getViteConfig({
  plugins: [svelteTesting()],
  test: {
    environment: 'jsdom',
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
    // Isolation (a fresh module graph and environment per file) cost two thirds of this stage's minute; the files
    // share no mutable state, so each group shares one graph per worker. The groups stay apart where sharing would
    // leak: the widget renders swap `svelte` for its server build (vi.mock), and a file that spies on a global keeps
    // its own world. (Checked with `vitest run --sequence.shuffle`.)
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**', 'dist/**', 'tests/unit/widgets/**', ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'widgets', include: ['tests/unit/widgets/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
