/**
 * Same input, same output: two builds of the same content (`astro build`,
 * then the Pagefind index), the first from a cold extraction cache and the
 * second from a warm one, give byte-identical dist/ (the search index is
 * built afresh both times; shards copied from the cache are copies).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { digest } from './support/dist.ts';

it('builds byte-identical sites twice in a row', () => {
  const cache = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const outputs = [0, 1].map(() => {
    const out = mkdtempSync(join(tmpdir(), 'timeline-dist-'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', out], { env: { ...process.env, TIMELINE_CACHE: cache }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // As `npm run build`: the search index too, indexed afresh each time (its own cache), so Pagefind's output is held to itself.
    const indexCache = mkdtempSync(join(tmpdir(), 'timeline-index-cache-'));
    const indexed = spawnSync(process.execPath, ['scripts/pagefind.ts', out], { env: { ...process.env, TIMELINE_CACHE: indexCache }, encoding: 'utf8' });
    expect(indexed.stdout).toMatch(/0 from the cache/);
    expect(indexed.status, indexed.stderr).toBe(0);
    return digest(out);
  });
  expect(outputs[0]!.size).toBeGreaterThan(100);
  expect([...outputs[1]!.entries()]).toEqual([...outputs[0]!.entries()]);
}, 240_000);
