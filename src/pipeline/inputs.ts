import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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

const texts = new Map<string, { size: number; mtimeMs: number; text: string }>();

/**
 * A file's text, read once per version of the file in this process: a build
 * keys its caches on every file's bytes and then analyses them, and at
 * thousands of articles reading each file three times was most of a second.
 */
export function readInput(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const known = texts.get(file);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.text;
  const text = readFileSync(file, 'utf8');
  texts.set(file, { size, mtimeMs, text });
  return text;
}
