// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

// The site's public address: one setting, used for canonical URLs, feeds and the sitemap.
const site = process.env.SITE_URL ?? 'https://timeline.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [sitemap(), pagefindIntegration()],
  security: { csp: true },
  devToolbar: { enabled: false },
});
