import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashOf, pipelineDir, touch, writeWhole } from './cache.ts';
import { openDataTexts } from './exports.ts';
import { compareEvents } from './order.ts';
import { readSiteFile, type SiteDataSource } from './site-file.ts';
import type { Timeline, TimelineEvent } from './types.ts';

/**
 * The open-data files (`/events.json`, `/timeline.json`) of a site data
 * file, made in a worker thread: tens of megabytes of JSON at thousands of
 * articles, written on the second core while Astro renders pages on the
 * first, and kept beside the site data (`<cache>/exports/`) so a build of the
 * same data and address finds them made. A build copies them into its
 * output (src/integrations/open-data.ts): Astro spent a second on each
 * build just handling a response body that size.
 */

export interface ExportFiles {
  events: string;
  timeline: string;
}

/** Where the files of `siteData` for the site at `origin` are kept. */
export function exportFilesOf(siteData: string, origin: string): ExportFiles {
  const dir = join(dirname(dirname(siteData)), 'exports');
  const key = `${basename(siteData, '.ndjson')}.${hashOf(origin).slice(0, 12)}`;
  return { events: join(dir, `${key}.events.json`), timeline: join(dir, `${key}.timeline.json`) };
}

/** The files' texts: the story and its events in timeline order, with the site's address before each link. */
export async function exportTexts(source: SiteDataSource | string, origin: string): Promise<{ events: string; timeline: string }> {
  const data = typeof source === 'string' ? readSiteFile(source) : source;
  if (!data) throw new Error(`The site data file ${String(source)} is gone`);
  const events: TimelineEvent[] = [];
  for await (const event of data.events()) events.push(event);
  events.sort(compareEvents);
  const { title, description, start, end } = data.story;
  return openDataTexts({ story: { title, description, start, end }, events } as Timeline, origin);
}

/** Writes both files, each whole or not at all (the worker's work). */
export async function writeExportFiles(siteData: string, origin: string): Promise<ExportFiles> {
  const files = exportFilesOf(siteData, origin);
  const texts = await exportTexts(siteData, origin);
  for (const kind of ['timeline', 'events'] as const) writeWhole(files[kind], texts[kind]);
  return files;
}

/**
 * One job per site data and address in the process: the pages start it
 * (src/components/lib/timeline.ts) and the build's integration
 * (src/integrations/open-data.ts) awaits it, each from its own copy of this
 * module (Astro loads pages and integrations apart), hence a global.
 */
const jobs: Map<string, Promise<ExportFiles | undefined>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('news-timeline/export-jobs')] ??= new Map()) as Map<
  string,
  Promise<ExportFiles | undefined>
>;

/**
 * The files of `siteData` for `origin`: found from an earlier build, else
 * made by a worker thread, once per process. Undefined when no worker could
 * make them: the caller makes the texts itself then (`exportTexts`).
 */
export function exportFiles(siteData: string, origin: string): Promise<ExportFiles | undefined> {
  const key = `${siteData}|${origin}`;
  let job = jobs.get(key);
  if (!job) {
    job = start(siteData, origin);
    jobs.set(key, job);
  }
  return job;
}

function start(siteData: string, origin: string): Promise<ExportFiles | undefined> {
  const files = exportFilesOf(siteData, origin);
  if (existsSync(files.events) && existsSync(files.timeline)) {
    touch(files.events);
    touch(files.timeline);
    return Promise.resolve(files);
  }
  // The worker's script is among the pipeline's sources (a page's bundle holds only this module).
  const dir = pipelineDir();
  if (!dir) return Promise.resolve(undefined);
  const script = join(dir, 'export-worker.ts');
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { siteData, origin } });
    worker.once('message', (made: boolean) => resolve(made ? files : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
