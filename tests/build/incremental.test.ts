/**
 * Rebuilds reuse pages whose data did not change (Astro's incremental build,
 * keyed by `cacheKey`), and reusing never goes stale: adding an article and
 * rebuilding on a warm cache gives the same dist/ as a cold build of the same
 * content, byte for byte. The output folder is kept between builds
 * (src/integrations/keep-output.ts): pages no longer built leave it, and a
 * folder that is not the last build's output is emptied before it is used.
 * Built as an archive, so that month and filter-by-month pages are held to it too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { digest } from './support/dist.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

// As an archive (month pages, filter pages by month): the layout thousands of articles get, with every page that has a cacheKey.
const envOf = (content: string, astroCache: string, extractionCache: string) => ({
  ...process.env,
  TIMELINE_CONTENT: content,
  TIMELINE_CACHE: extractionCache,
  ASTRO_CACHE_DIR: astroCache,
  TIMELINE_WHOLE_LIMIT: '20',
  NO_COLOR: '1',
});

function build(content: string, astroCache: string, extractionCache: string, out = temp('timeline-dist-')) {
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], { env: envOf(content, astroCache, extractionCache), encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  return {
    dist: [...digest(out).entries()],
    /** Kept in place. */
    cached: lines.filter((l) => /\(cached\)/.test(l)).length,
    /** Copied back from Astro's cache. */
    restored: lines.filter((l) => /\(restored\)/.test(l)).length,
    /** Rendered: Astro gives each its time once done. Eight pages are rendered at once, so a time may land on another page's line. */
    rendered: result.stdout.match(/\(\+\d+ms\)/g)?.length ?? 0,
    emptied: lines.some((l) => /is not the last build's output: emptied/.test(l)),
    removed: Number(/removed (\d+) file/.exec(result.stdout)?.[1] ?? 0),
  };
}

it('adding an article re-renders only what it touches, in place, and the result equals a cold build', () => {
  const content = temp('timeline-content-');
  cpSync('content', content, { recursive: true });
  const sixth = readdirSync('tests/fixtures/sixth')[0]!;
  const addSixth = () => cpSync(join('tests/fixtures/sixth', sixth), join(content, 'articles', sixth));
  const removeSixth = () => rmSync(join(content, 'articles', sixth));
  const warm = temp('astro-cache-');
  const extraction = temp('timeline-cache-');
  const out = temp('timeline-dist-');

  const first = build(content, warm, extraction, out);
  expect(first.cached + first.restored).toBe(0);

  addSixth();
  const rebuilt = build(content, warm, extraction, out);
  const cold = build(content, temp('astro-cache-'), temp('timeline-cache-'));
  // Most event and article pages are untouched by one more article, and stay where they are.
  expect(rebuilt.emptied).toBe(false);
  expect(rebuilt.cached).toBeGreaterThan(rebuilt.rendered);
  // Its own page, the events it joins, their months and filters.
  expect(rebuilt.rendered).toBeGreaterThan(5);
  expect(rebuilt.restored).toBe(0);
  expect(cold.cached + cold.restored).toBe(0);
  expect(rebuilt.dist).toEqual(cold.dist);

  // Taking the article out again: its page and the events only it made leave the folder.
  removeSixth();
  const removed = build(content, warm, extraction, out);
  expect(removed.removed).toBeGreaterThan(0);
  expect(removed.dist).toEqual(first.dist);

  // `npm run build` with an article in error: the pipeline stops Astro, which was bundling beside it
  // and may have rewritten its bundle and public/ and added files (done here by hand, to be sure of
  // them: how far Astro gets depends on the machine). The next build still trusts the folder, and
  // what the stopped build added leaves it.
  const bad = join(content, 'articles', 'bad-date.md');
  cpSync('tests/fixtures/bad/bad-date.md', bad);
  const failed = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', out], { env: envOf(content, warm, extraction), encoding: 'utf8' });
  expect(failed.status, failed.stdout + failed.stderr).toBe(1);
  expect(failed.stderr).toContain('bad-date.md:4:12: Invalid `published`');
  rmSync(bad);
  mkdirSync(join(out, '.prerender'), { recursive: true });
  writeFileSync(join(out, '.prerender', 'entry.mjs'), 'export {};');
  writeFileSync(join(out, '_astro', 'stopped.js'), 'export {};');
  const asset = readdirSync(join(out, '_astro')).find((f) => f.endsWith('.css'))!;
  const later = new Date(Date.now() + 5000);
  utimesSync(join(out, '_astro', asset), later, later);
  utimesSync(join(out, 'favicon.svg'), later, later);
  const fixed = build(content, warm, extraction, out);
  expect(fixed.emptied).toBe(false);
  expect(fixed.cached).toBeGreaterThan(fixed.rendered);
  expect(fixed.dist).toEqual(first.dist);

  // Another output folder built with the same cache since: this one is no longer what the cache
  // describes, so it is emptied and its pages come from Astro's cache, not from the folder.
  addSixth();
  build(content, warm, extraction);
  const elsewhere = build(content, warm, extraction, out);
  expect(elsewhere.emptied).toBe(true);
  expect(elsewhere.restored).toBeGreaterThan(0);
  expect(elsewhere.dist).toEqual(cold.dist);
  rmSync(out, { recursive: true, force: true });
}, 480_000);
