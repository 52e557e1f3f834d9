import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { articleKey } from './build.ts';
import type { DiskCache } from './cache.ts';
import { displayPath, inputHash } from './inputs.ts';

/** Fewer articles to analyse than this are not worth starting workers for. */
export const MIN_PARALLEL = 64;
/** Files a worker is sent at a time: few enough that the workers finish together. */
const BATCH = 16;

/**
 * Analyses, in worker threads, the articles the disk cache does not hold
 * yet, and writes their work to it; `buildSite` then reads every article from
 * the cache. Each article's analysis depends on its text alone, so they split
 * across the machine's cores; what depends on all of them (merging, the
 * timeline) stays in one process. A few new articles beside many analysed
 * ones (a rebuild) get one worker, and this thread reads the others' work
 * meanwhile (`DiskCache.preload`): it then never loads the parser's and the
 * tagger's libraries itself. Resolves with how many it analysed; a worker
 * that fails only leaves its articles to `buildSite`.
 */
export async function warmArticleCache(files: string[], cache: DiskCache, workers = Math.min(availableParallelism(), 4)): Promise<number> {
  const keys = files.map((file) => articleKey(displayPath(file), inputHash(file, cache.inputs)));
  const cached = keys.map((key) => cache.has('article', key));
  const missing = files.filter((_, i) => !cached[i]);
  const few = missing.length < MIN_PARALLEL;
  if (missing.length === 0 || workers < 2 || (few && files.length - missing.length < MIN_PARALLEL)) return 0;
  const done = analyse(missing, cache, few ? 1 : workers);
  if (few) cache.preload('article', keys.filter((_, i) => cached[i]));
  return done;
}

function analyse(missing: string[], cache: DiskCache, workers: number): Promise<number> {
  let next = 0;
  let done = 0;
  const batches = () => {
    const batch = missing.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  return Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(new URL('./analyse-worker.ts', import.meta.url), { workerData: { cacheRoot: cache.root } });
      return new Promise<void>((resolve) => {
        const finish = () => {
          void worker.terminate();
          resolve();
        };
        worker.on('message', (count: number) => {
          done += count;
          const batch = batches();
          if (batch.length > 0) worker.postMessage(batch);
          else finish();
        });
        worker.on('error', finish);
        worker.on('exit', () => resolve());
        const first = batches();
        if (first.length > 0) worker.postMessage(first);
        else finish();
      });
    }),
  ).then(() => done);
}
