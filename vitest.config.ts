/// <reference types="vitest/config" />
// Unit and component tests (vitest + @testing-library/svelte in jsdom). getViteConfig gives the tests the same Vite
// setup as the site (Astro's aliases, the Svelte plugin from astro.config.mjs); svelteTesting() makes Svelte resolve
// its browser build and cleans the DOM after each test. Tests that need Node (e.g. the Astro container API) start
// with `// @vitest-environment node`. Playwright specs (tests/browser) are NOT picked up.
import { getViteConfig } from 'astro/config';
import { svelteTesting } from '@testing-library/svelte/vite';

process.env.NO_COLOR ??= '1';

export default getViteConfig({
  plugins: [svelteTesting()],
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
  },
});
