import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, SiteData } from './build.ts';
import { cacheFor, hashOf, touch } from './cache.ts';
import { displayPath, inputHash, inputsOf, saveInputHashes, statKey } from './inputs.ts';
import { articlesFileOf, bodyFilesOf, readSiteFile, writeSiteFile, type SiteDataSource } from './site-file.ts';

export type { SiteData, StorySummary } from './build.ts';
export type { SiteDataSource } from './site-file.ts';

let memo: { key: string; source: SiteDataSource } | undefined;

function inMemory(data: SiteData): SiteDataSource {
  return {
    story: data.story,
    problems: data.problems,
    async *events() {
      yield* data.events;
    },
    async *articles() {
      yield* data.articles;
    },
  };
}

/**
 * The site's data for `content/`: from the disk cache when a build of the
 * same inputs (the files' bytes, and the pipeline's code) wrote it, else
 * built (the pipeline is loaded only then) and written there. `npm run
 * build` runs this first in a process of its own (`scripts/pipeline.ts`),
 * so Astro's process reads the result and never holds the
 * pipeline's working data: each step's memory is its own.
 *
 * Data without errors is always in a file (`file`; in the temporary folder
 * when there is no cache), which the site's pages read. Content with errors
 * is never written, so its problems are reported every time.
 */
export async function openSiteData(contentDir: string, options: BuildOptions & { parallel?: boolean } = {}): Promise<SiteDataSource> {
  const inputs = inputsOf(contentDir);
  const cache = cacheFor(options.cache);
  const key = `${cache?.dir ?? '-'}|${statKey(inputs.all)}`;
  if (memo?.key === key) return memo.source;
  const contentKey = hashOf(...inputs.all.flatMap((f) => [displayPath(f), existsSync(f) ? inputHash(f, cache?.inputs) : '-']));
  if (cache) saveInputHashes(cache.inputs);
  const cached = cache ? join(cache.dir, 'site', `${contentKey}.ndjson`) : undefined;
  let source = cached ? readSiteFile(cached) : undefined;
  if (source && cached) {
    for (const file of [cached, articlesFileOf(cached)]) touch(file);
    // The bodies it names are in use too: pruneCache must not take them from under it.
    for (const file of bodyFilesOf(articlesFileOf(cached))) touch(file);
  }
  if (!source) {
    // Articles the cache lacks are analysed on every core first (in a process of our own: not inside Astro's).
    if (options.parallel && cache) await (await import('./parallel.ts')).warmArticleCache(inputs.articles, cache);
    const { buildSite, siteDataOf } = await import('./build.ts');
    // The same cache: what warmArticleCache preloaded is read from it.
    const data = siteDataOf(buildSite(contentDir, { ...options, cache: cache ?? false }));
    if (!data.problems.some((p) => p.severity === 'error')) {
      // A cache that cannot be written only costs time: the temporary folder holds the file then.
      for (const file of [cached, join(tmpdir(), 'news-timeline', 'site', `${contentKey}.ndjson`)]) {
        if (!file) continue;
        try {
          writeSiteFile(file, data);
          source = readSiteFile(file);
          break;
        } catch {
          // The next place, or none.
        }
      }
    }
    source ??= inMemory(data);
  }
  memo = { key, source };
  return source;
}
