import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedArticle } from './build.ts';
import { hashOf, touch } from './cache.ts';

/** What only an article's own page shows: its rendered text and its sentences left out. */
export interface ArticleBody {
  html: string;
  omitted: RenderedArticle['omitted'];
}

/**
 * An article as the site's collection holds it: everything but its body,
 * which waits in a file of its own (its name a hash of the body) until its
 * page is rendered. An archive's collection is read whole by every page
 * that lists articles; thousands of bodies in it were most of its memory.
 */
export interface ArticleEntry extends Omit<RenderedArticle, 'html' | 'omitted'> {
  /** How many of its sentences are not on the timeline. */
  leftOut: number;
  /** The body's file, or the body itself when there is no folder to keep it in. */
  body: string | ArticleBody;
}

/** The collection's entry for an article, its body written to `dir` (once: the file name is its hash). */
export function articleEntry(article: RenderedArticle, dir: string | undefined): ArticleEntry {
  const { html, omitted, ...rest } = article;
  const body: ArticleBody = { html, omitted };
  if (!dir) return { ...rest, leftOut: omitted.length, body };
  const json = JSON.stringify(body);
  const file = join(dir, `${article.id}.${hashOf(json).slice(0, 16)}.json`);
  try {
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      writeFileSync(partial, json);
      renameSync(partial, file);
    } else touch(file);
    return { ...rest, leftOut: omitted.length, body: file };
  } catch {
    return { ...rest, leftOut: omitted.length, body };
  }
}

/** The body of an article entry, for its page. */
export function articleBody(entry: ArticleEntry): ArticleBody {
  return typeof entry.body === 'string' ? (JSON.parse(readFileSync(entry.body, 'utf8')) as ArticleBody) : entry.body;
}
