import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RenderedArticle, SiteData, StorySummary } from './build.ts';
import type { Problem, TimelineEvent } from './types.ts';

/**
 * The site data's files: one JSON value a line (the story and the content's
 * problems, then each event; beside it, each article). `scripts/pipeline.ts` writes
 * it; Astro's loader and pages read it, a line at a time. Only types come
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
  articles(): AsyncIterable<RenderedArticle>;
}

/**
 * Where article bodies wait for their pages (see bodies.ts): beside the
 * site data's folder, `<cache>/site/<key>.ndjson` → `<cache>/bodies/`.
 */
export function bodiesDirOf(file: string): string {
  return join(dirname(dirname(file)), 'bodies');
}

type Line = { head: { story: StorySummary; problems: Problem[] } } | { event: TimelineEvent } | { article: RenderedArticle };

/** The articles' file beside the site data's (head and events): reading the events never reads past them. */
export function articlesFileOf(file: string): string {
  return file.replace(/(\.ndjson)?$/, '.articles.ndjson');
}

/** Writes `lines` one JSON value a line, a megabyte at a time, moved into place whole. */
function writeLines(file: string, lines: Iterable<Line>): void {
  const partial = `${file}.${randomUUID()}.partial`;
  const fd = openSync(partial, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const value of lines) {
      const text = `${JSON.stringify(value)}\n`;
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

async function* readLines(file: string, kind: 'event' | 'article'): AsyncGenerator<Line> {
  const prefix = `{"${kind}":`;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.startsWith(prefix)) yield JSON.parse(line) as Line;
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
      for await (const line of readLines(file, 'event')) yield (line as { event: TimelineEvent }).event;
    },
    async *articles() {
      for await (const line of readLines(articlesFileOf(file), 'article')) yield (line as { article: RenderedArticle }).article;
    },
  };
}
