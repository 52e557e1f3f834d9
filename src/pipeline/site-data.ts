import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BuildOptions, RenderedArticle, SiteData, StorySummary } from './build.ts';
import { cacheFor, hashOf } from './cache.ts';
import { displayPath, inputsOf, statKey } from './inputs.ts';
import type { Problem, TimelineEvent } from './types.ts';

export type { SiteData, StorySummary } from './build.ts';

/**
 * The site's data, as Astro's loaders take it: the story and the content's
 * problems at once, the events and the articles one at a time, so that a
 * loader storing them never holds a second copy of the whole archive.
 */
export interface SiteDataSource {
  story: StorySummary;
  problems: Problem[];
  events(): AsyncIterable<TimelineEvent>;
  articles(): AsyncIterable<RenderedArticle>;
}

type Line = { head: { story: StorySummary; problems: Problem[] } } | { event: TimelineEvent } | { article: RenderedArticle };

/** Writes the data as one JSON value a line (head, events, articles), moved into place whole. */
function writeLines(file: string, data: SiteData): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${randomUUID()}.partial`;
  const fd = openSync(partial, 'w');
  try {
    const line = (value: Line) => writeSync(fd, `${JSON.stringify(value)}\n`);
    line({ head: { story: data.story, problems: data.problems } });
    for (const event of data.events) line({ event });
    for (const article of data.articles) line({ article });
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

async function* readLines(file: string, kind: 'event' | 'article'): AsyncGenerator<Line> {
  const prefix = `{"${kind}":`;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.startsWith(prefix)) yield JSON.parse(line) as Line;
}

function fromFile(file: string): SiteDataSource | undefined {
  let head: { story: StorySummary; problems: Problem[] };
  try {
    // The head is the first line; only it is read now.
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
    async *events() {
      for await (const line of readLines(file, 'event')) yield (line as { event: TimelineEvent }).event;
    },
    async *articles() {
      for await (const line of readLines(file, 'article')) yield (line as { article: RenderedArticle }).article;
    },
  };
}

function fromMemory(data: SiteData): SiteDataSource {
  return {
    story: data.story,
    problems: data.problems,
    async *events() {
      yield* data.events;
    },
    async *articles() {
      yield* data.articles;
    },
  };
}

let memo: { key: string; source: SiteDataSource } | undefined;

/**
 * The site's data for `content/`: from the disk cache when a build of the
 * same inputs (the files' bytes, and the pipeline's code) wrote it, else
 * built (the pipeline is loaded only then) and written there. `npm run
 * build` runs this first in a process of its own (`scripts/pipeline.ts`),
 * so Astro's process reads the result, a line at a time, and never holds the
 * pipeline's working data: each step's memory is its own. Content with
 * errors is never cached, so its problems are reported every time.
 */
export async function openSiteData(contentDir: string, options: BuildOptions & { parallel?: boolean } = {}): Promise<SiteDataSource> {
  const inputs = inputsOf(contentDir);
  const cache = cacheFor(options.cache);
  const key = `${cache?.dir ?? '-'}|${statKey(inputs.all)}`;
  if (memo?.key === key) return memo.source;
  const contentKey = hashOf(...inputs.all.flatMap((f) => [displayPath(f), existsSync(f) ? hashOf(readFileSync(f, 'utf8')) : '-']));
  const file = cache ? join(cache.dir, 'site', `${contentKey}.ndjson`) : undefined;
  let source = file ? fromFile(file) : undefined;
  if (!source) {
    // Articles the cache lacks are analysed on every core first (in a process of our own: not inside Astro's).
    if (options.parallel && cache) await (await import('./parallel.ts')).warmArticleCache(inputs.articles, cache);
    const { buildSite, siteDataOf } = await import('./build.ts');
    const data = siteDataOf(buildSite(contentDir, options));
    if (file && !data.problems.some((p) => p.severity === 'error')) {
      try {
        writeLines(file, data);
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
    source = fromMemory(data);
  }
  memo = { key, source };
  return source;
}
