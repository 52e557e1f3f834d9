/**
 * The archive layout (home page with key events and the latest days, month
 * pages, filter pages by month, articles by month) is what a newsroom's
 * thousands of articles get.
 * Here the seed story is built as an archive by lowering the whole-timeline
 * limit, and the browser tests of `tests/e2e/months.test.ts` run against it,
 * so none of them is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('builds the seed story as an archive and its month, home and filter pages pass the browser tests', () => {
  const out = mkdtempSync(join(tmpdir(), 'timeline-archive-'));
  const env = {
    ...process.env,
    TIMELINE_WHOLE_LIMIT: '20',
    TIMELINE_DIST: out,
    ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'astro-cache-')),
    TIMELINE_CACHE: mkdtempSync(join(tmpdir(), 'timeline-cache-')),
  };
  const built = spawnSync('npx', ['astro', 'build', '--outDir', out], { env, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const indexed = spawnSync('node', ['scripts/pagefind.ts', out], { env, encoding: 'utf8' });
  expect(indexed.status, indexed.stderr).toBe(0);
  const e2e = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/months.test.ts', '--reporter', 'verbose'], { env, encoding: 'utf8' });
  const output = e2e.stdout + e2e.stderr;
  expect(e2e.status, output).toBe(0);
  expect(output).toMatch(/of an archive shows the key events/);
  expect(output).toMatch(/of an archive lists the latest articles/);
}, 300_000);
