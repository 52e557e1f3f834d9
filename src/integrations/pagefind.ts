import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind after `astro build` (the Starlight
 * way: its Node API from `astro:build:done`, every response's errors checked,
 * `close()` in `finally`). What is indexed is decided by the layout:
 * `data-pagefind-body` on content, `data-pagefind-ignore` on chrome.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'timeline-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outputPath = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${createErrors.join(', ')}`);
          const added = await index.addDirectory({ path: outputPath });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outputPath}: ${added.errors.join(', ')}`);
          const written = await index.writeFiles({ outputPath: `${outputPath}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join(', ')}`);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
