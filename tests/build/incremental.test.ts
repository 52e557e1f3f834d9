/**
 * Rebuilds reuse pages whose data did not change (Astro's incremental build,
 * keyed by `cacheKey`), and reusing never goes stale: adding an article and
 * rebuilding on a warm cache gives the same dist/ as a cold build of the same
 * content, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { digest } from './support/dist.ts';

function build(content: string, astroCache: string, extractionCache: string): { dist: Map<string, string>; reused: number; rendered: number } {
  const out = mkdtempSync(join(tmpdir(), 'timeline-dist-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    env: { ...process.env, TIMELINE_CONTENT: content, TIMELINE_CACHE: extractionCache, ASTRO_CACHE_DIR: astroCache, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  return {
    dist: digest(out),
    reused: lines.filter((l) => /\((?:cached|restored)\)/.test(l)).length,
    rendered: lines.filter((l) => /[├└]─ \S+ \(\+\d+ms\)/.test(l)).length,
  };
}

it('adding an article re-renders only what it touches, and the result equals a cold build', () => {
  const content = mkdtempSync(join(tmpdir(), 'timeline-content-'));
  cpSync('content', content, { recursive: true });
  const warm = mkdtempSync(join(tmpdir(), 'astro-cache-'));
  const extraction = mkdtempSync(join(tmpdir(), 'timeline-cache-'));

  const first = build(content, warm, extraction);
  expect(first.reused).toBe(0);

  cpSync('tests/fixtures/sixth', join(content, 'articles'), { recursive: true });
  const rebuilt = build(content, warm, extraction);
  const cold = build(content, mkdtempSync(join(tmpdir(), 'astro-cache-')), mkdtempSync(join(tmpdir(), 'timeline-cache-')));

  // Most event and article pages are untouched by one more article.
  expect(rebuilt.reused).toBeGreaterThan(rebuilt.rendered);
  expect(cold.reused).toBe(0);
  expect([...rebuilt.dist.entries()]).toEqual([...cold.dist.entries()]);
}, 360_000);
