// @ts-check
// The site's own configuration with the build caches moved under `.bench/`
// (BENCH_ASTRO_CACHE, BENCH_VITE_CACHE), so a benchmark build starts cold and
// never touches the caches of builds others run in the same checkout.
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env.BENCH_ASTRO_CACHE ? { cacheDir: process.env.BENCH_ASTRO_CACHE } : {}),
  vite: { ...config.vite, ...(process.env.BENCH_VITE_CACHE ? { cacheDir: process.env.BENCH_VITE_CACHE } : {}) },
};
