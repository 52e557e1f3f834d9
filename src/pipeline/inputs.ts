import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeWhole } from './cache.ts';

/**
 * The files a build reads, and keys for them. No pipeline code is loaded
 * here: a build whose result is cached finds it without it.
 */

/** Markdown files named by the arguments: files as given, folders read (not recursively), sorted. */
export function markdownFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (/\.(md|markdown)$/i.test(name) && !name.startsWith('_')) files.push(join(path, name));
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Path as an editor sees it in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** The files a build of `contentDir` reads: every article, the story and the corrections; `all` lists them together. */
export function inputsOf(contentDir: string): { articles: string[]; story: string; corrections: string; all: string[] } {
  const articles = markdownFiles([join(contentDir, 'articles')]);
  const story = join(contentDir, 'story.yaml');
  const corrections = join(contentDir, 'corrections.yaml');
  return { articles, story, corrections, all: [...articles, story, corrections] };
}

/** The files' names, sizes and modification times: a cheap key, for memos within one process. */
export function statKey(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = statSync(f);
        return `${f}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
}

const texts = new Map<string, { size: number; mtimeMs: number; ctimeMs: number; text: string }>();

/**
 * A file's text, read once per version of the file in this process: a build
 * keys its caches on every file's bytes and then analyses them, and at
 * thousands of articles reading each file three times was most of a second.
 */
export function readInput(file: string): string {
  const { size, mtimeMs, ctimeMs } = statSync(file);
  const known = texts.get(file);
  if (known && known.size === size && known.mtimeMs === mtimeMs && known.ctimeMs === ctimeMs) return known.text;
  const text = readFileSync(file, 'utf8');
  texts.set(file, { size, mtimeMs, ctimeMs, text });
  return text;
}

/** A file's hash as a record keeps it, with what says the file is unchanged since. */
interface Known {
  size: number;
  mtimeMs: number;
  /** Changes with every write and cannot be set back (unlike the modification time). */
  ctimeMs: number;
  ino: number;
  hash: string;
}

const records = new Map<string, { known: Map<string, Known>; used: Map<string, Known> }>();

function recordOf(file: string) {
  let record = records.get(file);
  if (!record) {
    let known = new Map<string, Known>();
    try {
      known = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Known>));
    } catch {
      // None yet, or unreadable: every file is read and hashed.
    }
    records.set(file, (record = { known, used: new Map() }));
  }
  return record;
}

/**
 * The hash of a file's text (sha1). With `record` (a file of earlier
 * builds' hashes), a file whose size, times and inode are those recorded
 * is not read: a rebuild of an archive reads and hashes only the files that
 * changed. `saveInputHashes` writes the record.
 */
export function inputHash(file: string, record?: string): string {
  const stat = statSync(file);
  const path = resolve(file);
  const hashes = record ? recordOf(record) : undefined;
  const known = hashes ? (hashes.used.get(path) ?? hashes.known.get(path)) : undefined;
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ctimeMs === stat.ctimeMs && known.ino === stat.ino) {
    hashes!.used.set(path, known);
    return known.hash;
  }
  const hash = createHash('sha1').update(readInput(file)).digest('hex');
  hashes?.used.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, hash });
  return hash;
}

/** Writes the hashes this process used to `record`, whole or not at all; a record that cannot be written only costs time. */
export function saveInputHashes(record: string): void {
  const { used } = recordOf(record);
  try {
    writeWhole(record, JSON.stringify(Object.fromEntries([...used].sort(([a], [b]) => a.localeCompare(b)))));
  } catch {
    // Next time, then.
  }
}
