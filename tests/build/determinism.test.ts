/**
 * Same input, same output: two builds of the same content (`astro build`,
 * then the Pagefind index), the first from a cold extraction cache and the
 * second from a warm one, give byte-identical dist/ (the search index is
 * built afresh both times). A third site, its search index taken from the
 * first build's cache instead of indexed (hard links into the cache, see
 * `placeShard` in scripts/pagefind.ts), is byte-identical too, and stays
 * so when that cache is deleted.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { digest } from './support/dist.ts';

const index = (out: string, cache: string) => spawnSync(process.execPath, ['scripts/pagefind.ts', out], { env: { ...process.env, TIMELINE_CACHE: cache }, encoding: 'utf8' });

it('builds byte-identical sites twice in a row, and once more from the search index cache', () => {
  const cache = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const indexCaches: string[] = [];
  const dists: string[] = [];
  const outputs = [0, 1].map(() => {
    const out = mkdtempSync(join(tmpdir(), 'timeline-dist-'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', out], { env: { ...process.env, TIMELINE_CACHE: cache }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // The open-data files made beside the pages are the cache's files, linked, not copied (src/integrations/open-data.ts).
    for (const file of ['events.json', 'timeline.json']) expect(statSync(join(out, file)).nlink).toBeGreaterThan(1);
    // As `npm run build`: the search index too, indexed afresh each time (its own cache), so Pagefind's output is held to itself.
    const indexCache = mkdtempSync(join(tmpdir(), 'timeline-index-cache-'));
    const indexed = index(out, indexCache);
    expect(indexed.stdout).toMatch(/: [1-9]\d* indexed, 0 from the cache, 0 in place\)/);
    expect(indexed.status, indexed.stderr).toBe(0);
    // Each shard in the site is what Pagefind wrote to the cache, every file of it.
    const { shards } = JSON.parse(readFileSync(join(out, 'pagefind', 'shards.json'), 'utf8')) as { shards: Array<{ key: string; hash: string }> };
    expect(shards.length).toBeGreaterThan(0);
    for (const { key, hash } of shards) {
      const [site, cached] = [join(out, 'pagefind', 'shards', key), join(indexCache, 'pagefind', `${key}-${hash}`)];
      expect([...digest(site).entries()]).toEqual([...digest(cached).entries()]);
      // The same files, not copies: both folders are in the temporary folder's file system.
      expect(statSync(join(site, 'pagefind-entry.json')).ino).toBe(statSync(join(cached, 'pagefind-entry.json')).ino);
    }
    indexCaches.push(indexCache);
    dists.push(out);
    return digest(out);
  });
  expect(outputs[0]!.size).toBeGreaterThan(100);
  expect([...outputs[1]!.entries()]).toEqual([...outputs[0]!.entries()]);

  // The same pages without their search index, indexed with the first build's index cache: every shard from it.
  const third = mkdtempSync(join(tmpdir(), 'timeline-dist-'));
  cpSync(dists[1]!, third, { recursive: true, filter: (path) => !path.startsWith(join(dists[1]!, 'pagefind')) });
  const reused = index(third, indexCaches[0]!);
  expect(reused.status, reused.stderr).toBe(0);
  expect(reused.stdout).toMatch(/: 0 indexed, [1-9]\d* from the cache, 0 in place\)/);
  expect([...digest(third).entries()]).toEqual([...outputs[0]!.entries()]);
  rmSync(indexCaches[0]!, { recursive: true, force: true });
  expect([...digest(third).entries()]).toEqual([...outputs[0]!.entries()]);
}, 240_000);
