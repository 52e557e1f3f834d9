/**
 * Same input, same output: two builds of the same content (`astro build`,
 * then the Pagefind index), the first from a cold extraction cache and the
 * second from a warm one, give byte-identical dist/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

function digest(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha1').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

it('builds byte-identical sites twice in a row', () => {
  const cache = mkdtempSync(join(tmpdir(), 'timeline-cache-'));
  const outputs = [0, 1].map(() => {
    const out = mkdtempSync(join(tmpdir(), 'timeline-dist-'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', out], { env: { ...process.env, TIMELINE_CACHE: cache }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // As `npm run build`: the search index too.
    const indexed = spawnSync(process.execPath, ['scripts/pagefind.ts', out], { encoding: 'utf8' });
    expect(indexed.status, indexed.stderr).toBe(0);
    return digest(out);
  });
  expect(outputs[0]!.size).toBeGreaterThan(100);
  expect([...outputs[1]!.entries()]).toEqual([...outputs[0]!.entries()]);
}, 240_000);
