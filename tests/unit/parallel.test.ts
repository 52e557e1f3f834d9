/**
 * Articles the disk cache lacks are analysed in worker threads: every core
 * for many, one worker for a few beside many already analysed (a rebuild),
 * while this thread reads the others' work from the cache.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusMaker, generateCorpus } from '../../scripts/bench/corpus.ts';
import { buildSite } from '../../src/pipeline/build.ts';
import { DiskCache } from '../../src/pipeline/cache.ts';
import { inputsOf } from '../../src/pipeline/inputs.ts';
import { MIN_PARALLEL, warmArticleCache } from '../../src/pipeline/parallel.ts';

describe('analysing articles in worker threads', () => {
  it('analyses a few new articles in one worker and hands this thread the others from memory', async () => {
    const out = mkdtempSync(join(tmpdir(), 'parallel-'));
    generateCorpus({ articles: MIN_PARALLEL, from: ['content/articles'], out });
    const root = mkdtempSync(join(tmpdir(), 'parallel-cache-'));
    // Every article missing: all workers.
    expect(await warmArticleCache(inputsOf(out).articles, new DiskCache(root), 2)).toBe(MIN_PARALLEL);
    expect(await warmArticleCache(inputsOf(out).articles, new DiskCache(root), 2)).toBe(0);
    // One more article: one worker, the others preloaded.
    const added = new CorpusMaker(['content/articles'], MIN_PARALLEL).article(MIN_PARALLEL);
    writeFileSync(join(out, 'articles', added.name), added.text);
    const cache = new DiskCache(root);
    expect(await warmArticleCache(inputsOf(out).articles, cache, 2)).toBe(1);
    // What was preloaded is in memory: gone from the disk, it is still handed out, once.
    rmSync(join(cache.dir, 'article'), { recursive: true });
    const build = buildSite(out, { cache });
    expect(build.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(build.articles).toHaveLength(MIN_PARALLEL + 1);
    // The worker's article was read from the disk, not preloaded: gone with the folder, it is analysed again.
    expect(cache.misses).toBe(1);
    // The others' analyses from memory, and their bodies' HTML from the disk (no build wrote their bodies yet).
    expect(cache.hits).toBe(2 * MIN_PARALLEL);
  }, 120_000);
});
