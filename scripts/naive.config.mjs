// The naive variant of the site, for the side-by-side in `npm run bench`: the project's own astro.config.mjs plus
// scripts/naive-plugin.mjs (the whole `d3` bundle in the chart runtime, every chart woken on load). Build it with
//   RESET_NAIVE=1 RESET_OUT_DIR=/tmp/naive-dist astro build --config scripts/naive.config.mjs
// The real build never reads this file.
import base from '../astro.config.mjs';
import naivePlugin from './naive-plugin.mjs';

if (process.env.RESET_NAIVE !== '1') {
  throw new Error('scripts/naive.config.mjs builds the naive bench variant only: set RESET_NAIVE=1');
}

export default {
  ...base,
  vite: { ...(base.vite ?? {}), plugins: [...(base.vite?.plugins ?? []), naivePlugin()] },
};
