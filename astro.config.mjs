// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { keepOutput } from './src/integrations/keep-output.ts';
import { openData } from './src/integrations/open-data.ts';

// The site's public address: one setting, used for canonical URLs, feeds and the sitemap.
const site = process.env.SITE_URL ?? 'https://timeline.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One stylesheet file, cached once for every page: inlined, it would weigh on each of thousands of pages.
    inlineStylesheets: 'never',
    // Eight pages rendered at once: while one page's file is written (or its article's body read),
    // another renders. One at a time, a fifth of the render went waiting on the disk (see the README).
    concurrency: 8,
  },
  // Search: `npm run build` runs Pagefind (scripts/pagefind.ts) after Astro has exited, so the two never hold memory at once.
  integrations: [
    // The search page only explains search and lists filters: not worth a search engine's visit.
    sitemap({ filter: (page) => !page.endsWith('/search/') }),
    // /events.json and /timeline.json: made beside the pages, written when they are done.
    openData(),
    // Last: it records the output folder once every other integration has written to it.
    keepOutput(),
  ],
  // Strict CSP in a <meta> on every page: scripts and styles only from this
  // origin or by hash (Astro adds the hashes), nothing inline, nothing off-site.
  // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows
  // exactly that and no JavaScript eval.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Articles are rendered by the pipeline, not Astro's Markdown; no Shiki (its inline styles would break the CSP).
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // Rebuilds keep the previous output of every page whose `cacheKey` (a hash of
  // what it renders from, see src/components/lib/page-key.ts) is unchanged:
  // in place, when the output folder is the last build's (keepOutput), else
  // copied from Astro's cache.
  experimental: { incrementalBuild: true },
  // Astro's build caches, incremental pages included (tests and benchmarks move them).
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
