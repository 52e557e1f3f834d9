/**
 * The search step gives Pagefind staged copies of the pages (in `/dev/shm`
 * where it has room, see `stageRoot` in scripts/pagefind.ts), a glob at a
 * time, instead of the site's pages: the index must hold the same pages,
 * with the same fragments (each named by a hash of its content) in the
 * same shards. (Its word index and filters number the pages in the order
 * Pagefind read them, so their files differ.) Run on `npm run build`'s dist/, in globs of
 * 7 pages so that several globs' copies come and go.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { digest } from './support/dist.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** dist/'s pages without their search index, indexed with an empty cache and the given settings. */
function indexed(env: Record<string, string>) {
  const out = temp('timeline-stage-dist-');
  cpSync('dist', out, { recursive: true, filter: (path) => !path.startsWith(join('dist', 'pagefind')) });
  const run = spawnSync(process.execPath, ['scripts/pagefind.ts', out], {
    env: { ...process.env, TIMELINE_CACHE: temp('timeline-stage-cache-'), TIMELINE_PAGEFIND_GLOB: '7', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const list = JSON.parse(readFileSync(join(out, 'pagefind', 'shards.json'), 'utf8')) as { shards: Array<{ key: string; pages: number }> };
  const shards = list.shards.map(({ key, pages }) => {
    const dir = join(out, 'pagefind', 'shards', key);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { key, pages, counted: Object.values(entry.languages).map((l) => l.page_count), fragments: readdirSync(join(dir, 'fragment')).sort() };
  });
  return { stdout: run.stdout, shards };
}

it('indexes staged copies of the pages into the index the site’s own pages make', () => {
  const site = indexed({ TIMELINE_PAGEFIND_STAGE: 'off' });
  const staged = indexed({});
  expect(site.stdout).toContain("the site's pages read");
  // On a system with a memory folder it may write (CI's Linux) the copies are staged there; elsewhere the site's pages are read.
  expect(staged.stdout).toContain(writable('/dev/shm') ? 'pages staged in /dev/shm' : "the site's pages read");
  // A shard of several globs of 7 pages: copies written while Pagefind reads the glob before.
  expect(Math.max(...staged.shards.map((s) => s.pages))).toBeGreaterThan(21);
  expect(staged.shards).toEqual(site.shards);
}, 120_000);

it('indexes a shard again around its unchanged fragments, and leaves what indexing afresh writes', () => {
  const out = temp('timeline-stage-dist-');
  cpSync('dist', out, { recursive: true, filter: (path) => !path.startsWith(join('dist', 'pagefind')) });
  const cache = temp('timeline-stage-cache-');
  const index = (cacheDir: string) => {
    const run = spawnSync(process.execPath, ['scripts/pagefind.ts', out], { env: { ...process.env, TIMELINE_CACHE: cacheDir }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  expect(index(cache)).toContain('; 0 unchanged fragments linked');
  type List = { shards: Array<{ key: string; pages: number; hash: string }> };
  const listOf = () => (JSON.parse(readFileSync(join(out, 'pagefind', 'shards.json'), 'utf8')) as List).shards;
  const before = listOf();
  // One article's text changes (a sentence Pagefind reads): its shard is indexed again, the other pages' fragments linked.
  const article = readdirSync(join(out, 'articles')).sort()[0]!;
  const page = join(out, 'articles', article, 'index.html');
  const html = readFileSync(page, 'utf8');
  const body = html.indexOf('data-pagefind-body');
  const paragraph = html.indexOf('<p', body);
  expect(body).toBeGreaterThan(0);
  const start = html.indexOf('>', paragraph) + 1;
  const changed = `${html.slice(0, start)}Corrected: ${html.slice(start)}`;
  expect(changed).not.toBe(html);
  writeFileSync(page, changed);
  const again = index(cache);
  const linked = Number(/; (\d+) unchanged fragments linked/.exec(again)?.[1]);
  expect(again).toMatch(/: 1 indexed, /);
  // Every fragment of the shard indexed again but the changed article's came from its last index.
  const changedShards = listOf().filter((shard) => before.find((b) => b.key === shard.key)?.hash !== shard.hash);
  expect(changedShards).toHaveLength(1);
  expect(changedShards[0]!.pages).toBeGreaterThan(5);
  expect(linked).toBe(changedShards[0]!.pages - 1);
  const pagefindOf = (dir: string) => [...digest(join(dir, 'pagefind')).entries()];
  const seeded = pagefindOf(out);
  // The same pages indexed with an empty cache: every file the same.
  rmSync(join(out, 'pagefind'), { recursive: true, force: true });
  expect(index(temp('timeline-stage-cache-'))).toContain('; 0 unchanged fragments linked');
  expect(seeded).toEqual(pagefindOf(out));
}, 120_000);
