/**
 * A worker thread of `warmArticleCache` (parallel.ts): analyses the batches
 * of article files it is sent and writes each one's work to the disk cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseFile } from './build.ts';
import { DiskCache } from './cache.ts';

const cache = new DiskCache((workerData as { cacheRoot: string }).cacheRoot);
parentPort!.on('message', (files: string[]) => {
  for (const file of files) analyseFile(file, cache);
  parentPort!.postMessage(files.length);
});
