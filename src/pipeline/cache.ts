import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A disk cache between builds: what an article yields (sentences, time
 * expressions, people and places, rendered HTML) depends only on its text and
 * on the pipeline's code, so a rebuild after adding one article recomputes
 * only that article. Entries are keyed by a hash of the input and of every
 * pipeline source file, so changing the code empties the cache by itself.
 */

/** Where the pipeline's sources are: beside this module, or (when bundled into a page) under the project. */
function pipelineDir(): string | undefined {
  for (const dir of [dirname(fileURLToPath(import.meta.url)), join(process.cwd(), 'src', 'pipeline')]) {
    if (existsSync(join(dir, 'cache.ts'))) return dir;
  }
  return undefined;
}

function sourcesOf(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourcesOf(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

let codeVersion: string | undefined;

/** Hash of the pipeline's and the schema's source code, and of the installed libraries' versions. */
export function pipelineVersion(): string {
  if (!codeVersion) {
    const dir = pipelineDir();
    // Without the sources at hand, a fresh random version: the cache is simply not reused.
    if (!dir) return (codeVersion = `run-${process.pid}-${Date.now()}`);
    const hash = createHash('sha1');
    for (const file of [...sourcesOf(dir), ...sourcesOf(join(dir, '..', 'schemas'))]) {
      hash.update(file.slice(dir.length)).update(readFileSync(file));
    }
    // The libraries it runs on (parser, people and places, sanitiser …): their versions are in the lockfile.
    const lockfile = join(dir, '..', '..', 'package-lock.json');
    if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
    codeVersion = hash.digest('hex').slice(0, 12);
  }
  return codeVersion;
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

export class DiskCache {
  readonly dir: string;
  hits = 0;
  misses = 0;

  /** The folder given, under which each version of the pipeline has its own. */
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    this.dir = join(root, pipelineVersion());
    // In use: kept by pruneCache for another while.
    touch(this.dir);
  }

  has(kind: string, key: string): boolean {
    return existsSync(join(this.dir, kind, `${key}.json`));
  }

  get<T>(kind: string, key: string): T | undefined {
    try {
      const file = join(this.dir, kind, `${key}.json`);
      const value = JSON.parse(readFileSync(file, 'utf8')) as T;
      touch(file);
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(kind: string, key: string, value: unknown): void {
    try {
      mkdirSync(join(this.dir, kind), { recursive: true });
      writeFileSync(join(this.dir, kind, `${key}.json`), JSON.stringify(value));
    } catch {
      // A cache that cannot be written only costs time: the build goes on.
    }
  }
}

/** The disk cache a build uses: `TIMELINE_CACHE`, else `node_modules/.cache/news-timeline`; none when given false. */
export function cacheFor(option: string | false | undefined): DiskCache | undefined {
  const dir = option ?? process.env.TIMELINE_CACHE ?? join('node_modules', '.cache', 'news-timeline');
  return dir === false || dir === '' ? undefined : new DiskCache(dir);
}

/** Marks a cache entry as used now (pruneCache keeps it); a failure only shortens its life. */
export function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Missing, or not ours to change.
  }
}

/** Days an unused cache entry is kept: builds of other content (branches, benchmarks) may share the folder. */
export const CACHE_DAYS = 7;

/**
 * Deletes what no build has used for `CACHE_DAYS`: the folders of other
 * versions of the pipeline, and in this version's, the analyses, site data
 * and article bodies of content that is gone (an edited article's old
 * analysis, an archive's site data before its last edit: 175 MB each at
 * 5,000 articles). What a build uses is touched when used. The search shards
 * (`pagefind/`) are pruned by the search step. Returns how many entries went.
 */
export function pruneCache(cache: DiskCache, now = Date.now()): number {
  const old = (path: string) => {
    try {
      return now - statSync(path).mtimeMs > CACHE_DAYS * 86_400_000;
    } catch {
      return false;
    }
  };
  let removed = 0;
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed++;
  };
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  for (const name of list(cache.root)) {
    const path = join(cache.root, name);
    if (path !== cache.dir && name !== 'pagefind' && old(path)) remove(path);
  }
  for (const kind of list(cache.dir)) {
    for (const name of list(join(cache.dir, kind))) {
      const path = join(cache.dir, kind, name);
      if (old(path)) remove(path);
    }
  }
  return removed;
}
