/**
 * `node scripts/pagefind.ts [DIR]`: the site's search index, after
 * `astro build` has exited (`npm run build` runs both), in shards.
 *
 * - What is indexed is decided by the layout: `data-pagefind-body` on event
 *   and article pages, `data-pagefind-ignore` on repeated text and chrome.
 * - Pagefind is given a copy of each page to index, in memory where the
 *   system allows (`stageRoot`): what it reads of it (`searchedPart`), so
 *   it reads less, and walks a folder of a few hundred pages, not the site.
 * - One Pagefind index per quarter of the pages' dates (their
 *   `data-pagefind-sort` date) or per half-year when its two quarters hold
 *   at most `SHARD_PAGES` pages together, the newest article's month in one
 *   of its own (see `shardPlan`), and one for every page older than the first
 *   article ("earlier": the background), written to `pagefind/shards/KEY/`
 *   and listed, oldest first, in `pagefind/shards.json`. Pagefind holds a
 *   whole index in memory while it writes it: a shard at a time, the peak is
 *   a quarter's or a half-year's, not the archive's.
 * - A shard whose pages are, in what Pagefind reads of them (`searchedPart`:
 *   all but the `data-pagefind-ignore` elements), those of the last build is taken
 *   from the cache (`TIMELINE_CACHE`, else `node_modules/.cache/news-timeline`,
 *   under `pagefind/`) instead of indexed again: adding an article to the
 *   newest month re-indexes that month's shard only. Pagefind's output is deterministic, so a copy is what
 *   indexing would write. Every shard is written to the cache, then
 *   hard-linked into the site (`placeShard`). A shard indexed again starts
 *   from its last index's fragments of the pages that did not change, which
 *   Pagefind then does not compress again (scripts/lib/shard-seed.ts;
 *   `TIMELINE_PAGEFIND_SEED=off` does without). A shard the site already holds with the same hash
 *   (`shards.json` lists each shard's) is left in place: Astro keeps the
 *   site's folder between builds (src/integrations/keep-output.ts).
 * - The engine the header search loads (`src/components/scripts/search-engine.ts`,
 *   types stripped) goes to `search-engine/pagefind.js`, and its worker
 *   (`search-worker.ts`) to `search-engine/worker.js`; Pagefind's scripts
 *   and the Component UI to `pagefind/`.
 *
 * Every response's errors are checked, and the Pagefind service is closed in `finally`.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants, copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
// Shards unused for a while are deleted by the cache's own rule; what a build uses is touched.
import { hashOf, pruneFolder, touch, writeWhole } from '../src/pipeline/cache.ts';
import { SEED_SUFFIX, seedFragments, settleSeeds, type SeedRecord } from './lib/shard-seed.ts';
import { filterCounts, GLOB_PAGES, globOf, pageFacts, pageGlobs, pageParts, searchedPart, shardPlan, type IndexedPage, type PageFacts, type Shard } from './lib/shards.ts';

const ROOT = resolve(import.meta.dirname, '..');
const site = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`pagefind: ${site} has no index.html; run \`astro build\` first`);
  process.exit(2);
}
const cacheRoot = join(resolve(process.env.TIMELINE_CACHE || join(ROOT, 'node_modules', '.cache', 'news-timeline')), 'pagefind');
const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;

type PageRecord = PageFacts & { size: number; mtimeMs: number };

/**
 * What each page of this site was found to hold at the last run, by path,
 * with the file's size and time then: a page Astro left in place (see
 * src/integrations/keep-output.ts) is not read again. One record per site
 * folder and per version of the rules that read a page (scripts/lib/shards.ts).
 */
const rules = readFileSync(join(ROOT, 'scripts', 'lib', 'shards.ts'), 'utf8');
const factsFile = join(cacheRoot, `pages-${hashOf(site, rules).slice(0, 16)}.json`);

function readFacts(): Record<string, PageRecord> {
  try {
    return JSON.parse(readFileSync(factsFile, 'utf8')) as Record<string, PageRecord>;
  } catch {
    return {};
  }
}

/** Event and article pages: the only ones the layout marks for search; and the largest one's size, bytes. */
function indexedPages(): { pages: IndexedPage[]; largest: number } {
  const known = readFacts();
  const facts: Record<string, PageRecord> = {};
  const pages: IndexedPage[] = [];
  let largest = 0;
  for (const section of ['events', 'articles']) {
    const dir = join(site, section);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = join(dir, entry.name, 'index.html');
      // One look at each page (there are thousands), not one to see it is there and another for its size.
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      const path = `${section}/${entry.name}/index.html`;
      const { size, mtimeMs } = stat;
      let found = known[path];
      if (!found || found.size !== size || found.mtimeMs !== mtimeMs) {
        found = { size, mtimeMs, ...pageFacts(readFileSync(file)) };
      }
      facts[path] = found;
      largest = Math.max(largest, size);
      pages.push({ path, kind: section === 'articles' ? 'article' : 'event', date: found.date, hash: found.hash, filters: found.filters });
    }
  }
  try {
    writeWhole(factsFile, JSON.stringify(facts));
  } catch {
    // Without the record, the next run reads every page again.
  }
  return { pages, largest };
}

/** Pagefind's own files (scripts, WebAssembly, Component UI), without an index's. */
function copyScripts(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory() || entry.name === 'pagefind-entry.json' || entry.name.endsWith('.pf_meta')) continue;
    cpSync(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * A cached shard put in the site: its files hard-linked where the file
 * system allows (copying a 2,000-page shard's 2,300 files took 1.2–1.8 s),
 * else copied. Sharing the files is safe because nothing changes one once
 * written: Pagefind writes each shard into a new folder, and a build
 * deletes the site's shards, never rewrites them (a tool that edits
 * `pagefind/shards/` in place would edit the cache's copy too).
 */
function placeShard(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  const place = (source: string, target: string) => {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const file = join(source, entry.name);
      if (entry.isDirectory()) place(file, join(target, entry.name));
      else {
        try {
          linkSync(file, join(target, entry.name));
        } catch {
          // Another file system, or one without hard links.
          copyFileSync(file, join(target, entry.name));
        }
      }
    }
  };
  place(from, to);
}

/** Pages Pagefind is given a glob of at a time (`TIMELINE_PAGEFIND_GLOB`: tests use a few, to see several). */
const globPages = Number(process.env.TIMELINE_PAGEFIND_GLOB) || GLOB_PAGES;

/** A folder in memory, where the system has one. */
const MEMORY_FOLDER = '/dev/shm';
/** The staged copies' folders are named so (`addStaged`). */
const STAGE_PREFIX = 'news-timeline-stage-';

/** Deletes the staged copies a stopped run left in memory (an hour old: a run beside this one may be using its own). */
function clearStages(): void {
  let names: string[] = [];
  try {
    names = readdirSync(MEMORY_FOLDER).filter((name) => name.startsWith(STAGE_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    try {
      if (Date.now() - statSync(join(MEMORY_FOLDER, name)).mtimeMs > 3_600_000) rmSync(join(MEMORY_FOLDER, name), { recursive: true, force: true });
    } catch {
      // Gone already, or not ours.
    }
  }
}

/**
 * Where the copies Pagefind indexes are written (`addStaged`): in memory
 * (`/dev/shm`, Linux's) when that folder is writable and has room for
 * `bytes`; else (or with `TIMELINE_PAGEFIND_STAGE=off`) none, and Pagefind
 * indexes the site's own pages. On the 5,000-article site (3 December,
 * this step with an empty cache, three interleaved runs each, the copies
 * then in one folder) the step took 21.1–23.2 s with the copies in memory
 * against 23.2–29.7 s on the site's pages; 15.0 and 17.1 s in two runs
 * after with a folder a glob. Copies on the disk (ext4) took longer than
 * the site's pages (31.4–35.5 s against 23.7–25.7 s, an earlier form of
 * them): their writing and deleting cost more than they saved. Whether a
 * build stages is part of each shard's hash (the index numbers its pages
 * in the order it reads them), so a build that cannot stage indexes again
 * the shards one that could wrote, and the other way round.
 */
function stageRoot(bytes: number): string | undefined {
  if (process.env.TIMELINE_PAGEFIND_STAGE === 'off') return undefined;
  try {
    accessSync(MEMORY_FOLDER, constants.W_OK);
    const { bavail, bsize } = statfsSync(MEMORY_FOLDER);
    if (bavail * bsize >= bytes) return MEMORY_FOLDER;
  } catch {
    // No such folder here (macOS, Windows), or not ours to write.
  }
  return undefined;
}

/**
 * Adds the pages to the index: from staged copies (`searchedPart`: what
 * Pagefind reads of each, the rest it would skip left out) written in
 * `root`, else from the site. Pages go in globs of `GLOB_PAGES`: the next
 * glob's copies are written (in a folder of their own) while Pagefind adds
 * the last, and each glob's deleted once added: two globs' pages at most at
 * a time, and Pagefind, which walks the whole folder it is given for each
 * glob, walks one glob's, not the site's 7,000 folders. Their paths are the
 * site's, so each page's URL is. Resolves with how many pages Pagefind added.
 */
async function addStaged(index: pagefind.PagefindIndex, key: string, paths: string[], root: string | undefined): Promise<number> {
  const check = (added: { errors: string[]; page_count: number }) => {
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${key}: ${added.errors.join(', ')}`);
    return added.page_count;
  };
  let count = 0;
  if (!root) {
    for (const glob of pageGlobs(paths, globPages)) count += check(await index.addDirectory({ path: site, glob }));
    return count;
  }
  const stage = join(root, `${STAGE_PREFIX}${randomUUID()}`);
  staging = stage;
  const parts = pageParts(paths, globPages);
  // Each glob's copies in a folder of their own, which Pagefind walks alone.
  const folder = (i: number) => join(stage, String(i));
  const write = (i: number) => {
    try {
      for (const path of parts[i]!) {
        const target = join(folder(i), path);
        mkdirSync(dirname(target), { recursive: true });
        // Read and written one character a byte (as pageFacts reads): the page's UTF-8 goes through untouched.
        writeFileSync(target, searchedPart(readFileSync(join(site, path), 'latin1')), 'latin1');
      }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`The pages to index could not be written to ${root} (${why}); TIMELINE_PAGEFIND_STAGE=off indexes the site's pages instead`);
    }
  };
  try {
    if (parts.length > 0) write(0);
    for (let i = 0; i < parts.length; i++) {
      const adding = index.addDirectory({ path: folder(i), glob: globOf(parts[i]!) });
      let failed: unknown;
      try {
        if (i + 1 < parts.length) write(i + 1);
      } catch (error) {
        failed = error;
      }
      // Pagefind's answer first, even when the next copies failed: its folder stays until it has read it.
      count += check(await adding);
      if (failed) throw failed;
      rmSync(folder(i), { recursive: true, force: true });
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
    staging = undefined;
  }
  return count;
}

/** The staged copies' folder in use, if any: deleted if the step is stopped (Ctrl-C, a CI timeout). */
let staging: string | undefined;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    process.exit(code);
  });
}

/** Each page of the shard with the hash of what Pagefind reads of it. */
const hashesOf = (shard: Shard) => new Map(shard.pages.map((path) => [path, pageHashes.get(path)!]));

/** Writes the record of a shard's pages beside its cache entry (`SeedRecord`): without it, the shard is never a seed. */
function writeRecord(cached: string, shard: Shard): void {
  try {
    writeWhole(`${cached}${SEED_SUFFIX}`, JSON.stringify({ setup, pages: Object.fromEntries(hashesOf(shard)) } satisfies SeedRecord));
  } catch {
    // Only the next re-index of this shard is slower.
  }
}

/**
 * A shard's cache entry and its record count as used: the clean-up keeps
 * them another while. An entry without a record (written before records
 * were) gets one.
 */
function touchEntry(cached: string, shard: Shard): void {
  if (!existsSync(cached)) return;
  touch(cached);
  if (existsSync(`${cached}${SEED_SUFFIX}`)) touch(`${cached}${SEED_SUFFIX}`);
  else writeRecord(cached, shard);
}

/**
 * The cache entry of this key's shard whose record is newest (written when
 * the shard was indexed; a use renews its time only when a day old, see
 * `touch`): most often the one a build used last. Any entry with a record is
 * a sound seed, as `settleSeeds` links only the fragments of unchanged pages;
 * the newest holds the most of them.
 */
function lastEntry(key: string): string | undefined {
  let newest: { dir: string; time: number } | undefined;
  for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    if (!name.startsWith(`${key}-`) || !name.endsWith(SEED_SUFFIX) || !/^[0-9a-f]{16}$/.test(name.slice(key.length + 1, -SEED_SUFFIX.length))) continue;
    const dir = join(cacheRoot, name.slice(0, -SEED_SUFFIX.length));
    try {
      const time = statSync(join(cacheRoot, name)).mtimeMs;
      if (existsSync(join(dir, 'pagefind-entry.json')) && (!newest || time > newest.time)) newest = { dir, time };
    } catch {
      // Deleted meanwhile.
    }
  }
  return newest?.dir;
}

function readRecord(dir: string): SeedRecord | undefined {
  try {
    return JSON.parse(readFileSync(`${dir}${SEED_SUFFIX}`, 'utf8')) as SeedRecord;
  } catch {
    return undefined;
  }
}

/** The shards the site holds now, by key: their hashes, from the `shards.json` the last run wrote. */
function shardsInPlace(out: string): Map<string, string> {
  try {
    const list = JSON.parse(readFileSync(join(out, 'shards.json'), 'utf8')) as { shards: Array<{ key: string; hash?: string }> };
    return new Map(list.shards.filter((s) => s.hash && existsSync(join(out, 'shards', s.key, 'pagefind-entry.json'))).map((s) => [s.key, s.hash!]));
  } catch {
    return new Map();
  }
}

const started = performance.now();
clearStages();
const { pages, largest } = indexedPages();
// Staged copies in memory when two globs of the site's largest page fit there (else none).
const stagingRoot = stageRoot(2 * globPages * largest);
// A shard's hash covers Pagefind's version, the rules that give it its pages and how it is given them
// (staged copies, so many at a time, or the site's pages: the same index, its pages numbered in another order).
const setup = `${version}\0${hashOf(rules)}\0${stagingRoot ? `staged ${globPages}` : 'site'}`;
const plan = shardPlan(pages, setup);
const pageHashes = new Map(pages.map((page) => [page.path, page.hash]));
const out = join(site, 'pagefind');
// A shard already in the site with the same hash stays where it is (Astro keeps the site's
// folder between builds, see src/integrations/keep-output.ts); everything else is written anew.
const inPlace = shardsInPlace(out);
const keep = new Set(plan.filter((s) => inPlace.get(s.key) === s.hash).map((s) => s.key));
for (const name of existsSync(out) ? readdirSync(out) : []) {
  if (name !== 'shards') rmSync(join(out, name), { recursive: true, force: true });
}
for (const key of existsSync(join(out, 'shards')) ? readdirSync(join(out, 'shards')) : []) {
  if (!keep.has(key)) rmSync(join(out, 'shards', key), { recursive: true, force: true });
}
mkdirSync(join(out, 'shards'), { recursive: true });
let reused = 0;
let indexed = 0;
/** Whether a shard indexed again starts from its last index (`TIMELINE_PAGEFIND_SEED=off`: not). */
const seeding = process.env.TIMELINE_PAGEFIND_SEED !== 'off';
/** Fragments taken from shards' last indexes (`seedFragments`) and kept. */
let linked = 0;
try {
  for (const shard of plan) {
    const cached = join(cacheRoot, `${shard.key}-${shard.hash}`);
    if (keep.has(shard.key)) {
      // Already in the site; its cache entry (if any) counts as used.
      touchEntry(cached, shard);
      continue;
    }
    if (existsSync(join(cached, 'pagefind-entry.json'))) {
      reused++;
      // Used: kept by the clean-up below for another while.
      touchEntry(cached, shard);
    } else {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join(', ')}`);
      const count = await addStaged(index, shard.key, shard.pages, stagingRoot);
      if (count !== shard.pages.length) throw new Error(`Pagefind indexed ${count} of the ${shard.pages.length} pages of ${shard.key}`);
      // Written aside, then moved into place whole: a build running at the same time never sees half a shard.
      const partial = `${cached}.${randomUUID()}.partial`;
      rmSync(partial, { recursive: true, force: true });
      // The last index of this shard's unchanged fragments, which Pagefind then does not compress again.
      const seed = seeding ? lastEntry(shard.key) : undefined;
      const seeded = seed ? seedFragments(seed, readRecord(seed), setup, hashesOf(shard), partial) : [];
      const write = async () => {
        const written = await index.writeFiles({ outputPath: partial });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write the index of ${shard.key}: ${written.errors.join(', ')}`);
      };
      await write();
      if (seeded.length > 0) {
        const kept = settleSeeds(partial, shard.pages.length, seeded);
        if (kept === undefined) {
          // Unreadable, a page left out, or two fragments' names that started alike: written again, every fragment by Pagefind.
          rmSync(partial, { recursive: true, force: true });
          await write();
        } else linked += kept;
      }
      await index.deleteIndex();
      try {
        renameSync(partial, cached);
      } catch (error) {
        // Another build wrote the same shard first (the same bytes); anything else is an error.
        rmSync(partial, { recursive: true, force: true });
        if (!existsSync(join(cached, 'pagefind-entry.json'))) throw error;
      }
      indexed++;
      writeRecord(cached, shard);
    }
    placeShard(cached, join(out, 'shards', shard.key));
  }
  // Scripts from a shard (the same in each); an empty site still gets them.
  if (plan.length > 0) copyScripts(join(out, 'shards', plan[0]!.key), out);
  else {
    const { index } = await pagefind.createIndex({});
    await index?.writeFiles({ outputPath: join(out, '.empty') });
    copyScripts(join(out, '.empty'), out);
    rmSync(join(out, '.empty'), { recursive: true, force: true });
  }
  writeFileSync(
    join(out, 'shards.json'),
    `${JSON.stringify({
      shards: plan.map((s) => ({ key: s.key, path: `shards/${s.key}/`, pages: s.pages.length, hash: s.hash })),
      // The filter values and their counts over the archive: search lists them without loading Pagefind's filter data.
      filters: filterCounts(pages),
    })}\n`,
  );
  // The engine the header search loads, and its worker, next to Pagefind's bundle.
  for (const [source, file] of [
    ['search-engine.ts', 'pagefind.js'],
    ['search-worker.ts', 'worker.js'],
  ] as const) {
    const target = join(site, 'search-engine', file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, stripTypeScriptTypes(readFileSync(join(ROOT, 'src', 'components', 'scripts', source), 'utf8')));
  }
  // Shards no build has used for a week go (not sooner: builds of other content may share the cache).
  pruneFolder(cacheRoot);
  console.log(
    `[pagefind] Indexed ${pages.length} pages in ${Math.round(performance.now() - started)} ms (${plan.length} shards: ${indexed} indexed, ${reused} from the cache, ${keep.size} in place)` +
      (indexed > 0 ? `; ${stagingRoot ? `pages staged in ${stagingRoot}` : "the site's pages read"}; ${seeding ? `${linked} unchanged fragments linked from the shards' last indexes` : 'no fragments linked (TIMELINE_PAGEFIND_SEED=off)'}` : ''),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
