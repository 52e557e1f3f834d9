import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, futimesSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A disk cache between builds: what an article yields (sentences, time
 * expressions, people and places, rendered HTML) depends only on its text and
 * on the pipeline's code, so a rebuild after adding one article recomputes
 * only that article. Entries are keyed by a hash of the input and of every
 * pipeline source file, so changing the code empties the cache by itself;
 * people and places are kept apart, under a version of their own (`people`).
 */

/** Where the pipeline's sources are: beside this module, or (when bundled into a page) under the project. */
export function pipelineDir(): string | undefined {
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

let peopleCodeVersion: string | undefined;

/**
 * Hash of what a sentence's people and places depend on: the code that finds
 * them (`entities.ts`, and `compromise-sweep.ts`, which compromise runs) and
 * compromise's version. A change anywhere else in the
 * pipeline leaves them valid (see `DiskCache.people`).
 */
export function peopleVersion(): string {
  if (!peopleCodeVersion) {
    const dir = pipelineDir();
    try {
      const hash = createHash('sha1');
      for (const file of ['entities.ts', 'compromise-sweep.ts']) hash.update(readFileSync(join(dir!, file)));
      peopleCodeVersion = hash.update(packageVersion('compromise')).digest('hex').slice(0, 12);
    } catch {
      // Without the sources at hand, nothing is reused.
      peopleCodeVersion = `run-${process.pid}-${Date.now()}`;
    }
  }
  return peopleCodeVersion;
}

/** An installed package's version, from the `package.json` above the file Node resolves it to (wherever it is installed). */
function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const found = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (found.name === name && found.version) return found.version;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json for ${name}`);
    dir = dirname(dir);
  }
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

  /** `version`: the pipeline's, unless this is the cache of something that depends on less (`people`). */
  constructor(root: string, version = pipelineVersion()) {
    this.root = root;
    this.dir = join(root, version);
    // In use: kept by pruneCache for another while.
    touch(this.dir);
  }

  private peopleCache: DiskCache | undefined;

  /**
   * People and places of each article's sentences, under the root but outside
   * the pipeline's version: they take compromise most of an article's
   * analysis (about 4 ms a sentence), and a change to the rest of the
   * pipeline's code, which empties the other entries, leaves them valid.
   */
  get people(): DiskCache {
    return (this.peopleCache ??= new DiskCache(this.root, `people-${peopleVersion()}`));
  }

  /** The record of the input files' hashes (see inputs.ts `inputHash`). */
  get inputs(): string {
    return join(this.dir, 'inputs', 'hashes.json');
  }

  private fileOf(kind: string, key: string): string {
    return join(this.dir, kind, `${key}.json`);
  }

  has(kind: string, key: string): boolean {
    return existsSync(this.fileOf(kind, key));
  }

  private readonly preloaded = new Map<string, unknown>();

  /**
   * Reads these entries now (while a worker analyses others, say): `get`
   * then hands each out once, without reading it again.
   */
  preload(kind: string, keys: string[]): void {
    for (const key of keys) {
      const value = this.read(kind, key);
      if (value !== undefined) this.preloaded.set(`${kind}/${key}`, value);
    }
  }

  private read(kind: string, key: string): unknown {
    let fd: number | undefined;
    try {
      fd = openSync(this.fileOf(kind, key), 'r');
      const value = JSON.parse(readFileSync(fd, 'utf8')) as unknown;
      touchOpen(fd);
      return value;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  get<T>(kind: string, key: string): T | undefined {
    const id = `${kind}/${key}`;
    const value = this.preloaded.has(id) ? this.preloaded.get(id) : this.read(kind, key);
    this.preloaded.delete(id);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return value as T;
  }

  set(kind: string, key: string, value: unknown): void {
    try {
      mkdirSync(join(this.dir, kind), { recursive: true });
      writeFileSync(this.fileOf(kind, key), JSON.stringify(value));
    } catch {
      // A cache that cannot be written only costs time: the build goes on.
    }
  }
}

/** The disk cache a build uses: the one given, `TIMELINE_CACHE`, else `node_modules/.cache/news-timeline`; none when given false. */
export function cacheFor(option: string | false | DiskCache | undefined): DiskCache | undefined {
  if (option instanceof DiskCache) return option;
  const dir = option ?? process.env.TIMELINE_CACHE ?? join('node_modules', '.cache', 'news-timeline');
  return dir === false || dir === '' ? undefined : new DiskCache(dir);
}

/**
 * Writes `text` to `file` whole or not at all (its folder made if need be):
 * written aside, then moved into place, so a build or process reading it at
 * the same time never sees half of it. Throws when it cannot.
 */
export function writeWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${randomUUID()}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * How old a used entry's time may be before `touch` makes it now: pruning
 * counts in days, and a rebuild at 5,000 articles touches 10,000 files
 * (every analysis and every body it uses). Looking at a file's time costs
 * less than changing it, which the system then writes to the disk. An entry
 * in use is pruned after `CACHE_DAYS` less a day of disuse at the soonest.
 */
export const TOUCH_EVERY_MS = 86_400_000;

/**
 * Marks a cache entry (a file, or a folder) as used (pruneCache keeps it):
 * its time made now unless it is less than `TOUCH_EVERY_MS` old. Returns
 * whether it is there. A failure to change the time only shortens its life.
 */
export function touch(path: string, now = Date.now()): boolean {
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    // Not ours to look at: as good as missing.
    return false;
  }
  if (!stat) return false;
  if (now - stat.mtimeMs >= TOUCH_EVERY_MS) {
    try {
      utimesSync(path, new Date(now), new Date(now));
    } catch {
      // Not ours to change.
    }
  }
  return true;
}

/** `touch` for a file open for reading: its descriptor looked at, no path looked up again. */
function touchOpen(fd: number, now = Date.now()): void {
  try {
    if (now - fstatSync(fd).mtimeMs >= TOUCH_EVERY_MS) futimesSync(fd, new Date(now), new Date(now));
  } catch {
    // Not ours to change.
  }
}

/** Days an unused cache entry is kept: builds of other content (branches, benchmarks) may share the folder. */
export const CACHE_DAYS = 7;

/**
 * Deletes what no build has used for `CACHE_DAYS`: the folders of other
 * versions of the pipeline (and of people and places), and in this version's
 * (and in the people and places in use), the analyses, site data
 * and article bodies of content that is gone (an edited article's old
 * analysis, an archive's site data before its last edit: 175 MB each at
 * 5,000 articles). What a build uses is touched when used. The search shards
 * (`pagefind/`) are pruned by the search step. Returns how many entries went.
 */
export function pruneCache(cache: DiskCache, now = Date.now()): number {
  const inUse = [cache.dir, cache.people.dir];
  let removed = pruneFolder(cache.root, now, (name) => inUse.includes(join(cache.root, name)) || name === 'pagefind' || name === PRUNED);
  for (const kind of existsSync(cache.dir) ? readdirSync(cache.dir) : []) removed += pruneFolder(join(cache.dir, kind), now);
  // An article's people and places are read only when its analysis is not in the cache: they stay while it is.
  const analysed = (name: string) => existsSync(join(cache.dir, 'article', name));
  for (const kind of existsSync(cache.people.dir) ? readdirSync(cache.people.dir) : []) removed += pruneFolder(join(cache.people.dir, kind), now, analysed);
  return removed;
}

/** Where the cache notes its last pruning (`pruneCacheDaily`). */
const PRUNED = '.pruned';

/**
 * `pruneCache`, at most once a day: at thousands of articles, looking at
 * every entry's age is a quarter of a second that a week-long rule does not
 * need on every build. Returns how many entries went (0 when not due).
 */
export function pruneCacheDaily(cache: DiskCache, now = Date.now()): number {
  const marker = join(cache.root, PRUNED);
  try {
    if (now - statSync(marker).mtimeMs < 86_400_000) return 0;
  } catch {
    // Never pruned: due.
  }
  const removed = pruneCache(cache, now);
  try {
    mkdirSync(cache.root, { recursive: true });
    writeFileSync(marker, new Date(now).toISOString());
    utimesSync(marker, new Date(now), new Date(now));
  } catch {
    // Due again next time.
  }
  return removed;
}

/** Deletes the entries of `dir` (but those `keep` names) unused for `CACHE_DAYS`; returns how many went. */
export function pruneFolder(dir: string, now = Date.now(), keep: (name: string) => boolean = () => false): number {
  let removed = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (keep(name)) continue;
    const path = join(dir, name);
    let age: number;
    try {
      age = now - statSync(path).mtimeMs;
    } catch {
      continue;
    }
    if (age > CACHE_DAYS * 86_400_000) {
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
