// The benchmark's baseline: the same articles as plain Astro article pages,
// with no timeline extraction, built by Astro's own Markdown pipeline.
// BENCH_ASTRO_CACHE and BENCH_VITE_CACHE move its build caches (the benchmark
// keeps them under `.bench/` and empties them for a cold build).
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://baseline.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  ...(process.env.BENCH_ASTRO_CACHE ? { cacheDir: process.env.BENCH_ASTRO_CACHE } : {}),
  ...(process.env.BENCH_VITE_CACHE ? { vite: { cacheDir: process.env.BENCH_VITE_CACHE } } : {}),
});
