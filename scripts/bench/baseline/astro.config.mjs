// The benchmark's baseline: the same articles as plain Astro article pages,
// with no timeline extraction, built by Astro's own Markdown pipeline.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://baseline.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
