import { hash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArticleEntry, SiteData, StorySummary } from './build.ts';
import type { Problem, TimelineEvent } from './types.ts';

/**
 * The site data's files: one JSON value a line (the story and the content's
 * problems, then each event; beside it, each article). `scripts/pipeline.ts` writes
 * it; Astro's loader and pages read it. Only types come
 * from the pipeline, so a page that reads it bundles none of the pipeline.
 */

/**
 * The site's data, as the site reads it: the story and the content's
 * problems at once, the events and the articles one at a time, so that
 * nothing holds a second copy of the whole archive.
 */
export interface SiteDataSource {
  story: StorySummary;
  problems: Problem[];
  /** The file it is read from (always, unless the content has errors: see `openSiteData`). */
  file?: string | undefined;
  events(): AsyncIterable<TimelineEvent>;
  articles(): AsyncIterable<ArticleEntry>;
}

type Line = { head: { story: StorySummary; problems: Problem[] } } | { event: TimelineEvent } | { article: ArticleEntry };

/** The articles' file beside the site data's (head and events): reading the events never reads past them. */
export function articlesFileOf(file: string): string {
  return file.replace(/(\.ndjson)?$/, '.articles.ndjson');
}

/** The body files (see bodies.ts) that the articles' file names, found without parsing it. */
export function bodyFilesOf(articlesFile: string): string[] {
  const files: string[] = [];
  try {
    for (const match of readFileSync(articlesFile, 'utf8').matchAll(/"body":("(?:[^"\\]|\\.)*")/g)) files.push(JSON.parse(match[1]!) as string);
  } catch {
    // No file: nothing to name.
  }
  return files;
}

/**
 * Writes `lines` one JSON value a line, a megabyte at a time, moved into
 * place whole. An event's or an article's line carries a digest of it
 * (`digestOf`): the pages' cache keys use it instead of hashing it again.
 */
function writeLines(file: string, lines: Iterable<Line>): void {
  const partial = `${file}.${randomUUID()}.partial`;
  const fd = openSync(partial, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const line of lines) {
      let text: string;
      if ('head' in line) text = `${JSON.stringify(line)}\n`;
      else {
        const [kind, value] = 'event' in line ? ['event', line.event] : ['article', line.article];
        const json = JSON.stringify(value);
        text = `{"${kind}":${json},"digest":"${hash('sha1', json, 'base64url')}"}\n`;
      }
      pending.push(text);
      size += text.length;
      if (size > 1 << 20) {
        writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

const digests = new WeakMap<object, string>();

/** The digest of an event or article as its line in the site data holds it (a hash of its JSON); undefined for one not read from a file. */
export function digestOf(value: object): string | undefined {
  return digests.get(value);
}

/**
 * Writes the data: the head and the events in `file`, the articles beside it
 * (`articlesFileOf`), the articles first, so that `file` is there only once both are.
 */
export function writeSiteFile(file: string, data: SiteData): void {
  mkdirSync(dirname(file), { recursive: true });
  writeLines(articlesFileOf(file), (function* () {
    for (const article of data.articles) yield { article } as Line;
  })());
  writeLines(file, (function* () {
    yield { head: { story: data.story, problems: data.problems } } as Line;
    for (const event of data.events) yield { event } as Line;
  })());
}

/**
 * The events' or the articles' lines of `file`, read at once (one string
 * the size of the file, dropped as soon as its lines are parsed: faster
 * than a stream's line at a time, and as light once read).
 */
function* readLines(file: string, kind: 'event' | 'article'): Generator<ArticleEntry | TimelineEvent> {
  const prefix = `{"${kind}":`;
  const text = readFileSync(file, 'utf8');
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end === -1) end = text.length;
    if (text.startsWith(prefix, from)) {
      const line = JSON.parse(text.slice(from, end)) as { event?: TimelineEvent; article?: ArticleEntry; digest?: string };
      const value = line[kind]!;
      if (line.digest) digests.set(value, line.digest);
      yield value;
    }
    from = end + 1;
  }
}

/** The data in `file` (only its first line is read now), or undefined when there is no such file. */
export function readSiteFile(file: string): SiteDataSource | undefined {
  let head: { story: StorySummary; problems: Problem[] };
  if (!existsSync(articlesFileOf(file))) return undefined;
  try {
    const fd = openSync(file, 'r');
    try {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(1 << 16);
      for (;;) {
        const read = readSync(fd, buffer);
        if (read === 0) break;
        const newline = buffer.subarray(0, read).indexOf(10);
        chunks.push(Buffer.from(buffer.subarray(0, newline === -1 ? read : newline)));
        if (newline !== -1) break;
      }
      head = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { head: typeof head }).head;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return {
    ...head,
    file,
    async *events() {
      yield* readLines(file, 'event') as Generator<TimelineEvent>;
    },
    async *articles() {
      yield* readLines(articlesFileOf(file), 'article') as Generator<ArticleEntry>;
    },
  };
}
