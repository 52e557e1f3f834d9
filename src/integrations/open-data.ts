import type { AstroIntegration } from 'astro';
import { copyFileSync, linkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportFiles, exportTexts } from '../pipeline/export-files.ts';
import { siteOrigin } from '../pipeline/exports.ts';
import { CONTENT_DIR } from '../loaders/content-dir.ts';
import { buildSiteData } from '../loaders/handoff.ts';

/**
 * A made file put in the site: hard-linked where the file system allows
 * (copying the two files, 63 MB at 5,000 articles, took 0.2 s at the end
 * of a rebuild, in a CPU profile of it), else copied; either way with a
 * new file time. Nothing writes into the shared file: the cache's are
 * written aside and moved into place (`writeWhole`), and the next build
 * unlinks the site's before it links or writes one.
 */
function place(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
    const now = new Date();
    utimesSync(to, now, now);
  } catch {
    // A link made before the time could not be set goes first: copying onto it would write into the cache's file.
    rmSync(to, { force: true });
    copyFileSync(from, to);
  }
}

/**
 * The open-data files, `/events.json` (every event with its sources, the
 * contract in the README) and `/timeline.json` (TimelineJS3's format):
 * tens of megabytes at thousands of articles. A build does not render them
 * as pages: they are made in a worker thread while the pages render (started
 * with the site data, see src/pipeline/export-files.ts), and written into
 * the output when the pages are done, before keep-output records the
 * folder. In `astro dev` they are routes (open-data-route.ts).
 */
export function openData(): AstroIntegration {
  let site = '';
  return {
    name: 'open-data',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/[data].json', entrypoint: new URL('./open-data-route.ts', import.meta.url) });
      },
      'astro:config:done': ({ config }) => {
        site = siteOrigin(config.site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The site data the loader read: the pipeline's result when it ran beside Astro, else found again.
        const source = await buildSiteData(CONTENT_DIR);
        const files = source.file ? await exportFiles(source.file, site) : undefined;
        const texts = files ? undefined : await exportTexts(source, site);
        for (const kind of ['events', 'timeline'] as const) {
          // Written afresh every build (a new file time): keep-output deletes what a build left untouched.
          if (files) place(files[kind], join(out, `${kind}.json`));
          else writeFileSync(join(out, `${kind}.json`), texts![kind]);
        }
        logger.info(`events.json and timeline.json written${files ? ' (made beside the pages)' : ''}`);
      },
    },
  };
}
