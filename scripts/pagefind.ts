/**
 * `node scripts/pagefind.ts [DIR]`: indexes the built site (default `dist/`)
 * with Pagefind, after `astro build` has exited (`npm run build` runs both).
 *
 * Run apart from Astro, Pagefind's memory no longer adds to Astro's: the
 * build's peak is the larger of the two instead of their sum. What is indexed
 * is decided by the layout: `data-pagefind-body` on event and article pages,
 * `data-pagefind-ignore` on repeated text and chrome. Every response's errors
 * are checked, and `close()` runs in `finally`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`pagefind: ${site} has no index.html; run \`astro build\` first`);
  process.exit(2);
}

const started = performance.now();
try {
  const { index, errors: createErrors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${createErrors.join(', ')}`);
  // Only event and article pages are indexed (the layout marks their <main> data-pagefind-body):
  // reading just those spares Pagefind the timeline, month and filter pages, a third of the HTML at scale.
  const added = await index.addDirectory({ path: site, glob: '{events,articles}/**/*.html' });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join(', ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join(', ')}`);
  console.log(`[pagefind] Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
