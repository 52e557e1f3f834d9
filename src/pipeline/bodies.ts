import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { hashOf, touch, writeWhole } from './cache.ts';
import type { Omission, Timeline } from './types.ts';

/** What only an article's own page shows: its rendered text and its sentences left out. */
export interface ArticleBody {
  html: string;
  omitted: Array<Omit<Omission, 'article'>>;
}

/**
 * An article as the site reads it: everything but its body, which waits in
 * a file of its own until its page is rendered. Every page that lists
 * articles reads them all; thousands of bodies among them were most of an
 * archive's site data, and of the memory of the pages that read it.
 */
export interface ArticleEntry {
  id: string;
  file: string;
  meta: Timeline['articles'][number]['meta'];
  /**
   * How many of its sentences events cite (its body links each to its
   * events; the entry, which every listing page reads, carries only the count).
   */
  cited: number;
  sentences: number;
  /** How many of its sentences are not on the timeline. */
  leftOut: number;
  /** The body's file (from the working folder), or the body itself when there is no folder to keep it in. */
  body: string | ArticleBody;
}

/** Where bodies are kept, and the hash of what this article's body is made from. */
export interface BodyStore {
  dir: string;
  /** A hash of every input of the body: the article's analysis, its citations and its sentences left out. */
  key: string;
}

/**
 * The entry for an article. Its body is written to `store.dir` under
 * `store.key`, and `html()` is called only when no earlier build wrote that
 * body: a rebuild renders just the articles whose citations changed.
 * Without a store (or a folder that cannot be written) the body is in the entry.
 */
export function articleEntry(
  fields: Omit<ArticleEntry, 'body' | 'leftOut'>,
  omitted: ArticleBody['omitted'],
  html: () => string,
  store?: BodyStore,
): ArticleEntry {
  const entry = { ...fields, leftOut: omitted.length };
  if (store) {
    const file = join(store.dir, `${fields.id}.${store.key.slice(0, 16)}.json`);
    try {
      // Written by an earlier build: marked as used (one look at it), else written now.
      if (!touch(file)) writeWhole(file, JSON.stringify({ html: html(), omitted } satisfies ArticleBody));
      // Named from the working folder (the project's, for every step of a build): the entry, and so its
      // page's key, stays the same wherever the checkout is and however the cache folder was given.
      return { ...entry, body: relative(process.cwd(), file) };
    } catch {
      // The body in the entry, then.
    }
  }
  return { ...entry, body: { html: html(), omitted } };
}

/**
 * The key of an article's body: what it is made from, hashed (see
 * `articleEntry`). A left-out sentence's text is the analysis's, so its id
 * and reason stand for it.
 */
export function bodyKey(analysis: string, cited: Record<string, Array<{ id: string; title: string }>>, omitted: ArticleBody['omitted']): string {
  return hashOf(analysis, JSON.stringify(cited), omitted.map((o) => `${o.sentence}\t${o.reason}`).join('\n'));
}

/**
 * The body of an article entry, for its page. Read without blocking: Astro
 * renders several pages at once (`build.concurrency`), and the others go on
 * while the file is read.
 */
export async function articleBody(entry: ArticleEntry): Promise<ArticleBody> {
  return typeof entry.body === 'string' ? (JSON.parse(await readFile(entry.body, 'utf8')) as ArticleBody) : entry.body;
}
