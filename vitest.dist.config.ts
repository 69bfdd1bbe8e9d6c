// The Node tier: file-level checks over the built site (RESET_OUT_DIR, default ./dist), no browser. `npm test`
// runs it after the build; `npm run test:dist` runs it on an existing build.
import { defineConfig } from 'vitest/config';

process.env.NO_COLOR ??= '1';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/dist/**/*.test.ts'],
    // The files only read the build: sharing one module graph per worker lets them share tests/dist/dist.ts's cache
    // of parsed pages (a chapter takes about half a second to parse) instead of parsing each page once per file.
    isolate: false,
    // Tests that start a server (wrangler, a static server) need more than the default 5 s on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
